#include "data/repository.h"
#include "domain/ids.h"
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
    void busyServerDelaysFirstSignIn();
    void busyServerShownWhileOffline();
    void ruleEditIsAcknowledged();
    void ruleEditRejectNamesEntity();
    void recordEditsCheckArguments();

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

void tst_ClientSession::busyServerDelaysFirstSignIn()
{
    // No cached sign-in exists, so a server.busy reply must not end the sign-in as unreachable.
    m_server->busyLogins = 2;
    m_server->busyRetryAfter = 0;
    ClientSession session(m_dir->path());
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    QSignalSpy busy(&session, &ClientSession::serverBusyChanged);

    signInOnline(session);
    QVERIFY(!QTest::currentTestFailed());

    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_server->logins, 3);
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.at(0).first().toBool(), true);
    QCOMPARE(busy.at(1).first().toBool(), false);
    QVERIFY(!session.isServerBusy());
}

void tst_ClientSession::busyServerShownWhileOffline()
{
    {
        ClientSession online(m_dir->path());
        signInOnline(online);
        QVERIFY(!QTest::currentTestFailed());
    }
    m_server->busyLogins = 1000;
    ClientSession session(m_dir->path());
    SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 100ms;
    session.setSyncTimings(timings);
    QSignalSpy signedIn(&session, &ClientSession::signedIn);
    QSignalSpy failed(&session, &ClientSession::signInFailed);

    session.signIn(request());

    QVERIFY(signedIn.wait(10000));
    QCOMPARE(session.state(), ClientSession::State::Offline);
    QVERIFY(session.isServerBusy());
    QTRY_VERIFY_WITH_TIMEOUT(m_server->logins >= 4, 5000); // still retrying
    QCOMPARE(failed.size(), 0);

    m_server->busyLogins = 0;
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClientSession::State::Online, 10000);
    QVERIFY(!session.isServerBusy());
}

void tst_ClientSession::ruleEditIsAcknowledged()
{
    ClientSession session(m_dir->path());
    signInOnline(session);
    QVERIFY(!QTest::currentTestFailed());
    QSignalSpy acknowledged(&session, &ClientSession::editAcknowledged);
    QSignalSpy changed(&session, &ClientSession::cacheChanged);

    const QString mutationId = session.saveRoutingRule(
        "create", {}, 7, { { "categoryId", "potholes" }, { "areaLevel", "any" } });

    QVERIFY(!mutationId.isEmpty());
    QVERIFY(acknowledged.wait(5000));
    QCOMPARE(acknowledged.first().at(0).toString(), QStringLiteral("routingRule"));
    QCOMPARE(acknowledged.first().at(2).toString(), mutationId);
    const auto &sent = m_server->mutations.at(0);
    QCOMPARE(QString::fromStdString(sent.entity), QStringLiteral("routingRule"));
    QCOMPARE(QString::fromStdString(sent.op), QStringLiteral("create"));
    QCOMPARE(qint64(sent.baseVersion), 0);
    QVERIFY(civicdesk::isUuid(sent.entityId));
    QCOMPARE(acknowledged.first().at(1).toString(), QString::fromStdString(sent.entityId));
    QCOMPARE(session.pendingCount(), 0);
}

void tst_ClientSession::ruleEditRejectNamesEntity()
{
    m_server->rejectMutations = true;
    m_server->rejectCode = civicdesk::protocol::ErrorCode::MutationInvalid;
    ClientSession session(m_dir->path());
    signInOnline(session);
    QVERIFY(!QTest::currentTestFailed());
    QSignalSpy rejected(&session, &ClientSession::editRejected);
    QSignalSpy caseRejected(&session, &ClientSession::mutationRejected);
    const QString ruleId = QString::fromStdString(uuid(40));

    const QString mutationId = session.saveRoutingRule("retire", ruleId, 3, { { "note", "x" } });

    QVERIFY(!mutationId.isEmpty());
    QVERIFY(rejected.wait(5000));
    const QList<QVariant> arguments = rejected.first();
    QCOMPARE(arguments.at(0).toString(), QStringLiteral("routingRule"));
    QCOMPARE(arguments.at(1).toString(), ruleId);
    QCOMPARE(arguments.at(2).toString(), mutationId);
    QCOMPARE(arguments.at(3).toString(), QStringLiteral("mutation.invalid"));
    QCOMPARE(arguments.at(4).toString(), QStringLiteral("the case changed on the server"));
    QCOMPARE(caseRejected.size(), 0);
    QCOMPARE(session.rejectedEdits().size(), 1);
    QCOMPARE(qint64(m_server->mutations.at(0).baseVersion), 3);
}

void tst_ClientSession::recordEditsCheckArguments()
{
    ClientSession session(m_dir->path());
    QVERIFY(session.saveRoutingRule("create", {}, 0, json::object()).isEmpty()); // signed out
    signInOnline(session);
    QVERIFY(!QTest::currentTestFailed());
    const QString ruleId = QString::fromStdString(uuid(40));

    QVERIFY(session.saveRoutingRule("create", ruleId, 0, json::object()).isEmpty());
    QVERIFY(session.saveRoutingRule("update", {}, 1, json::object()).isEmpty());
    QVERIFY(session.saveRoutingRule("delete", ruleId, 1, json::object()).isEmpty());
    QVERIFY(session.recategoriseCase(QString::fromStdString(uuid(30)), {}, {}).isEmpty());
    QCOMPARE(session.pendingCount(), 0);

    m_server->answerMutations = false;
    const QString weights = session.savePriorityWeights(2, { { "factorWeights", json::object() } });
    QVERIFY(!weights.isEmpty());
    QTRY_COMPARE(m_server->mutations.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(m_server->mutations.at(0).entityId), QStringLiteral("current"));
    QCOMPARE(QString::fromStdString(m_server->mutations.at(0).op), QStringLiteral("set"));
}

QTEST_GUILESS_MAIN(tst_ClientSession)
#include "tst_clientsession.moc"
