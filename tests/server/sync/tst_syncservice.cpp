// End-to-end tests of the WebSocket sync service: a real Poco HTTPServer on 127.0.0.1, a
// seeded SQLite store and QWebSocket clients.
#include "domain/ids.h"
#include "protocol/codec.h"
#include "store/sqlitestore.h"
#include "store/sqlsession.h"
#include "syncserverfixture.h"
#include "testclient.h"

#include <Poco/ConsoleChannel.h>
#include <Poco/Logger.h>
#include <QTcpSocket>
#include <QTest>
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

Q_DECLARE_METATYPE(civicdesk::protocol::ErrorCode)

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

struct HttpReply
{
    int status = 0;
    std::string body;
};

/** Sends an HTTP request by hand and returns the status and body of the response. */
HttpReply rawRequest(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write(request);

    QByteArray received;
    HttpReply reply;
    qsizetype headerEnd = -1;
    qsizetype contentLength = 0;
    while (headerEnd < 0 || received.size() < headerEnd + 4 + contentLength) {
        if (!socket.waitForReadyRead(5000)) {
            break;
        }
        received += socket.readAll();
        headerEnd = received.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            continue;
        }
        const QByteArray header = received.left(headerEnd).toLower();
        const qsizetype lengthAt = header.indexOf("content-length:");
        if (lengthAt >= 0) {
            const qsizetype lineEnd = header.indexOf("\r\n", lengthAt);
            contentLength = header.mid(lengthAt + 15, lineEnd - lengthAt - 15).trimmed().toInt();
        }
    }

    const QList<QByteArray> statusLine = received.left(received.indexOf("\r\n")).split(' ');
    if (statusLine.size() >= 2) {
        reply.status = statusLine.at(1).toInt();
    }
    if (headerEnd >= 0) {
        reply.body = received.mid(headerEnd + 4).toStdString();
    }
    return reply;
}

/** Sends a WebSocket upgrade request by hand and returns the HTTP status and body. */
HttpReply rawUpgrade(quint16 port, const QByteArray &extraHeaders = {})
{
    return rawRequest(port,
        "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 13\r\n"
            + extraHeaders + "\r\n");
}

QString wireCode(protocol::ErrorCode code)
{
    const std::string_view text = protocol::toString(code);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

protocol::Mutation claimMutation(const protocol::Change &change)
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entity = "case";
    mutation.entityId = change.id;
    mutation.baseVersion = change.version;
    mutation.op = "claim";
    mutation.createdAt = utcNowIso();
    return mutation;
}

const protocol::Change *findCaseOfTeam(
    const std::vector<protocol::Change> &changes, const std::string &teamId)
{
    for (const protocol::Change &change : changes) {
        if (change.entity == "case" && change.data.value("teamId", "") == teamId) {
            return &change;
        }
    }
    return nullptr;
}

} // namespace

class tst_SyncService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginRejectsBadCredentials_data();
    void loginRejectsBadCredentials();
    void fiveFailedLoginsClose();
    void requestBeforeLoginRejected_data();
    void requestBeforeLoginRejected();
    void invalidMessageKeepsConnection_data();
    void invalidMessageKeepsConnection();
    void oversizedMessageClosesWith1009();
    void fragmentedMessageReassembled();
    void helloAndFetchPageToHead();
    void fetchOfSeveralPagesStreamsBatches();
    void mutationAckedAndPushed();
    void replayedMutationAppliedOnce();
    void storeFailureAnswersServerInternal();
    void connectionLimitRejectsWithBusy();
    void originNotAllowedAnswers403();
    void plainRequestAnswers400();
    void idleClientsDoNotPinHttpThreads();
    void pingFrameGetsPong();
    void idleConnectionClosed();
    void heartbeatKeepsLivePeerOpen();
    void silentPeerGetsPingThenClose();
    void stopClosesConnections();
};

