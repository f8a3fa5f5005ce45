// The server is restored from a backup after it acknowledged some edits. The client must
// notice, fetch everything again and re-send exactly the edits the backup lacks. The store is
// restored either with `civicdesk-server restore` (new epoch, restore point) or by copying its
// file back by hand (same epoch, head below the client's cursor).
#include "convergence.h"
#include "domain/ids.h"
#include "protocolprobe.h"
#include "serverprocess.h"
#include "session/clientsession.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using CivicDesk::ClientSession;

namespace {

constexpr int ImportedRows = 120;
constexpr int SyncTimeoutMs = 60000;
const QString Username = QStringLiteral("agent");
const QString Password = QStringLiteral("civicdesk-agent");

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/** Runs a civicdesk-server command on dataDir and stores its output; true on exit code 0. */
bool runServerCommand(const QString &dataDir, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(CIVICDESK_SERVER_BINARY),
        QStringList { QStringLiteral("--data-dir=%1").arg(dataDir) } + arguments);
    const bool finished = process.waitForFinished(60000);
    *output = QString::fromUtf8(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class tst_RestoreReupload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoreCommandEditsSentAgain();
    void fileCopiedBackEditsSentAgain();

private:
    void checkLostEditsSentAgain(bool withRestoreCommand);
};

void tst_RestoreReupload::checkLostEditsSentAgain(bool withRestoreCommand)
{
    QTemporaryDir serverDir;
    QTemporaryDir clientDir;
    ServerProcess server(serverDir.path());
    QVERIFY2(server.importData(ImportedRows), qPrintable(server.errorString()));
    const quint16 port = freeLoopbackPort();
    QVERIFY2(server.start(port), qPrintable(server.errorString()));
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));

    ClientSession session(clientDir.path());
    CivicDesk::SyncClient::Timings timings;
    timings.backoffInitial = std::chrono::milliseconds(100);
    timings.backoffMaximum = std::chrono::milliseconds(500);
    session.setSyncTimings(timings);
    QSignalSpy synced(&session, &ClientSession::syncFinished);
    session.signIn({ url, Username, Password, QStringLiteral("restore-test-passphrase") });
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), SyncTimeoutMs);
    const QStringList open = openCaseIds(*session.repository());
    QVERIFY2(open.size() >= 3, "the agent needs three open cases");

    // One edit the backup keeps, then two it lacks.
    const QString kept = QStringLiteral("πριν από το αντίγραφο %1")
                             .arg(QString::fromStdString(civicdesk::generateUuid()));
    QVERIFY(!session.addCaseNote(open.at(0), kept).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(session.pendingCount(), 0, SyncTimeoutMs);
    const QString backup = QDir(serverDir.path()).filePath(QStringLiteral("backup.sqlite"));
    QString output;
    QVERIFY2(runServerCommand(serverDir.path(),
                 { QStringLiteral("--file=%1").arg(backup), QStringLiteral("backup") }, &output),
        qPrintable(output));

    const QString lost = QStringLiteral("μετά το αντίγραφο %1")
                             .arg(QString::fromStdString(civicdesk::generateUuid()));
    QVERIFY(!session.addCaseNote(open.at(1), lost).isEmpty());
    QVERIFY(!session.setCaseStatus(open.at(2), QStringLiteral("in_progress")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(session.pendingCount(), 0, SyncTimeoutMs);

    // The store goes back to the backup.
    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClientSession::State::Offline, 20000);
    const QString database = QDir(serverDir.path()).filePath(QStringLiteral("civicdesk.sqlite"));
    if (withRestoreCommand) {
        QVERIFY2(runServerCommand(serverDir.path(),
                     { QStringLiteral("--file=%1").arg(backup), QStringLiteral("restore") },
                     &output),
            qPrintable(output));
    } else {
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            QFile::remove(database + suffix);
        }
        QVERIFY(QFile::copy(backup, database));
    }
    QVERIFY2(server.start(port), qPrintable(server.errorString()));

    // The client catches up, then re-sends the two lost edits: they wait outside the pending
    // count until everything is fetched again, and the session is online only after that.
    QTRY_VERIFY_WITH_TIMEOUT(session.state() == ClientSession::State::Online
            && session.pendingCount() == 0,
        SyncTimeoutMs);
    ProtocolProbe probe;
    QVERIFY(probe.connectAndLogin(url, Username, Password));
    QVERIFY(probe.fetchAll());
    QCOMPARE(copiesOfNote(probe, lost), 1);
    QCOMPARE(copiesOfNote(probe, kept), 1);
    QCOMPARE(session.rejectedCount(), 0);
    const nlohmann::json edited = probe.records().value({ QStringLiteral("case"), open.at(2) });
    QCOMPARE(edited.at("status").get<std::string>(), std::string("in_progress"));
    QTRY_COMPARE_WITH_TIMEOUT(differenceFromServer(*session.repository(), probe), QString(), 15000);
}

void tst_RestoreReupload::restoreCommandEditsSentAgain()
{
    checkLostEditsSentAgain(true);
}

void tst_RestoreReupload::fileCopiedBackEditsSentAgain()
{
    checkLostEditsSentAgain(false);
}

QTEST_GUILESS_MAIN(tst_RestoreReupload)
#include "tst_restorereupload.moc"
