// The accessLog message against the real sync service: a Poco HTTPServer on 127.0.0.1, a
// seeded SQLite store and QWebSocket clients.
#include "domain/ids.h"
#include "protocol/accesslog.h"
#include "protocol/codec.h"
#include "store/sqlitestore.h"
#include "syncserverfixture.h"
#include "testclient.h"

#include <Poco/ConsoleChannel.h>
#include <Poco/Logger.h>
#include <QTest>
#include <nlohmann/json.hpp>

Q_DECLARE_METATYPE(civicdesk::protocol::AccessLog)

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

const std::string ReadAt = "2026-03-01T09:30:00.000Z";

QString wireCode(protocol::ErrorCode code)
{
    const std::string_view text = protocol::toString(code);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

protocol::AccessEntry caseRead(const std::string &caseId, const std::string &reason = "case-view")
{
    return { generateUuid(), "case", caseId, reason, ReadAt };
}

std::string partyOf(SqliteStore &store, const std::string &caseId)
{
    const std::optional<StoredCase> stored = store.findCase(caseId);
    return stored ? stored->kase.partyId : std::string();
}

/** Returns the stored entry with entryId among the reads of recordId, if any. */
std::optional<StoredAccessEntry> storedEntry(
    SqliteStore &store, const std::string &recordId, const std::string &entryId)
{
    for (const StoredAccessEntry &entry : store.accessLogOf(recordId)) {
        if (entry.entryId == entryId) {
            return entry;
        }
    }
    return std::nullopt;
}

} // namespace

class tst_SyncAccessLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void entriesStoredForSessionUser();
    void resentAfterLostAckStoredOnce();
    void invalidLogRejected_data();
    void invalidLogRejected();
    void clientCannotNameAnotherUser();
    void resentIdCannotTakeOverEntry();
    void readOutsideScopeRecorded();
    void accessLogBeforeLoginRejected();
};

void tst_SyncAccessLog::initTestCase()
{
    // CIVICDESK_TEST_LOG=1 shows the service's log lines while debugging a failure.
    if (qEnvironmentVariableIsSet("CIVICDESK_TEST_LOG")) {
        Poco::Logger::root().setChannel(new Poco::ConsoleChannel);
        Poco::Logger::root().setLevel(Poco::Message::PRIO_INFORMATION);
    }
}

void tst_SyncAccessLog::entriesStoredForSessionUser()
{
    SyncServerFixture server;
    const std::string caseId = server.seed().teamACases.front();
    const std::string partyId = partyOf(server.store(), caseId);
    QVERIFY(isUuid(partyId));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));
    const protocol::AccessEntry caseEntry = caseRead(caseId);
    const protocol::AccessEntry partyEntry { generateUuid(), "party", partyId, "citizen-360",
        "2026-03-01T09:31:00Z" };

    client.send(protocol::AccessLog { "a1", { caseEntry, partyEntry } });
    const auto ack = client.nextOf<protocol::AccessAck>();

    QVERIFY(ack);
    QCOMPARE(ack->rid, std::string("a1"));
    QCOMPARE(ack->entryIds, (std::vector<std::string> { caseEntry.id, partyEntry.id }));
    const auto stored = storedEntry(server.store(), caseId, caseEntry.id);
    QVERIFY(stored);
    QCOMPARE(stored->userId, server.seed().alice.id);
    QCOMPARE(stored->username, std::string("alice"));
    QCOMPARE(stored->entity, std::string("case"));
    QCOMPARE(stored->reason, std::string("case-view"));
    QCOMPARE(stored->readAt, ReadAt);
    QVERIFY(!stored->receivedAt.empty());
    QVERIFY(stored->inScope);
    // A party's log also lists the reads of its cases.
    const auto partyReads = server.store().accessLogOf(partyId);
    QCOMPARE(partyReads.size(), std::size_t(2));
    QCOMPARE(partyReads.back().entryId, partyEntry.id);
    QCOMPARE(partyReads.back().reason, std::string("citizen-360"));
}