void tst_SyncService::initTestCase()
{
    // CIVICDESK_TEST_LOG=1 shows the service's log lines while debugging a failure.
    if (qEnvironmentVariableIsSet("CIVICDESK_TEST_LOG")) {
        Poco::Logger::root().setChannel(new Poco::ConsoleChannel);
        Poco::Logger::root().setLevel(Poco::Message::PRIO_INFORMATION);
    }
}

void tst_SyncService::loginRejectsBadCredentials_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");

    QTest::newRow("wrong password") << "alice"
                                    << "not-the-password";
    QTest::newRow("unknown user") << "mallory"
                                  << "alice-secret-1";
    QTest::newRow("empty password") << "alice"
                                    << "";
    QTest::newRow("other user's password") << "alice"
                                           << "bob-secret-1";
}

void tst_SyncService::loginRejectsBadCredentials()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));

    client.send(protocol::Login { "r1", username.toStdString(), password.toStdString(), {} });
    const auto error = client.nextOf<protocol::Error>();

    QVERIFY(error);
    QCOMPARE(wireCode(error->code), wireCode(protocol::ErrorCode::InvalidCredentials));
    QCOMPARE(error->rid, std::string("r1"));
    QVERIFY(client.login("alice", server.seed().alice.password));
}

void tst_SyncService::fiveFailedLoginsClose()
{
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));

    for (int attempt = 1; attempt <= 5; ++attempt) {
        client.send(protocol::Login { "r" + std::to_string(attempt), "alice", "wrong", {} });
        const auto error = client.nextOf<protocol::Error>();
        QVERIFY2(error, qPrintable(QStringLiteral("attempt %1 got no error").arg(attempt)));
        QCOMPARE(wireCode(error->code), wireCode(protocol::ErrorCode::InvalidCredentials));
    }

    QVERIFY(client.waitDisconnected());
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(0));
}

void tst_SyncService::requestBeforeLoginRejected_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("hello") << R"({"v":1,"type":"hello","rid":"q","cursor":0})";
    QTest::newRow("fetch") << R"({"v":1,"type":"fetch","rid":"q","cursor":0,"limit":10})";
    QTest::newRow("mutate")
        << R"({"v":1,"type":"mutate","rid":"q","mutation":{"id":"0b9e0c5e-3f1c-4f7e-9a57-8d1b2c3d4e5f","entity":"case","entityId":"1b9e0c5e-3f1c-4f7e-9a57-8d1b2c3d4e5f","baseVersion":1,"op":"claim","args":{}}})";
}

void tst_SyncService::requestBeforeLoginRejected()
{
    QFETCH(QString, text);
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));

    client.sendText(text.toStdString());
    const auto error = client.nextOf<protocol::Error>();

    QVERIFY(error);
    QCOMPARE(wireCode(error->code), wireCode(protocol::ErrorCode::AuthRequired));
    QCOMPARE(error->rid, std::string("q"));
    client.send(protocol::Ping { "p" });
    QVERIFY(client.nextOf<protocol::Pong>());
}

void tst_SyncService::invalidMessageKeepsConnection_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<protocol::ErrorCode>("code");

    QTest::newRow("not JSON") << "{not json" << protocol::ErrorCode::Malformed;
    QTest::newRow("JSON array") << "[1,2]" << protocol::ErrorCode::Malformed;
    QTest::newRow("unknown type") << R"({"v":1,"type":"teleport","rid":"x"})"
                                  << protocol::ErrorCode::UnknownType;
    QTest::newRow("server-only type")
        << R"({"v":1,"type":"pong","rid":"x","serverTime":"2024-01-01T00:00:00Z"})"
        << protocol::ErrorCode::UnknownType;
    QTest::newRow("version 2") << R"({"v":2,"type":"ping","rid":"x"})"
                               << protocol::ErrorCode::UnsupportedVersion;
    QTest::newRow("missing version")
        << R"({"type":"ping","rid":"x"})" << protocol::ErrorCode::Malformed;
    QTest::newRow("fetch limit too high")
        << R"({"v":1,"type":"fetch","rid":"x","cursor":0,"limit":5000})"
        << protocol::ErrorCode::Malformed;
    QTest::newRow("hello cursor string")
        << R"({"v":1,"type":"hello","rid":"x","cursor":"0"})" << protocol::ErrorCode::Malformed;
}

