#include "validation/greekids.h"

#include <QFile>
#include <QTest>

using civicdesk::validation::validateAfm;
using civicdesk::validation::validateAmka;

/** Table-driven checks of the AFM and AMKA rules, led by the published test vectors. */
class tst_GreekIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publicVectors_data();
    void publicVectors();
    void afmRules_data();
    void afmRules();
    void amkaRules_data();
    void amkaRules();
    void generatedNumbersValidate();
};

void tst_GreekIds::publicVectors_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("expected");

    QFile file(QStringLiteral(CIVICDESK_SOURCE_DIR "/resources/data/validation/"
                              "afm_amka_public_test_vectors.csv"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    file.readLine(); // header
    int rows = 0;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split(',');
        if (fields.size() < 3) {
            continue;
        }
        const QString name = QStringLiteral("%1 %2").arg(QString::fromUtf8(fields[0]),
                                                         QString::fromUtf8(fields[1]));
        QTest::newRow(qPrintable(name)) << QString::fromUtf8(fields[0])
                                        << QString::fromUtf8(fields[1])
                                        << (fields[2] == "true");
        ++rows;
    }
    QVERIFY2(rows >= 9, "the public test vector file lost rows");
}

void tst_GreekIds::publicVectors()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(bool, expected);

    const std::string text = value.toStdString();
    const auto result = type == QLatin1String("AMKA") ? validateAmka(text) : validateAfm(text);

    QCOMPARE(result.ok, expected);
}

void tst_GreekIds::afmRules_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("rule");

    QTest::newRow("valid") << "090000045" << "";
    QTest::newRow("valid with GR prefix") << "GR090000045" << "";
    QTest::newRow("eight digits") << "09000004" << "afm.format";
    QTest::newRow("ten digits") << "0900000450" << "afm.format";
    QTest::newRow("letter inside") << "09000A045" << "afm.format";
    QTest::newRow("empty") << "" << "afm.format";
    QTest::newRow("all zeros") << "000000000" << "afm.zero";
    QTest::newRow("wrong check digit") << "090000046" << "afm.check_digit";
    QTest::newRow("remainder ten gives zero") << "000000050" << "";
}

void tst_GreekIds::afmRules()
{
    QFETCH(QString, value);
    QFETCH(QString, rule);

    const auto result = validateAfm(value.toStdString(), "contact.afm");

    QCOMPARE(QString::fromStdString(result.rule), rule);
    QCOMPARE(result.ok, rule.isEmpty());
    if (!result.ok) {
        QCOMPARE(QString::fromStdString(result.field), QStringLiteral("contact.afm"));
        QVERIFY(result.message.find("contact.afm") != std::string::npos);
    }
}

void tst_GreekIds::amkaRules_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("rule");

    QTest::newRow("valid") << "01013099997" << "";
    QTest::newRow("ten digits") << "0101309999" << "amka.format";
    QTest::newRow("spaces") << "010130 9999" << "amka.format";
    QTest::newRow("all zeros") << "00000000000" << "amka.zero";
    QTest::newRow("month thirteen") << "01133099990" << "amka.birth_date";
    QTest::newRow("day zero") << "00013099990" << "amka.birth_date";
    QTest::newRow("thirty-first of April") << "31043099990" << "amka.birth_date";
    QTest::newRow("twenty-ninth of February, odd year") << "29023199990" << "amka.birth_date";
    QTest::newRow("Luhn fails") << "01013099999" << "amka.check_digit";
}

void tst_GreekIds::amkaRules()
{
    QFETCH(QString, value);
    QFETCH(QString, rule);

    const auto result = validateAmka(value.toStdString());

    QCOMPARE(QString::fromStdString(result.rule), rule);
    QCOMPARE(result.ok, rule.isEmpty());
}

void tst_GreekIds::generatedNumbersValidate()
{
    const std::string eight = "12345678";
    const std::string afm = eight + char('0' + civicdesk::validation::afmCheckDigit(eight));
    QVERIFY(validateAfm(afm).ok);

    const std::string ten = "1503851234";
    const std::string amka = ten + char('0' + civicdesk::validation::luhnCheckDigit(ten));
    QVERIFY(validateAmka(amka).ok);
}

QTEST_APPLESS_MAIN(tst_GreekIds)
#include "tst_greekids.moc"
