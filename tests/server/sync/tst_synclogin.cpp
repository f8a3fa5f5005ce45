// Tests of login password checks on the sync service's login pool: a real Poco HTTPServer on
// 127.0.0.1, a seeded SQLite store and QWebSocket clients. A gate in front of the real
// verifyPassword() keeps checks waiting, so each test controls when a check finishes.
#include "auth/passwords.h"
#include "protocol/codec.h"
#include "syncserverfixture.h"
#include "testclient.h"

#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <QTest>
#include <condition_variable>
#include <mutex>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

/** A password verifier that runs verifyPassword(), first waiting while the gate is closed. */
class PasswordGate
{
public:
    PasswordVerifier verifier()
    {
        return [this](const std::string &password, const std::string &phcHash) {
            waitUntilOpen();
            return verifyPassword(password, phcHash);
        };
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }

    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = false;
        }
        m_opened.notify_all();
    }

    /** Returns the number of checks waiting at the gate. */
    int waitingCount()
    {
        std::lock_guard lock(m_mutex);
        return m_waiting;
    }

private:
    void waitUntilOpen()
    {
        std::unique_lock lock(m_mutex);
        ++m_waiting;
        m_opened.wait(lock, [this] { return !m_closed; });
        --m_waiting;
    }

    std::mutex m_mutex;
    std::condition_variable m_opened;
    bool m_closed = false;
    int m_waiting = 0;
};

/**
 * Opens the gate when a test returns, also after a failed check, so that the fixture's
 * stop() can join the login threads. Declare it after the fixture.
 */
class GateOpener
{
public:
    explicit GateOpener(PasswordGate &gate)
        : m_gate(gate)
    {
    }
    ~GateOpener() { m_gate.open(); }

    GateOpener(const GateOpener &) = delete;
    GateOpener &operator=(const GateOpener &) = delete;

private:
    PasswordGate &m_gate;
};

SyncOptions gatedOptions(
    PasswordGate &gate, std::size_t loginThreads = 2, std::size_t maxPendingLogins = 64)
{
    SyncOptions options;
    options.passwordVerifier = gate.verifier();
    options.loginThreads = loginThreads;
    options.maxPendingLogins = maxPendingLogins;
    return options;
}

QString wireCode(protocol::ErrorCode code)
{
    const std::string_view text = protocol::toString(code);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

class tst_SyncLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginCheckDoesNotBlockOthers();
    void messagesWaitForLoginResult();
    void messagesAfterFailedLoginRejected();
    void unknownUserIsChecked();
    void closedDuringCheckDropsResult();
    void fullLoginQueueAnswersBusy();
    void heldMessageFloodCloses();
    void invalidLoginOptionsRejected_data();
    void invalidLoginOptionsRejected();
};

void tst_SyncLogin::initTestCase()
{
    // CIVICDESK_TEST_LOG=1 shows the service's log lines while debugging a failure.
    if (qEnvironmentVariableIsSet("CIVICDESK_TEST_LOG")) {
        Poco::Logger::root().setChannel(new Poco::ConsoleChannel);
        Poco::Logger::root().setLevel(Poco::Message::PRIO_INFORMATION);
    }
}

void tst_SyncLogin::loginCheckDoesNotBlockOthers()
{
    PasswordGate gate;
    SyncServerFixture server(gatedOptions(gate));
    GateOpener opener(gate);
    TestClient signedIn;
    QVERIFY(signedIn.open(server.url()));
    QVERIFY(signedIn.login("alice", server.seed().alice.password));

    gate.close();
    TestClient waiting;
    QVERIFY(waiting.open(server.url()));
    waiting.send(protocol::Login { "slow", "bob", server.seed().bob.password, {} });
    QTRY_COMPARE(gate.waitingCount(), 1);

    signedIn.send(protocol::Ping { "p1" });
    const auto pong = signedIn.nextOf<protocol::Pong>();
    QVERIFY(pong);
    QCOMPARE(pong->rid, std::string("p1"));
    std::int64_t cursor = 0;
    QVERIFY(signedIn.syncAll(50, cursor));
    QVERIFY(!waiting.nextText(100));

    gate.open();
    const auto loginOk = waiting.nextOf<protocol::LoginOk>();
    QVERIFY(loginOk);
    QCOMPARE(loginOk->rid, std::string("slow"));
    QCOMPARE(loginOk->user.id, server.seed().bob.id);
    QTRY_COMPARE(server.service().pendingLoginCount(), std::size_t(0));
}