void tst_SyncService::invalidMessageKeepsConnection()
{
    QFETCH(QString, text);
    QFETCH(protocol::ErrorCode, code);
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));

    client.sendText(text.toStdString());
    const auto error = client.nextOf<protocol::Error>();

    QVERIFY(error);
    QCOMPARE(wireCode(error->code), wireCode(code));
    QVERIFY(!error->message.empty());
    client.send(protocol::Ping { "after" });
    const auto pong = client.nextOf<protocol::Pong>();
    QVERIFY(pong);
    QCOMPARE(pong->rid, std::string("after"));
}

void tst_SyncService::oversizedMessageClosesWith1009()
{
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));

    const std::string rid(protocol::MaxMessageBytes, 'x');
    client.send(protocol::Ping { rid });

    QVERIFY(client.waitDisconnected());
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(0));
}

void tst_SyncService::fragmentedMessageReassembled()
{
    SyncServerFixture server;
    TestClient client;
    client.socket().setOutgoingFrameSize(64);
    QVERIFY(client.open(server.url()));

    QVERIFY(client.login("alice", server.seed().alice.password));
    const std::string rid(200 * 1000, 'r');
    client.send(protocol::Ping { rid });
    const auto pong = client.nextOf<protocol::Pong>();

    QVERIFY(pong);
    QCOMPARE(pong->rid.size(), rid.size());
}

void tst_SyncService::helloAndFetchPageToHead()
{
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));

    client.send(protocol::Hello { "h", 0 });
    const auto welcome = client.nextOf<protocol::Welcome>();
    QVERIFY(welcome);
    QCOMPARE(welcome->serverEpoch, server.store().epoch());
    QCOMPARE(welcome->headSeq, server.store().headSeq());

    std::int64_t cursor = 0;
    int pages = 0;
    std::vector<protocol::Change> changes;
    for (bool more = true; more; ++pages) {
        client.send(protocol::Fetch { "f" + std::to_string(pages), cursor, 7 });
        const auto batch = client.nextOf<protocol::Batch>();
        QVERIFY(batch);
        QVERIFY(batch->changes.size() <= 7);
        QVERIFY(batch->cursor >= cursor);
        changes.insert(changes.end(), batch->changes.begin(), batch->changes.end());
        cursor = batch->cursor;
        more = batch->more;
    }

    const AccessScope scope = server.store().scopeFor(server.store().findAccount("alice")->user);
    const ChangePage expected = server.store().changesSince(scope, 0, 2000);
    QVERIFY(pages > 1);
    QCOMPARE(changes.size(), expected.changes.size());
    QCOMPARE(cursor, expected.cursor);
    for (std::size_t i = 1; i < changes.size(); ++i) {
        QVERIFY(changes[i].seq > changes[i - 1].seq);
    }
    QVERIFY(findCaseOfTeam(changes, server.seed().teamA));
    QVERIFY(!findCaseOfTeam(changes, server.seed().teamB));
}