void tst_SyncAccessLog::resentAfterLostAckStoredOnce()
{
    SyncServerFixture server;
    const std::string caseId = server.seed().teamACases.front();
    const protocol::AccessLog log { "a1", { caseRead(caseId), caseRead(caseId, "phone-call") } };
    {
        TestClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.login("alice", server.seed().alice.password));
        client.send(log);
        // The server stores the page; the client drops the connection without reading the ack.
        QTRY_COMPARE(server.store().countRows("access_log"), std::int64_t(2));
        client.socket().abort();
    }

    TestClient again;
    QVERIFY(again.open(server.url()));
    QVERIFY(again.login("alice", server.seed().alice.password));
    again.send(log);
    const auto ack = again.nextOf<protocol::AccessAck>();

    QVERIFY(ack);
    QCOMPARE(ack->entryIds.size(), std::size_t(2));
    QCOMPARE(server.store().countRows("access_log"), std::int64_t(2));
    QCOMPARE(server.store().accessLogOf(caseId).size(), std::size_t(2));
}

void tst_SyncAccessLog::invalidLogRejected_data()
{
    QTest::addColumn<protocol::AccessLog>("log");
    QTest::addColumn<QString>("mentions");

    // Each log starts with a valid entry, which must not be stored either.
    const std::string caseId = generateUuid();
    const auto withSecond = [&caseId](protocol::AccessEntry second) {
        return protocol::AccessLog { "bad", { caseRead(caseId), std::move(second) } };
    };
    protocol::AccessEntry entry = caseRead(caseId);
    entry.entity = "routingRule";
    QTest::newRow("unknown entity kind") << withSecond(entry) << "entity must be case or party";
    entry = caseRead(caseId);
    entry.entityId.clear();
    QTest::newRow("empty entity id") << withSecond(entry) << "entityId must be the UUID";
    entry = caseRead(caseId);
    entry.id.clear();
    QTest::newRow("empty entry id") << withSecond(entry) << "id must be a UUID";
    entry = caseRead(caseId);
    entry.reason.assign(protocol::MaxAccessReasonCharacters + 1, 'x');
    QTest::newRow("over-long reason") << withSecond(entry) << "reason is longer than 200";
    entry = caseRead(caseId);
    entry.reason.clear();
    QTest::newRow("empty reason") << withSecond(entry) << "reason is empty";
    entry = caseRead(caseId);
    entry.readAt = "yesterday";
    QTest::newRow("read time not ISO 8601") << withSecond(entry) << "readAt must be";

    protocol::AccessLog tooMany { "bad", {} };
    for (std::size_t i = 0; i <= protocol::MaxAccessEntries; ++i) {
        tooMany.entries.push_back(caseRead(caseId));
    }
    QTest::newRow("too many entries") << tooMany << "at most 200 entries, not 201";
}

void tst_SyncAccessLog::invalidLogRejected()
{
    QFETCH(protocol::AccessLog, log);
    QFETCH(QString, mentions);
    SyncServerFixture server(SyncOptions {}, 4, 1);
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));

    client.send(log);
    const auto error = client.nextOf<protocol::Error>();

    QVERIFY(error);
    QCOMPARE(error->rid, std::string("bad"));
    QCOMPARE(wireCode(error->code), wireCode(protocol::ErrorCode::AccessInvalid));
    QVERIFY2(QString::fromStdString(error->message).contains(mentions), error->message.c_str());
    QVERIFY2(QString::fromStdString(error->message).contains(QLatin1String("nothing")),
        error->message.c_str());
    QCOMPARE(server.store().countRows("access_log"), std::int64_t(0));
    client.send(protocol::Ping { "p" });
    QVERIFY(client.nextOf<protocol::Pong>());
}