void tst_SyncLogin::messagesWaitForLoginResult()
{
    PasswordGate gate;
    SyncServerFixture server(gatedOptions(gate));
    GateOpener opener(gate);
    TestClient client;
    QVERIFY(client.open(server.url()));

    gate.close();
    client.send(protocol::Login { "r1", "alice", server.seed().alice.password, {} });
    client.send(protocol::Hello { "h1", 0 });
    client.send(protocol::Ping { "p1" });
    QTRY_COMPARE(gate.waitingCount(), 1);
    QVERIFY(!client.nextText(200));

    gate.open();
    const auto first = client.next();
    QVERIFY(first);
    QVERIFY(std::holds_alternative<protocol::LoginOk>(*first));
    QCOMPARE(std::get<protocol::LoginOk>(*first).rid, std::string("r1"));
    const auto second = client.next();
    QVERIFY(second);
    QVERIFY(std::holds_alternative<protocol::Welcome>(*second));
    QCOMPARE(std::get<protocol::Welcome>(*second).rid, std::string("h1"));
    const auto third = client.next();
    QVERIFY(third);
    QVERIFY(std::holds_alternative<protocol::Pong>(*third));
    QCOMPARE(std::get<protocol::Pong>(*third).rid, std::string("p1"));
}

void tst_SyncLogin::messagesAfterFailedLoginRejected()
{
    PasswordGate gate;
    SyncServerFixture server(gatedOptions(gate));
    GateOpener opener(gate);
    TestClient client;
    QVERIFY(client.open(server.url()));

    gate.close();
    client.send(protocol::Login { "r1", "alice", "not-the-password", {} });
    client.send(protocol::Hello { "h1", 0 });
    QTRY_COMPARE(gate.waitingCount(), 1);

    gate.open();
    const auto loginError = client.next();
    QVERIFY(loginError);
    QVERIFY(std::holds_alternative<protocol::Error>(*loginError));
    QCOMPARE(std::get<protocol::Error>(*loginError).rid, std::string("r1"));
    QCOMPARE(wireCode(std::get<protocol::Error>(*loginError).code),
        wireCode(protocol::ErrorCode::InvalidCredentials));
    const auto helloError = client.next();
    QVERIFY(helloError);
    QVERIFY(std::holds_alternative<protocol::Error>(*helloError));
    QCOMPARE(std::get<protocol::Error>(*helloError).rid, std::string("h1"));
    QCOMPARE(wireCode(std::get<protocol::Error>(*helloError).code),
        wireCode(protocol::ErrorCode::AuthRequired));
}

void tst_SyncLogin::unknownUserIsChecked()
{
    PasswordGate gate;
    SyncServerFixture server(gatedOptions(gate));
    GateOpener opener(gate);
    TestClient client;
    QVERIFY(client.open(server.url()));

    gate.close();
    client.send(protocol::Login { "r1", "mallory", "alice-secret-1", {} });
    QTRY_COMPARE(gate.waitingCount(), 1);
    QVERIFY(!client.nextText(100));

    gate.open();
    const auto error = client.nextOf<protocol::Error>();
    QVERIFY(error);
    QCOMPARE(error->rid, std::string("r1"));
    QCOMPARE(wireCode(error->code), wireCode(protocol::ErrorCode::InvalidCredentials));
}