void tst_SyncService::fetchOfSeveralPagesStreamsBatches()
{
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));
    client.send(protocol::Hello { "h", 0 });
    QVERIFY(client.nextOf<protocol::Welcome>());

    // One fetch of 3 pages of 2 changes: 3 batches with the fetch's rid, each with its own
    // cursor, and follows set on all but the last.
    client.send(protocol::Fetch { "f1", 0, 2, 3 });
    std::int64_t cursor = 0;
    std::vector<protocol::Change> changes;
    for (int page = 0; page < 3; ++page) {
        const auto batch = client.nextOf<protocol::Batch>();
        QVERIFY(batch);
        QCOMPARE(batch->rid, std::string("f1"));
        QVERIFY(batch->more);
        QCOMPARE(batch->follows, page < 2);
        QVERIFY(batch->changes.size() <= 2);
        QVERIFY(batch->cursor > cursor);
        changes.insert(changes.end(), batch->changes.begin(), batch->changes.end());
        cursor = batch->cursor;
    }
    // Nothing more comes for f1: the next message is the reply to this ping.
    client.send(protocol::Ping { "p1" });
    const auto afterStream = client.next();
    QVERIFY(afterStream);
    QVERIFY(std::holds_alternative<protocol::Pong>(*afterStream));

    // The rest comes in fetches of the maximum pages. The page at the head ends its fetch.
    bool more = true;
    for (int fetches = 0; more; ++fetches) {
        QVERIFY(fetches < 100);
        const std::string rid = "g" + std::to_string(fetches);
        client.send(protocol::Fetch { rid, cursor, 2, protocol::MaxFetchPages });
        for (bool follows = true; follows;) {
            const auto batch = client.nextOf<protocol::Batch>();
            QVERIFY(batch);
            QCOMPARE(batch->rid, rid);
            QVERIFY(batch->cursor >= cursor);
            changes.insert(changes.end(), batch->changes.begin(), batch->changes.end());
            cursor = batch->cursor;
            follows = batch->follows;
            more = batch->more;
            QVERIFY(!follows || more);
        }
    }

    const AccessScope scope = server.store().scopeFor(server.store().findAccount("alice")->user);
    const ChangePage expected = server.store().changesSince(scope, 0, 2000);
    QCOMPARE(changes.size(), expected.changes.size());
    QCOMPARE(cursor, expected.cursor);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        QCOMPARE(changes[i].seq, expected.changes[i].seq);
    }
}

void tst_SyncService::mutationAckedAndPushed()
{
    SyncServerFixture server;
    TestClient alice;
    TestClient bob;
    TestClient carol;
    std::int64_t aliceCursor = 0;
    std::int64_t bobCursor = 0;
    std::int64_t carolCursor = 0;
    QVERIFY(alice.open(server.url()));
    QVERIFY(bob.open(server.url()));
    QVERIFY(carol.open(server.url()));
    QVERIFY(alice.login("alice", server.seed().alice.password));
    QVERIFY(bob.login("bob", server.seed().bob.password));
    QVERIFY(carol.login("carol", server.seed().carol.password));
    const auto changes = alice.syncAll(500, aliceCursor);
    QVERIFY(changes);
    QVERIFY(bob.syncAll(500, bobCursor));
    QVERIFY(carol.syncAll(500, carolCursor));
    const protocol::Change *kase = findCaseOfTeam(*changes, server.seed().teamA);
    QVERIFY(kase);

    const protocol::Mutation mutation = claimMutation(*kase);
    alice.send(protocol::Mutate { "m1", mutation });
    const auto ack = alice.nextOf<protocol::Ack>();
    QVERIFY(ack);
    QCOMPARE(ack->mutationId, mutation.id);
    QCOMPARE(ack->entityId, kase->id);
    QCOMPARE(ack->version, kase->version + 1);

    const auto push = bob.nextOf<protocol::Push>();
    QVERIFY(push);
    QVERIFY(push->from <= bobCursor);
    QVERIFY(push->cursor >= ack->seq);
    const auto pushed = std::find_if(push->changes.begin(), push->changes.end(),
        [&](const protocol::Change &change) { return change.seq == ack->seq; });
    QVERIFY(pushed != push->changes.end());
    QCOMPARE(pushed->id, kase->id);
    QCOMPARE(pushed->version, ack->version);
    QCOMPARE(pushed->data.value("assigneeId", ""), server.seed().alice.id);
    const auto ownPush = alice.nextOf<protocol::Push>();
    QVERIFY(ownPush);
    QCOMPARE(ownPush->cursor, push->cursor);

    // Carol's team does not see the case, so her next message is the pong, not a push.
    carol.send(protocol::Ping { "c" });
    const auto carolNext = carol.next();
    QVERIFY(carolNext);
    QVERIFY(std::holds_alternative<protocol::Pong>(*carolNext));
}

