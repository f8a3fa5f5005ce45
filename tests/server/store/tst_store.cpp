#include "domain/ids.h"
#include "store/migrations.h"
#include "store/sqlsession.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

Q_DECLARE_METATYPE(civicdesk::protocol::ErrorCode)

namespace {

QString codeName(protocol::ErrorCode code)
{
    const std::string_view name = protocol::toString(code);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

} // namespace

class tst_Store : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void migrationsAppliedOnce();
    void changeLogRowPerWrite();
    void changesSinceFiltersScope_data();
    void changesSinceFiltersScope();
    void changesSincePagesToHead();
    void mutationAcked();
    void mutationReplayReturnsSameOutcome();
    void conflictOnlyOnSameField();
    void mutationForbiddenOutsideScope();
    void mutationRejected_data();
    void mutationRejected();
    void moveCaseToTeamPurgesOldScope();
    void listenerCalledAfterCommit();

private:
    protocol::Mutation mutation(const std::string &caseId, std::int64_t baseVersion,
        const std::string &op, nlohmann::json args = nlohmann::json::object());
    std::vector<protocol::Change> allChanges(const AccessScope &scope);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
};

void tst_Store::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<StoreFixture>(m_dir->filePath("store.sqlite").toStdString());
}

void tst_Store::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

protocol::Mutation tst_Store::mutation(
    const std::string &caseId, std::int64_t baseVersion, const std::string &op, nlohmann::json args)
{
    protocol::Mutation m;
    m.id = generateUuid();
    m.entityId = caseId;
    m.baseVersion = baseVersion;
    m.op = op;
    m.args = std::move(args);
    m.createdAt = utcNowIso();
    return m;
}

std::vector<protocol::Change> tst_Store::allChanges(const AccessScope &scope)
{
    return m_fixture->store->changesSince(scope, 0, protocol::MaxFetchLimit).changes;
}

void tst_Store::migrationsAppliedOnce()
{
    const std::string path = m_dir->filePath("store.sqlite").toStdString();
    const std::string epoch = m_fixture->store->epoch();
    m_fixture.reset();

    const auto reopened = SqliteStore::openFile(path);
    QCOMPARE(reopened->epoch(), epoch);
    QVERIFY(isUuid(epoch));

    SqlSession sql(path);
    const std::int64_t latest = latestSchemaVersion();
    QCOMPARE(sql.scalar("SELECT COUNT(*) AS n FROM schema_migrations"), latest);
    QCOMPARE(sql.scalar("SELECT MAX(version) AS v FROM schema_migrations"), latest);
}

void tst_Store::changeLogRowPerWrite()
{
    SqliteStore &store = *m_fixture->store;
    // Each case wrote its party, itself and its submission.
    const std::int64_t expected = m_fixture->referenceRows + 2 * 3;

    QCOMPARE(store.countRows("change_log"), expected);
    QCOMPARE(store.headSeq(), expected);

    const auto changes = allChanges(m_fixture->scope("supervisor"));
    QCOMPARE(static_cast<std::int64_t>(changes.size()), expected);
    const auto caseRow = std::find_if(changes.begin(), changes.end(),
        [&](const auto &c) { return c.entity == "case" && c.id == m_fixture->caseA; });
    QVERIFY(caseRow != changes.end());
    QCOMPARE(caseRow->data.at("number").get<std::string>().substr(0, 3), std::string("CD-"));
    QCOMPARE(caseRow->version, std::int64_t(1));
}

void tst_Store::changesSinceFiltersScope_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("seesCaseA");
    QTest::addColumn<bool>("seesCaseB");
    QTest::addColumn<int>("count");

    QTest::newRow("agent sees team A") << "agent" << true << false << 13;
    QTest::newRow("agent2 sees team B") << "agent2" << false << true << 13;
    QTest::newRow("supervisor sees all") << "supervisor" << true << true << 16;
}

void tst_Store::changesSinceFiltersScope()
{
    QFETCH(QString, username);
    QFETCH(bool, seesCaseA);
    QFETCH(bool, seesCaseB);
    QFETCH(int, count);

    const auto changes = allChanges(m_fixture->scope(username.toStdString()));
    const auto sees = [&](const std::string &id) {
        return std::any_of(changes.begin(), changes.end(),
            [&](const auto &c) { return c.entity == "case" && c.id == id; });
    };

    QCOMPARE(static_cast<int>(changes.size()), count);
    QCOMPARE(sees(m_fixture->caseA), seesCaseA);
    QCOMPARE(sees(m_fixture->caseB), seesCaseB);
}

