#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

/** The client must never load the system SQLite beside SQLCipher: both export the same
 *  symbols and a process with the two crashes. */
class tst_NoSqlite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processMapsOnlySqlcipher();
    void binariesDoNotLinkSqlite_data();
    void binariesDoNotLinkSqlite();
};

void tst_NoSqlite::processMapsOnlySqlcipher()
{
    QTemporaryDir dir;
    auto cache = TestSupport::openCache(
        dir.filePath(QStringLiteral("maps.cdcache")), TestSupport::randomKey());
    QVERIFY(cache);

    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray text = maps.readAll();

    QVERIFY(text.contains("libsqlcipher.so"));
    QVERIFY2(!text.contains("libsqlite3.so"), "libsqlite3 is mapped into the process");
}

void tst_NoSqlite::binariesDoNotLinkSqlite_data()
{
    QTest::addColumn<QString>("binary");

    QTest::newRow("this test") << QCoreApplication::applicationFilePath();
    const QString client = QStringLiteral(CIVICDESK_BINARY_DIR "/client/app/civicdesk");
    if (QFile::exists(client)) {
        QTest::newRow("desktop client") << client;
    }
}

void tst_NoSqlite::binariesDoNotLinkSqlite()
{
    QFETCH(QString, binary);
    const QString ldd = QStandardPaths::findExecutable(QStringLiteral("ldd"));
    if (ldd.isEmpty()) {
        QSKIP("ldd is not installed");
    }

    QProcess process;
    process.start(ldd, { binary });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray output = process.readAllStandardOutput();

    QVERIFY(output.contains("libsqlcipher.so"));
    QVERIFY2(!output.contains("libsqlite3.so"), output.constData());
}

QTEST_GUILESS_MAIN(tst_NoSqlite)
#include "tst_nosqlite.moc"