void tst_SyncService::replayedMutationAppliedOnce()
{
    SyncServerFixture server;
    TestClient client;
    std::int64_t cursor = 0;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));
    const auto changes = client.syncAll(500, cursor);
    QVERIFY(changes);
    const protocol::Change *kase = findCaseOfTeam(*changes, server.seed().teamA);
    QVERIFY(kase);
    const protocol::Mutation mutation = claimMutation(*kase);

    client.send(protocol::Mutate { "first", mutation });
    const auto first = client.nextOf<protocol::Ack>();
    QVERIFY(first);
    const std::int64_t headAfterFirst = server.store().headSeq();
    client.send(protocol::Mutate { "again", mutation });
    const auto second = client.nextOf<protocol::Ack>();

    QVERIFY(second);
    QCOMPARE(second->rid, std::string("again"));
    QCOMPARE(second->version, first->version);
    QCOMPARE(second->seq, first->seq);
    QCOMPARE(server.store().headSeq(), headAfterFirst);
    QCOMPARE(server.store().findCase(kase->id)->version, first->version);
}

void tst_SyncService::storeFailureAnswersServerInternal()
{
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));
    SqlSession otherConnection(server.databasePath());
    otherConnection.exec("ALTER TABLE change_log RENAME TO change_log_moved");

    client.send(protocol::Fetch { "broken", 0, 10 });
    const auto error = client.nextOf<protocol::Error>();

    QVERIFY(error);
    QCOMPARE(wireCode(error->code), wireCode(protocol::ErrorCode::ServerInternal));
    QCOMPARE(error->rid, std::string("broken"));
    client.send(protocol::Ping { "still open" });
    QVERIFY(client.nextOf<protocol::Pong>());
}

void tst_SyncService::connectionLimitRejectsWithBusy()
{
    SyncOptions options;
    options.maxConnections = 3;
    SyncServerFixture server(options);
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<TestClient>());
        QVERIFY(clients.back()->open(server.url()));
    }
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(3));

    // The fourth gets the handshake, a server.busy error with a hint, and a close with 4013,
    // all of which QWebSocket can report (it cannot report an HTTP 503).
    TestClient rejected;
    QVERIFY(rejected.open(server.url()));
    const auto busy = rejected.nextOf<protocol::Error>();
    QVERIFY(busy);
    QVERIFY(busy->code == protocol::ErrorCode::ServerBusy);
    QVERIFY(busy->retryAfter > 0);
    QVERIFY(busy->rid.empty());
    QVERIFY(rejected.waitDisconnected());
    QCOMPARE(int(rejected.socket().closeCode()), 4013);
    QCOMPARE(server.service().connectionCount(), std::size_t(3));
    QVERIFY(clients.front()->login("alice", server.seed().alice.password));

    // A place that frees up is taken by the next one.
    clients.back()->socket().close();
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(2));
    TestClient admitted;
    QVERIFY(admitted.open(server.url()));
    QVERIFY(admitted.login("alice", server.seed().alice.password));
}

void tst_SyncService::originNotAllowedAnswers403()
{
    SyncOptions options;
    options.allowedOrigins = { "https://desk.example.gr" };
    SyncServerFixture server(options);

    QCOMPARE(rawUpgrade(server.port(), "Origin: https://evil.example\r\n").status, 403);
    QCOMPARE(rawUpgrade(server.port(), "Origin: https://desk.example.gr\r\n").status, 101);
    QCOMPARE(rawUpgrade(server.port()).status, 101);
}