void tst_SyncLogin::closedDuringCheckDropsResult()
{
    PasswordGate gate;
    SyncServerFixture server(gatedOptions(gate));
    GateOpener opener(gate);
    TestClient leaving;
    QVERIFY(leaving.open(server.url()));

    gate.close();
    leaving.send(protocol::Login { "r1", "alice", server.seed().alice.password, {} });
    QTRY_COMPARE(gate.waitingCount(), 1);
    leaving.socket().close();
    QVERIFY(leaving.waitDisconnected());
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(0));
    QCOMPARE(server.service().pendingLoginCount(), std::size_t(1));

    gate.open();
    QTRY_COMPARE(server.service().pendingLoginCount(), std::size_t(0));
    QCOMPARE(server.service().connectionCount(), std::size_t(0));
    TestClient next;
    QVERIFY(next.open(server.url()));
    QVERIFY(next.login("alice", server.seed().alice.password));
}

void tst_SyncLogin::fullLoginQueueAnswersBusy()
{
    PasswordGate gate;
    SyncServerFixture server(gatedOptions(gate, 1, 1));
    GateOpener opener(gate);
    TestClient first;
    QVERIFY(first.open(server.url()));
    TestClient second;
    QVERIFY(second.open(server.url()));

    gate.close();
    first.send(protocol::Login { "a1", "alice", server.seed().alice.password, {} });
    QTRY_COMPARE(gate.waitingCount(), 1);
    // More logins than the failed-login limit, because a server.busy reply is no failed login.
    for (int attempt = 1; attempt <= LoginHandler::MaxFailedLogins + 1; ++attempt) {
        const std::string rid = "b" + std::to_string(attempt);
        second.send(protocol::Login { rid, "bob", server.seed().bob.password, {} });
        const auto busy = second.nextOf<protocol::Error>();
        QVERIFY(busy);
        QCOMPARE(busy->rid, rid);
        QCOMPARE(wireCode(busy->code), QStringLiteral("server.busy"));
        QVERIFY(busy->retryAfter > 0);
        QVERIFY(busy->message.find("retry") != std::string::npos);
    }
    QCOMPARE(second.socket().state(), QAbstractSocket::ConnectedState);

    gate.open();
    QVERIFY(first.nextOf<protocol::LoginOk>());
    // The LoginOk can arrive before the pool frees the queue's place.
    QTRY_COMPARE(server.service().pendingLoginCount(), std::size_t(0));
    QVERIFY(second.login("bob", server.seed().bob.password));
}

void tst_SyncLogin::heldMessageFloodCloses()
{
    PasswordGate gate;
    SyncServerFixture server(gatedOptions(gate));
    GateOpener opener(gate);
    TestClient client;
    QVERIFY(client.open(server.url()));

    gate.close();
    client.send(protocol::Login { "r1", "alice", server.seed().alice.password, {} });
    QTRY_COMPARE(gate.waitingCount(), 1);
    for (int i = 0; i < 300; ++i) {
        client.send(protocol::Ping { "p" + std::to_string(i) });
    }

    QVERIFY(client.waitDisconnected());
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    gate.open();
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(0));
    QTRY_COMPARE(server.service().pendingLoginCount(), std::size_t(0));
}

void tst_SyncLogin::invalidLoginOptionsRejected_data()
{
    QTest::addColumn<int>("loginThreads");
    QTest::addColumn<int>("maxPendingLogins");

    QTest::newRow("no login threads") << 0 << 64;
    QTest::newRow("no pending logins") << 2 << 0;
}

void tst_SyncLogin::invalidLoginOptionsRejected()
{
    QFETCH(int, loginThreads);
    QFETCH(int, maxPendingLogins);
    SyncOptions options;
    options.loginThreads = static_cast<std::size_t>(loginThreads);
    options.maxPendingLogins = static_cast<std::size_t>(maxPendingLogins);

    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, SyncServerFixture { options });
}

QTEST_MAIN(tst_SyncLogin)
#include "tst_synclogin.moc"
