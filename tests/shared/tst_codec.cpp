#include "protocol/codec.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <nlohmann/json.hpp>

namespace protocol = civicdesk::protocol;
using nlohmann::json;

namespace {

QString fixtureDir()
{
    return QStringLiteral(CIVICDESK_SOURCE_DIR "/shared/protocol/fixtures");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    return file.readAll();
}

} // namespace

/** The codec against the golden fixtures that the server and client suites also load. */
class tst_Codec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validFixturesRoundTrip_data();
    void validFixturesRoundTrip();
    void invalidMessagesRejected_data();
    void invalidMessagesRejected();
    void oversizedMessageRejected();
    void ridSurvivesDecodeErrors();
    void randomBytesNeverCrash();
    void everyErrorCodeHasAName();
};

void tst_Codec::validFixturesRoundTrip_data()
{
    QTest::addColumn<QString>("path");

    const QDir dir(fixtureDir() + QStringLiteral("/valid"));
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files);
    QVERIFY(files.size() >= 13);
    for (const QString &name : files) {
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }
}

void tst_Codec::validFixturesRoundTrip()
{
    QFETCH(QString, path);
    const QByteArray text = readFile(path);

    const auto decoded = protocol::decode(text.toStdString());

    QVERIFY2(decoded, decoded.error.message.c_str());
    const json expected = json::parse(text.toStdString());
    QCOMPARE(std::string(protocol::typeName(*decoded.message)),
             expected.at("type").get<std::string>());
    const json reencoded = json::parse(protocol::encode(*decoded.message));
    if (reencoded != expected) {
        QFAIL(qPrintable(QStringLiteral("re-encoded differs:\n%1\nexpected:\n%2")
                                 .arg(QString::fromStdString(reencoded.dump()),
                                      QString::fromStdString(expected.dump()))));
    }
}

void tst_Codec::invalidMessagesRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");

    const json manifest = json::parse(
            readFile(fixtureDir() + QStringLiteral("/invalid/manifest.json")).toStdString());
    for (const json &row : manifest) {
        QTest::newRow(row.at("name").get<std::string>().c_str())
                << QString::fromStdString(row.at("text").get<std::string>())
                << QString::fromStdString(row.at("code").get<std::string>())
                << QString::fromStdString(row.value("mentions", std::string()));
    }
}

void tst_Codec::invalidMessagesRejected()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(QString, mentions);

    const auto decoded = protocol::decode(text.toStdString());

    QVERIFY(!decoded);
    QCOMPARE(QString::fromUtf8(protocol::toString(decoded.error.code).data()), code);
    if (!mentions.isEmpty()) {
        QVERIFY2(QString::fromStdString(decoded.error.message).contains(mentions),
                 decoded.error.message.c_str());
    }
}

void tst_Codec::oversizedMessageRejected()
{
    std::string text = R"({"v":1,"type":"ping","rid":")";
    text.append(protocol::MaxMessageBytes, 'x');
    text.append("\"}");

    const auto decoded = protocol::decode(text);

    QVERIFY(!decoded);
    QVERIFY(decoded.error.code == protocol::ErrorCode::TooLarge);
}

void tst_Codec::ridSurvivesDecodeErrors()
{
    const auto decoded = protocol::decode(R"({"v":1,"type":"fetch","rid":"r9","cursor":"zero"})");

    QVERIFY(!decoded);
    QVERIFY(decoded.error.code == protocol::ErrorCode::Malformed);
    QCOMPARE(decoded.error.rid, std::string("r9"));
}

void tst_Codec::randomBytesNeverCrash()
{
    const QByteArray seed = readFile(fixtureDir() + QStringLiteral("/valid/batch.json"));
    QRandomGenerator random(20261204);
    int rejected = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray text = seed;
        const int flips = 1 + random.bounded(8);
        for (int i = 0; i < flips; ++i) {
            text[random.bounded(text.size())] = char(random.bounded(256));
        }
        const auto decoded = protocol::decode(std::string_view(text.constData(), text.size()));
        if (!decoded) {
            ++rejected;
        }
    }
    QVERIFY2(rejected > 1000, "most corrupted messages must be rejected");
}

void tst_Codec::everyErrorCodeHasAName()
{
    // ServerBusy is the last value of the enum.
    for (int value = 0; value <= int(protocol::ErrorCode::ServerBusy); ++value) {
        const auto code = static_cast<protocol::ErrorCode>(value);
        protocol::ErrorCode parsed;
        QVERIFY(protocol::errorCodeFromString(protocol::toString(code), parsed));
        QVERIFY(parsed == code);
    }
}

QTEST_APPLESS_MAIN(tst_Codec)
#include "tst_codec.moc"
