// Crash the real server at every step of a sync round. A proxy between client and server
// SIGKILLs the server in place of forwarding the server's frame number k, for k = 1, 2, …
// until a round completes without reaching k. After each restart the client must converge on
// the server's view with an empty outbox and every edit applied exactly once.
#include "convergence.h"
#include "domain/ids.h"
#include "killingproxy.h"
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

constexpr int ImportedRows = 150;
constexpr int MaxSteps = 60;
constexpr int ConvergeTimeoutMs = 60000;
const QString Passphrase = QStringLiteral("fault-test-passphrase");
const QString Username = QStringLiteral("agent");
const QString Password = QStringLiteral("civicdesk-agent");

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/** Short timings, so that reconnecting after each kill takes well under a second. */
CivicDesk::SyncClient::Timings fastTimings(int fetchLimit)
{
    CivicDesk::SyncClient::Timings timings;
    timings.backoffInitial = std::chrono::milliseconds(100);
    timings.backoffMaximum = std::chrono::milliseconds(500);
    timings.fetchLimit = fetchLimit;
    return timings;
}

} // namespace

class tst_ServerKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initialSyncSurvivesKillAtEveryStep();
    void uploadSurvivesKillAtEveryStep();

private:
    std::unique_ptr<ClientSession> signedInSession(const QString &directory, int fetchLimit);
    std::unique_ptr<ProtocolProbe> serverView();
    bool restartServer();

    QTemporaryDir m_serverDir;
    QTemporaryDir m_clientDirs;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<KillingProxy> m_proxy;
    quint16 m_serverPort = 0;
};

void tst_ServerKill::initTestCase()
{
    QVERIFY(m_serverDir.isValid());
    QVERIFY(m_clientDirs.isValid());
    m_server = std::make_unique<ServerProcess>(m_serverDir.path());
    QVERIFY2(m_server->importData(ImportedRows), qPrintable(m_server->errorString()));
    m_serverPort = freeLoopbackPort();
    QVERIFY2(m_server->start(m_serverPort), qPrintable(m_server->errorString()));
    m_proxy = std::make_unique<KillingProxy>(m_serverPort);
    QVERIFY(m_proxy->listen());
}

std::unique_ptr<ClientSession> tst_ServerKill::signedInSession(
    const QString &directory, int fetchLimit)
{
    auto session = std::make_unique<ClientSession>(directory);
    session->setSyncTimings(fastTimings(fetchLimit));
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_proxy->port()));
    session->signIn({ url, Username, Password, Passphrase });
    return session;
}

std::unique_ptr<ProtocolProbe> tst_ServerKill::serverView()
{
    auto probe = std::make_unique<ProtocolProbe>();
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_serverPort));
    if (!probe->connectAndLogin(url, Username, Password) || !probe->fetchAll()) {
        qWarning() << "probe failed:" << probe->lastError();
        return nullptr;
    }
    return probe;
}

bool tst_ServerKill::restartServer()
{
    m_server->kill();
    if (!m_server->start(m_serverPort)) {
        qWarning() << m_server->errorString();
        return false;
    }
    return true;
}

