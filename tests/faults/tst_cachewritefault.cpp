// Fail the client cache's n-th commit of a sync round, for n = 1, 2, … until a round passes
// without reaching n, in the way Nextcloud's client tests fail the i-th database write.
// SQLite rolls the failed commit back. The client is then restarted on the same cache file, as
// a person would after an error. It must converge on the server's view with an empty outbox
// and every edit applied exactly once.
#include "convergence.h"
#include "domain/ids.h"
#include "faultyvfs.h"
#include "protocolprobe.h"
#include "serverprocess.h"
#include "session/clientsession.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using CivicDesk::ClientSession;

namespace {

constexpr int ImportedRows = 120;
constexpr int MaxCommits = 80;
constexpr int SyncTimeoutMs = 60000;
// After the failed commit, the time the client gets to run on before it is restarted.
constexpr int AfterFaultMs = 1500;
const QString Passphrase = QStringLiteral("fault-test-passphrase");
const QString Username = QStringLiteral("agent2");
const QString Password = QStringLiteral("civicdesk-agent2");

} // namespace

class tst_CacheWriteFault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initialSyncSurvivesFailedCommit();
    void uploadSurvivesFailedCommit();

private:
    std::unique_ptr<ClientSession> startSession(const QString &directory);
    bool waitSynced(ClientSession &session);
    QString convergenceProblem(ClientSession &session, const QString &noteText = {});
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)); }

    QTemporaryDir m_serverDir;
    QTemporaryDir m_clientDirs;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_port = 0;
};

void tst_CacheWriteFault::initTestCase()
{
    FaultyVfs::install();
    QVERIFY(m_serverDir.isValid());
    QVERIFY(m_clientDirs.isValid());
    m_server = std::make_unique<ServerProcess>(m_serverDir.path());
    QVERIFY2(m_server->importData(ImportedRows), qPrintable(m_server->errorString()));
    QVERIFY2(m_server->start(0), qPrintable(m_server->errorString()));
    m_port = m_server->port();
}

std::unique_ptr<ClientSession> tst_CacheWriteFault::startSession(const QString &directory)
{
    auto session = std::make_unique<ClientSession>(directory);
    CivicDesk::SyncClient::Timings timings;
    timings.backoffInitial = std::chrono::milliseconds(100);
    timings.backoffMaximum = std::chrono::milliseconds(500);
    timings.fetchLimit = 100;
    session->setSyncTimings(timings);
    session->signIn({ url(), Username, Password, Passphrase });
    return session;
}

bool tst_CacheWriteFault::waitSynced(ClientSession &session)
{
    QSignalSpy synced(&session, &ClientSession::syncFinished);
    return synced.count() > 0 || synced.wait(SyncTimeoutMs);
}

QString tst_CacheWriteFault::convergenceProblem(ClientSession &session, const QString &noteText)
{
    ProtocolProbe probe;
    if (!probe.connectAndLogin(url(), Username, Password) || !probe.fetchAll()) {
        return QStringLiteral("probe failed: ") + probe.lastError();
    }
    if (!noteText.isEmpty() && copiesOfNote(probe, noteText) != 1) {
        return QStringLiteral("the note reached the server %1 times")
            .arg(copiesOfNote(probe, noteText));
    }
    if (session.pendingCount() != 0 || session.rejectedCount() != 0) {
        return QStringLiteral("the outbox holds %1 pending and %2 rejected edits")
            .arg(session.pendingCount())
            .arg(session.rejectedCount());
    }
    return differenceFromServer(*session.repository(), probe);
}

void tst_CacheWriteFault::initialSyncSurvivesFailedCommit()
{
    int commit = 1;
    for (; commit <= MaxCommits; ++commit) {
        const QString directory = m_clientDirs.filePath(QStringLiteral("initial-%1").arg(commit));
        FaultyVfs::failCommit(commit);
        {
            auto session = startSession(directory);
            QSignalSpy synced(session.get(), &ClientSession::syncFinished);
            QTRY_VERIFY_WITH_TIMEOUT(FaultyVfs::fired() || !synced.isEmpty(), SyncTimeoutMs);
            if (!FaultyVfs::fired()) {
                FaultyVfs::failCommit(0);
                break; // the whole round passed with fewer commits
            }
            QTest::qWait(AfterFaultMs);
        }
        FaultyVfs::failCommit(0);

        auto restarted = startSession(directory);
        QVERIFY2(waitSynced(*restarted), qPrintable(QStringLiteral("commit %1").arg(commit)));
        QTRY_COMPARE_WITH_TIMEOUT(convergenceProblem(*restarted), QString(), 15000);
    }
    QVERIFY2(commit > 2, "an initial sync must take several commits");
    QVERIFY2(commit <= MaxCommits, "the initial sync never completed");
    qInfo("initial sync: failed each of its %d commits in turn", commit - 1);
}

void tst_CacheWriteFault::uploadSurvivesFailedCommit()
{
    const QString directory = m_clientDirs.filePath(QStringLiteral("upload"));
    {
        auto session = startSession(directory);
        QVERIFY(waitSynced(*session));
    }

    int commit = 1;
    for (; commit <= MaxCommits; ++commit) {
        // Edits made offline: the session signs in from the cache while the server is down.
        m_server->kill();
        QString note;
        {
            auto offline = startSession(directory);
            QTRY_COMPARE_WITH_TIMEOUT(offline->state(), ClientSession::State::Offline, 20000);
            const QStringList open = openCaseIds(*offline->repository());
            QVERIFY2(open.size() >= 2, "the agent needs two open cases");
            note = QStringLiteral("σημείωση εγγραφής %1 %2")
                       .arg(commit)
                       .arg(QString::fromStdString(civicdesk::generateUuid()));
            QVERIFY(!offline->addCaseNote(open.at(commit % open.size()), note).isEmpty());
            QVERIFY(!offline->setCaseStatus(open.at((commit + 1) % open.size()),
                                 QStringLiteral("in_progress"))
                         .isEmpty());
        }
        QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorString()));

        FaultyVfs::failCommit(commit);
        bool fired = false;
        {
            auto session = startSession(directory);
            QTRY_VERIFY_WITH_TIMEOUT(FaultyVfs::fired()
                    || (session->pendingCount() == 0
                        && session->state() == ClientSession::State::Online),
                SyncTimeoutMs);
            fired = FaultyVfs::fired();
            if (fired) {
                QTest::qWait(AfterFaultMs);
            }
        }
        FaultyVfs::failCommit(0);

        auto restarted = startSession(directory);
        QTRY_VERIFY_WITH_TIMEOUT(restarted->pendingCount() == 0
                && restarted->state() == ClientSession::State::Online,
            SyncTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(convergenceProblem(*restarted, note), QString(), 15000);
        if (!fired) {
            break;
        }
    }
    QVERIFY2(commit > 2, "an upload round must take several commits");
    QVERIFY2(commit <= MaxCommits, "the upload round never completed");
    qInfo("upload: failed each of its %d commits in turn", commit - 1);
}

QTEST_GUILESS_MAIN(tst_CacheWriteFault)
#include "tst_cachewritefault.moc"