void tst_SyncService::plainRequestAnswers400()
{
    SyncServerFixture server;

    const HttpReply reply =
        rawRequest(server.port(), "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    QCOMPARE(reply.status, 400);
    const auto body = nlohmann::json::parse(reply.body, nullptr, false);
    QVERIFY(body.is_object());
    QCOMPARE(body.value("code", ""), std::string("protocol.handshake"));
    QCOMPARE(server.service().connectionCount(), std::size_t(0));
}

void tst_SyncService::idleClientsDoNotPinHttpThreads()
{
    SyncServerFixture server(SyncOptions {}, 4);
    std::vector<std::unique_ptr<TestClient>> idle;
    for (int i = 0; i < 50; ++i) {
        idle.push_back(std::make_unique<TestClient>());
        QVERIFY2(idle.back()->open(server.url()), qPrintable(QStringLiteral("client %1").arg(i)));
    }
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(50));

    TestClient late;
    QVERIFY(late.open(server.url()));
    QVERIFY(late.login("alice", server.seed().alice.password));
    QCOMPARE(server.service().connectionCount(), std::size_t(51));
}

void tst_SyncService::pingFrameGetsPong()
{
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));
    QSignalSpy pongs(&client.socket(), &QWebSocket::pong);

    client.socket().ping("are you there");

    QVERIFY(pongs.wait(5000));
    QCOMPARE(pongs.first().at(1).toByteArray(), QByteArray("are you there"));
}

void tst_SyncService::idleConnectionClosed()
{
    SyncOptions options;
    options.idleTimeoutSeconds = 1;
    SyncServerFixture server(options);
    TestClient client;
    QVERIFY(client.open(server.url()));

    QVERIFY(client.waitDisconnected(8000));
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(0));
}

void tst_SyncService::heartbeatKeepsLivePeerOpen()
{
    // The idle timeout leaves a PONG three seconds to arrive, since a loaded machine delays it.
    SyncOptions options;
    options.idleTimeoutSeconds = 4;
    options.heartbeatSeconds = 1;
    SyncServerFixture server(options);
    TestClient client; // QWebSocket replies to every PING with a PONG by itself
    QVERIFY(client.open(server.url()));

    // Two and a half idle timeouts pass without a message from the client.
    QVERIFY(!client.waitDisconnected(10000));
    QCOMPARE(server.service().connectionCount(), std::size_t(1));
}

void tst_SyncService::silentPeerGetsPingThenClose()
{
    SyncOptions options;
    options.idleTimeoutSeconds = 3;
    options.heartbeatSeconds = 1;
    SyncServerFixture server(options);

    // A raw peer that completes the handshake and then sends nothing, not even a PONG.
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(server.url().port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), 5000);
    QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
    QByteArray frames = received.mid(received.indexOf("\r\n\r\n") + 4);

    // The first frame is the server's PING (opcode 9, FIN set, unmasked).
    QTRY_VERIFY_WITH_TIMEOUT((frames += socket.readAll()).size() >= 2, 5000);
    QCOMPARE(quint8(frames.at(0)), quint8(0x89));
    const int length = frames.at(1) & 0x7f;
    QTRY_VERIFY_WITH_TIMEOUT((frames += socket.readAll()).size() >= 2 + length, 5000);
    QCOMPARE(frames.mid(2, length), QByteArray("heartbeat"));

    // Without a PONG the connection reaches the idle timeout and is closed.
    QTRY_COMPARE_WITH_TIMEOUT(server.service().connectionCount(), std::size_t(0), 10000);
}

void tst_SyncService::stopClosesConnections()
{
    SyncServerFixture server;
    TestClient client;
    QVERIFY(client.open(server.url()));
    QTRY_COMPARE(server.service().connectionCount(), std::size_t(1));

    server.service().stop();

    QVERIFY(client.waitDisconnected());
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(server.service().connectionCount(), std::size_t(0));
}

QTEST_MAIN(tst_SyncService)
#include "tst_syncservice.moc"