void tst_Store::changesSincePagesToHead()
{
    SqliteStore &store = *m_fixture->store;
    const AccessScope agent = m_fixture->scope("agent");

    std::int64_t cursor = 0;
    std::vector<std::int64_t> seqs;
    ChangePage page;
    int pages = 0;
    do {
        page = store.changesSince(agent, cursor, 5);
        QVERIFY(page.changes.size() <= 5);
        for (const auto &change : page.changes) {
            QVERIFY(change.seq > cursor);
            seqs.push_back(change.seq);
        }
        cursor = page.cursor;
        QVERIFY(++pages < 10);
    } while (page.more);

    QCOMPARE(seqs.size(), std::size_t(13));
    QVERIFY(std::is_sorted(seqs.begin(), seqs.end()));
    QCOMPARE(cursor, store.headSeq());
    QVERIFY(store.changesSince(agent, cursor, 5).changes.empty());
}

void tst_Store::mutationAcked()
{
    SqliteStore &store = *m_fixture->store;
    const auto outcome = store.applyMutation(m_fixture->scope("agent"),
        mutation(m_fixture->caseA, 1, "status", { { "status", "in_progress" } }));

    QVERIFY(outcome.applied);
    QCOMPARE(outcome.version, std::int64_t(2));
    QVERIFY(outcome.seq > m_fixture->referenceRows);

    const auto stored = store.findCase(m_fixture->caseA);
    QCOMPARE(stored->kase.status, std::string("in_progress"));
    QCOMPARE(stored->version, std::int64_t(2));
    QCOMPARE(stored->statusVersion, std::int64_t(2));

    const auto changes = store.changesSince(m_fixture->scope("agent"), outcome.seq - 1, 10).changes;
    QCOMPARE(changes.size(), std::size_t(2));
    QCOMPARE(changes[0].entity, std::string("case"));
    QCOMPARE(changes[0].version, std::int64_t(2));
    QCOMPARE(changes[1].entity, std::string("interaction"));
    QCOMPARE(
        changes[1].data.at("body").get<std::string>(), std::string("status: new → in_progress"));
}

void tst_Store::mutationReplayReturnsSameOutcome()
{
    SqliteStore &store = *m_fixture->store;
    const AccessScope agent = m_fixture->scope("agent");
    auto edit = mutation(m_fixture->caseA, 1, "status", { { "status", "waiting" } });
    const auto first = store.applyMutation(agent, edit);
    const std::int64_t head = store.headSeq();

    edit.args = { { "status", "closed" } };
    const auto replay = store.applyMutation(agent, edit);

    QVERIFY(replay.applied);
    QCOMPARE(replay.version, first.version);
    QCOMPARE(replay.seq, first.seq);
    QCOMPARE(store.headSeq(), head);
    QCOMPARE(store.findCase(m_fixture->caseA)->kase.status, std::string("waiting"));

    auto invalid = mutation(m_fixture->caseA, 2, "status", { { "status", "bogus" } });
    const auto rejected = store.applyMutation(agent, invalid);
    invalid.args = { { "status", "open" } };
    const auto rejectedReplay = store.applyMutation(agent, invalid);
    QVERIFY(!rejectedReplay.applied);
    QCOMPARE(codeName(rejectedReplay.code), codeName(rejected.code));
    QCOMPARE(rejectedReplay.message, rejected.message);
}

void tst_Store::conflictOnlyOnSameField()
{
    SqliteStore &store = *m_fixture->store;
    const AccessScope agent = m_fixture->scope("agent");
    const std::string caseId = m_fixture->caseA;

    QVERIFY(store.applyMutation(agent, mutation(caseId, 1, "status", { { "status", "open" } }))
                .applied);

    const auto sameField =
        store.applyMutation(agent, mutation(caseId, 1, "status", { { "status", "waiting" } }));
    QVERIFY(!sameField.applied);
    QCOMPARE(codeName(sameField.code), codeName(protocol::ErrorCode::MutationConflict));
    QCOMPARE(sameField.current.at("status").get<std::string>(), std::string("open"));

    const auto otherField = store.applyMutation(agent, mutation(caseId, 1, "claim"));
    QVERIFY(otherField.applied);
    QCOMPARE(otherField.version, std::int64_t(3));

    const auto note = store.applyMutation(agent,
        mutation(caseId, 1, "note",
            { { "interactionId", generateUuid() }, { "text", "Called the citizen back." } }));
    QVERIFY(note.applied);
    QCOMPARE(note.version, std::int64_t(4));

    const auto staleAssign = store.applyMutation(agent, mutation(caseId, 2, "claim"));
    QVERIFY(!staleAssign.applied);
    QCOMPARE(codeName(staleAssign.code), codeName(protocol::ErrorCode::MutationConflict));
}