void tst_SyncAccessLog::clientCannotNameAnotherUser()
{
    SyncServerFixture server(SyncOptions {}, 4, 2);
    const std::string caseId = server.seed().teamACases.front();
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));
    const std::string entryId = generateUuid();
    // Fields naming a user are not part of the message; the server ignores them.
    const nlohmann::json message {
        { "v", 1 },
        { "type", "accessLog" },
        { "rid", "a1" },
        { "userId", server.seed().bob.id },
        { "entries",
            { { { "id", entryId }, { "entity", "case" }, { "entityId", caseId },
                { "reason", "case-view" }, { "readAt", ReadAt }, { "userId", server.seed().bob.id },
                { "user", "bob" } } } },
    };

    client.sendText(message.dump());
    const auto ack = client.nextOf<protocol::AccessAck>();

    QVERIFY(ack);
    const auto stored = storedEntry(server.store(), caseId, entryId);
    QVERIFY(stored);
    QCOMPARE(stored->userId, server.seed().alice.id);
    QCOMPARE(stored->username, std::string("alice"));
}

void tst_SyncAccessLog::resentIdCannotTakeOverEntry()
{
    SyncServerFixture server(SyncOptions {}, 4, 2);
    const std::string caseId = server.seed().teamACases.front();
    const protocol::AccessEntry aliceEntry = caseRead(caseId, "case-view");
    TestClient alice;
    QVERIFY(alice.open(server.url()));
    QVERIFY(alice.login("alice", server.seed().alice.password));
    alice.send(protocol::AccessLog { "a1", { aliceEntry } });
    QVERIFY(alice.nextOf<protocol::AccessAck>());

    protocol::AccessEntry forged = aliceEntry;
    forged.reason = "forged by bob";
    forged.readAt = "2020-01-01T00:00:00Z";
    TestClient bob;
    QVERIFY(bob.open(server.url()));
    QVERIFY(bob.login("bob", server.seed().bob.password));
    bob.send(protocol::AccessLog { "b1", { forged } });
    const auto ack = bob.nextOf<protocol::AccessAck>();

    QVERIFY(ack);
    QCOMPARE(server.store().countRows("access_log"), std::int64_t(1));
    const auto stored = storedEntry(server.store(), caseId, aliceEntry.id);
    QVERIFY(stored);
    QCOMPARE(stored->userId, server.seed().alice.id);
    QCOMPARE(stored->reason, std::string("case-view"));
    QCOMPARE(stored->readAt, ReadAt);
}

void tst_SyncAccessLog::readOutsideScopeRecorded()
{
    SyncServerFixture server(SyncOptions {}, 4, 2);
    // Alice is in team A; the case belongs to team B, for example after it moved while
    // Alice's client was offline. The read happened, so it is recorded.
    const std::string caseId = server.seed().teamBCases.front();
    const protocol::AccessEntry entry = caseRead(caseId);
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login("alice", server.seed().alice.password));

    client.send(protocol::AccessLog { "a1", { entry } });
    const auto ack = client.nextOf<protocol::AccessAck>();

    QVERIFY(ack);
    QCOMPARE(ack->entryIds, std::vector<std::string> { entry.id });
    const auto stored = storedEntry(server.store(), caseId, entry.id);
    QVERIFY(stored);
    QCOMPARE(stored->userId, server.seed().alice.id);
    QVERIFY(!stored->inScope);
}

void tst_SyncAccessLog::accessLogBeforeLoginRejected()
{
    SyncServerFixture server(SyncOptions {}, 4, 1);
    TestClient client;
    QVERIFY(client.open(server.url()));

    client.send(protocol::AccessLog { "a1", { caseRead(server.seed().teamACases.front()) } });
    const auto error = client.nextOf<protocol::Error>();

    QVERIFY(error);
    QCOMPARE(wireCode(error->code), wireCode(protocol::ErrorCode::AuthRequired));
    QCOMPARE(server.store().countRows("access_log"), std::int64_t(0));
}

QTEST_GUILESS_MAIN(tst_SyncAccessLog)
#include "tst_syncaccesslog.moc"
