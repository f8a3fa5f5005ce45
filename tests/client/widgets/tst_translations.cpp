// Checks that every message of the client's .ts files is translated, with the same
// placeholders as its source text.

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString translationType;
    QStringList translations; // one entry, or one per numerus form
    qint64 line = 0;
};

QStringList readTranslation(QXmlStreamReader &xml)
{
    QStringList numerusForms;
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"translation") {
            break;
        }
        if (xml.isStartElement() && xml.name() == u"numerusform") {
            numerusForms.append(xml.readElementText());
        } else if (xml.isCharacters()) {
            text += xml.text();
        }
    }
    return numerusForms.isEmpty() ? QStringList { text } : numerusForms;
}

QList<Message> readMessages(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return {};
    }

    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        const QStringView name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            messages.append({ context, {}, {}, {}, xml.lineNumber() });
        } else if (name == u"source" && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (name == u"translation" && !messages.isEmpty()) {
            messages.last().translationType =
                xml.attributes().value(QLatin1String("type")).toString();
            messages.last().translations = readTranslation(xml);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text)) {
        found.insert(match.captured());
    }
    return found;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data();
    void complete();
};

void tst_Translations::complete_data()
{
    QTest::addColumn<QString>("path");

    QTest::newRow("Greek") << QStringLiteral(CIVICDESK_SOURCE_DIR "/translations/civicdesk_el.ts");
    QTest::newRow("English") << QStringLiteral(
        CIVICDESK_SOURCE_DIR "/translations/civicdesk_en.ts");
}

void tst_Translations::complete()
{
    QFETCH(QString, path);

    QString error;
    const QList<Message> messages = readMessages(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!messages.isEmpty(), "the file has no messages");

    for (const Message &message : messages) {
        const QString where = QStringLiteral("%1 line %2 (%3: \"%4\")")
                                  .arg(path)
                                  .arg(message.line)
                                  .arg(message.context, message.source);
        QVERIFY2(message.translationType.isEmpty(),
            qPrintable(where + QStringLiteral(" is marked ") + message.translationType));
        QVERIFY2(!message.translations.isEmpty(), qPrintable(where + " has no translation"));
        for (const QString &translation : message.translations) {
            QVERIFY2(
                !translation.trimmed().isEmpty(), qPrintable(where + " has an empty translation"));
            QVERIFY2(placeholders(translation) == placeholders(message.source),
                qPrintable(where + " has other placeholders than its source"));
        }
    }
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