void tst_Store::mutationForbiddenOutsideScope()
{
    const auto outcome = m_fixture->store->applyMutation(m_fixture->scope("agent"),
        mutation(m_fixture->caseB, 1, "status", { { "status", "open" } }));

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(protocol::ErrorCode::MutationForbidden));
    QVERIFY(outcome.current.is_null());
    QCOMPARE(m_fixture->store->findCase(m_fixture->caseB)->kase.status, std::string("new"));
}

void tst_Store::mutationRejected_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("args");
    QTest::addColumn<bool>("missingCase");
    QTest::addColumn<protocol::ErrorCode>("expected");

    const auto invalid = protocol::ErrorCode::MutationInvalid;
    QTest::newRow("unknown status") << "status"
                                    << R"({"status":"done"})" << false << invalid;
    QTest::newRow("status not a string") << "status"
                                         << R"({"status":3})" << false << invalid;
    QTest::newRow("unknown op") << "delete"
                                << "{}" << false << invalid;
    QTest::newRow("empty note")
        << "note"
        << R"({"text":"   ","interactionId":"6f0c1c0e-1d2e-4f5a-8b9c-0d1e2f3a4b5c"})" << false
        << invalid;
    QTest::newRow("note without interaction id") << "note"
                                                 << R"({"text":"hello"})" << false << invalid;
    QTest::newRow("assign to unknown user")
        << "assign"
        << R"({"assigneeId":"6f0c1c0e-1d2e-4f5a-8b9c-0d1e2f3a4b5c"})" << false << invalid;
    QTest::newRow("case not found") << "claim"
                                    << "{}" << true << protocol::ErrorCode::MutationNotFound;
}

void tst_Store::mutationRejected()
{
    QFETCH(QString, op);
    QFETCH(QString, args);
    QFETCH(bool, missingCase);
    QFETCH(protocol::ErrorCode, expected);

    const std::string caseId = missingCase ? generateUuid() : m_fixture->caseA;
    const auto outcome = m_fixture->store->applyMutation(m_fixture->scope("agent"),
        mutation(caseId, 1, op.toStdString(), nlohmann::json::parse(args.toStdString())));

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(expected));
    QVERIFY(!outcome.message.empty());
    QCOMPARE(m_fixture->store->findCase(m_fixture->caseA)->version, std::int64_t(1));
}

void tst_Store::moveCaseToTeamPurgesOldScope()
{
    SqliteStore &store = *m_fixture->store;
    const AccessScope agent = m_fixture->scope("agent");
    const AccessScope agent2 = m_fixture->scope("agent2");
    const std::int64_t head = store.headSeq();

    QVERIFY(store.moveCaseToTeam(m_fixture->caseA, m_fixture->teamB, "moved by test"));

    const auto lost = store.changesSince(agent, head, 100).changes;
    QCOMPARE(lost.size(), std::size_t(2));
    QCOMPARE(lost[0].entity, std::string("case"));
    QVERIFY(lost[0].op == protocol::ChangeOp::Purge);
    QCOMPARE(lost[1].entity, std::string("party"));
    QVERIFY(lost[1].op == protocol::ChangeOp::Purge);

    const auto gained = store.changesSince(agent2, head, 100).changes;
    QCOMPARE(gained.size(), std::size_t(3)); // party, case, submission
    QCOMPARE(gained[1].entity, std::string("case"));
    QCOMPARE(gained[1].data.at("teamId").get<std::string>(), m_fixture->teamB);
    QVERIFY(!store.moveCaseToTeam(m_fixture->caseA, m_fixture->teamB, "again"));
}

void tst_Store::listenerCalledAfterCommit()
{
    SqliteStore &store = *m_fixture->store;
    std::vector<std::int64_t> heads;
    store.setChangeListener([&](std::int64_t head) {
        heads.push_back(head);
        QCOMPARE(store.headSeq(), head); // the lock is free again
    });

    store.applyMutation(m_fixture->scope("agent"), mutation(m_fixture->caseA, 1, "claim"));

    QCOMPARE(heads.size(), std::size_t(1));
    QCOMPARE(heads.front(), store.headSeq());
}

QTEST_GUILESS_MAIN(tst_Store)
#include "tst_store.moc"