void tst_ServerKill::initialSyncSurvivesKillAtEveryStep()
{
    int step = 1;
    for (; step <= MaxSteps; ++step) {
        m_proxy->setKillPoint(step, [this] { m_server->kill(); });
        const QString directory = m_clientDirs.filePath(QStringLiteral("initial-%1").arg(step));
        auto session = signedInSession(directory, 100);
        QSignalSpy synced(session.get(), &ClientSession::syncFinished);
        QSignalSpy failed(session.get(), &ClientSession::signInFailed);

        QTRY_VERIFY_WITH_TIMEOUT(m_proxy->killed() || !synced.isEmpty(), ConvergeTimeoutMs);
        const bool killed = m_proxy->killed();
        if (killed) {
            QVERIFY(restartServer());
            // The session may not have read the dropped connection yet, so wait until it
            // either fails the sign-in or syncs after reconnecting.
            QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !synced.isEmpty(), ConvergeTimeoutMs);
            // A first sign-in needs the server: killed before loginOk, it fails as
            // unreachable and the person signs in again.
            if (!failed.isEmpty()) {
                QCOMPARE(failed.first().at(0).value<ClientSession::ErrorCode>(),
                    ClientSession::ErrorCode::ServerUnreachable);
                session = signedInSession(directory, 100);
                synced.clear();
                QSignalSpy again(session.get(), &ClientSession::syncFinished);
                QTRY_VERIFY_WITH_TIMEOUT(!again.isEmpty(), ConvergeTimeoutMs);
            } else {
                QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), ConvergeTimeoutMs);
            }
        }

        // A push may still be on its way after syncFinished, so compare until equal.
        const auto probe = serverView();
        QVERIFY(probe);
        QVERIFY(session->repository());
        QTRY_COMPARE_WITH_TIMEOUT(differenceFromServer(*session->repository(), *probe),
            QString(), 10000);
        session->signOut();
        if (!killed) {
            break; // the whole round passed without reaching this step
        }
    }
    m_proxy->setKillPoint(0, {});
    QVERIFY2(step > 2, "a sync round must take several server frames");
    QVERIFY2(step <= MaxSteps, "the round never completed");
    qInfo("initial sync: killed the server at each of %d steps", step - 1);
}

void tst_ServerKill::uploadSurvivesKillAtEveryStep()
{
    m_proxy->setKillPoint(0, {});
    const QString directory = m_clientDirs.filePath(QStringLiteral("upload"));
    auto session = signedInSession(directory, 100);
    QSignalSpy synced(session.get(), &ClientSession::syncFinished);
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), ConvergeTimeoutMs);

    int step = 1;
    for (; step <= MaxSteps; ++step) {
        // Offline: the server is down while the person edits three cases.
        m_server->kill();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ClientSession::State::Offline, 20000);
        CivicDesk::Repository &repository = *session->repository();
        const QStringList open = openCaseIds(repository);
        QVERIFY2(open.size() >= 3, "the agent needs three open cases");
        const QString note = QStringLiteral("σημείωση βήμα %1 %2")
                                 .arg(step)
                                 .arg(QString::fromStdString(civicdesk::generateUuid()));
        QVERIFY(!session->addCaseNote(open.at(step % open.size()), note).isEmpty());
        QVERIFY(!session->setCaseStatus(open.at((step + 1) % open.size()),
                                QStringLiteral("in_progress"))
                     .isEmpty());
        QVERIFY(!session->claimCase(open.at((step + 2) % open.size())).isEmpty());
        QCOMPARE(session->pendingCount(), 3);

        // Back online, with the server killed at this step of the round.
        m_proxy->setKillPoint(step, [this] { m_server->kill(); });
        QVERIFY2(m_server->start(m_serverPort), qPrintable(m_server->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_proxy->killed()
                || (session->pendingCount() == 0
                    && session->state() == ClientSession::State::Online),
            ConvergeTimeoutMs);
        const bool killed = m_proxy->killed();
        if (killed) {
            QVERIFY(m_server->start(m_serverPort));
        }
        QTRY_COMPARE_WITH_TIMEOUT(session->pendingCount(), 0, ConvergeTimeoutMs);
        QCOMPARE(session->rejectedCount(), 0);

        const auto probe = serverView();
        QVERIFY(probe);
        QCOMPARE(copiesOfNote(*probe, note), 1);
        QTRY_COMPARE_WITH_TIMEOUT(differenceFromServer(repository, *probe), QString(), 10000);
        if (!killed) {
            break; // the whole round passed without reaching this step
        }
    }
    m_proxy->setKillPoint(0, {});
    QVERIFY2(step > 2, "an upload round must take several server frames");
    QVERIFY2(step <= MaxSteps, "the round never completed");
    qInfo("upload: killed the server at each of %d steps", step - 1);
}

QTEST_GUILESS_MAIN(tst_ServerKill)
#include "tst_serverkill.moc"
