#include "data/repository.h"
#include "scriptedserver.h"
#include "session/clientsession.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;
using namespace std::chrono_literals;

/** ClientSession driven headless against the scripted server, as the app and the lead's
 *  integration test drive it. CIVICDESK_NO_KEYCHAIN=1 selects the passphrase path. */
class tst_ClientSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void signsInSyncsAndSendsEdits();
    void missingPassphraseIsReported();
    void signsInOfflineWithCachedPassword();
    void offlineSignInChecksPasswordAndPassphrase_data();
    void offlineSignInChecksPasswordAndPassphrase();
    void unreachableWithoutCacheFails();
    void wrongPasswordOnlineFails();

private:
    ClientSession::SignInRequest request() const;
    void signInOnline(ClientSession &session);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_ClientSession::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
    qRegisterMetaType<ClientSession::ErrorCode>();
}

void tst_ClientSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_server->append(upsert(0, "user", json(m_server->user)));
    m_server->append(upsert(0, "team", teamRecord(uuid(100), "Τεχνικές υπηρεσίες", "Technical")));
    m_server->append(upsert(0, "case", caseRecord(uuid(30), "CD-1", uuid(100), 4.0)));
}

ClientSession::SignInRequest tst_ClientSession::request() const
{
    return { m_server->url(), QString::fromStdString(m_server->username),
        QString::fromStdString(m_server->password), QStringLiteral("cache passphrase") };
}

void tst_ClientSession::signInOnline(ClientSession &session)
{
    SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 100ms;
    session.setSyncTimings(timings);
    QSignalSpy finished(&session, &ClientSession::syncFinished);
    QSignalSpy signedIn(&session, &ClientSession::signedIn);

    session.signIn(request());

    QVERIFY(finished.wait(10000));
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(session.state(), ClientSession::State::Online);
}

void tst_ClientSession::signsInSyncsAndSendsEdits()
{
    ClientSession session(m_dir->path());
    signInOnline(session);
    QVERIFY(!QTest::currentTestFailed());

    QVERIFY(session.repository());
    QCOMPARE(session.currentUser().id, QString::fromStdString(m_server->user.id));
    QVERIFY(QFile::exists(session.cacheFilePath()));
    QVERIFY(QFile::exists(session.cacheFilePath() + QStringLiteral(".key")));
    QVERIFY(session.lastSyncServerTime().isValid());
    QCOMPARE(session.repository()->caseIds(
                 { QueueKey::Kind::Team, QString::fromStdString(uuid(100)) }, false),
        QStringList { QString::fromStdString(uuid(30)) });

    QSignalSpy pending(&session, &ClientSession::pendingCountChanged);
    const QString mutationId = session.claimCase(QString::fromStdString(uuid(30)));
    QVERIFY(!mutationId.isEmpty());
    QCOMPARE(session.repository()->caseById(QString::fromStdString(uuid(30)))->assigneeId,
        session.currentUser().id);
    QTRY_COMPARE(session.pendingCount(), 0);
    QCOMPARE(QString::fromStdString(m_server->mutations.at(0).id), mutationId);
    QVERIFY(session.setCaseStatus(QString::fromStdString(uuid(30)), "no-such-status").isEmpty());
}

void tst_ClientSession::missingPassphraseIsReported()
{
    ClientSession session(m_dir->path());
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    auto withoutPassphrase = request();
    withoutPassphrase.passphrase.clear();

    session.signIn(withoutPassphrase);

    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<ClientSession::ErrorCode>(),
        ClientSession::ErrorCode::PassphraseRequired);
    QVERIFY(!session.keychainAvailable());
}

void tst_ClientSession::signsInOfflineWithCachedPassword()
{
    {
        ClientSession online(m_dir->path());
        signInOnline(online);
        QVERIFY(!QTest::currentTestFailed());
    }
    m_server->shutDown();

    ClientSession session(m_dir->path());
    QSignalSpy signedIn(&session, &ClientSession::signedIn);
    session.signIn(request());

    QVERIFY(signedIn.wait(10000));
    QCOMPARE(session.state(), ClientSession::State::Offline);
    QCOMPARE(session.currentUser().username, QString::fromStdString(m_server->username));
    QVERIFY(session.repository()->caseById(QString::fromStdString(uuid(30))));
    QVERIFY(!session.claimCase(QString::fromStdString(uuid(30))).isEmpty());
    QCOMPARE(session.pendingCount(), 1);
}

void tst_ClientSession::offlineSignInChecksPasswordAndPassphrase_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<ClientSession::ErrorCode>("expected");

    QTest::newRow("wrong password")
        << "not the password"
        << "cache passphrase" << ClientSession::ErrorCode::InvalidCredentials;
    QTest::newRow("wrong passphrase")
        << QString::fromStdString(ScriptedServer().password) << "other passphrase"
        << ClientSession::ErrorCode::WrongPassphrase;
}

void tst_ClientSession::offlineSignInChecksPasswordAndPassphrase()
{
    QFETCH(QString, password);
    QFETCH(QString, passphrase);
    QFETCH(ClientSession::ErrorCode, expected);
    {
        ClientSession online(m_dir->path());
        signInOnline(online);
        QVERIFY(!QTest::currentTestFailed());
    }
    m_server->shutDown();

    ClientSession session(m_dir->path());
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    auto attempt = request();
    attempt.password = password;
    attempt.passphrase = passphrase;
    session.signIn(attempt);

    QVERIFY(failed.size() == 1 || failed.wait(10000));
    QCOMPARE(failed.first().first().value<ClientSession::ErrorCode>(), expected);
    QCOMPARE(session.state(), ClientSession::State::SignedOut);
}

void tst_ClientSession::unreachableWithoutCacheFails()
{
    m_server->shutDown();
    ClientSession session(m_dir->path());
    QSignalSpy failed(&session, &ClientSession::signInFailed);

    session.signIn(request());

    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().value<ClientSession::ErrorCode>(),
        ClientSession::ErrorCode::ServerUnreachable);
}

void tst_ClientSession::wrongPasswordOnlineFails()
{
    ClientSession session(m_dir->path());
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    auto attempt = request();
    attempt.password = QStringLiteral("wrong");

    session.signIn(attempt);

    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().value<ClientSession::ErrorCode>(),
        ClientSession::ErrorCode::InvalidCredentials);
    QVERIFY(!session.repository());
}

QTEST_GUILESS_MAIN(tst_ClientSession)
#include "tst_clientsession.moc"
