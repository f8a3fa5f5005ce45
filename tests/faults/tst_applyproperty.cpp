// Property test of the server's mutation apply. Sends are duplicated (lost acks and retries),
// interleaved at random and stamped with skewed client clocks. The store must end equal to one
// that received each mutation once, in the order of first delivery, and every retry must
// return the first delivery's outcome.
#include "domain/ids.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <filesystem>
#include <map>
#include <rapidcheck.h>
#include <vector>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

const std::vector<std::string> Usernames = { "agent", "agent2", "supervisor" };
// Client clocks far behind, far ahead, unset and not a time at all: the server orders edits
// by its own versions only, so none of them may change an outcome.
const std::vector<std::string> SkewedClocks = { "1970-01-01T00:00:00Z", "2099-12-31T23:59:59Z",
    "", "not a time" };
const std::vector<std::string> Statuses = { "open", "in_progress", "waiting", "resolved",
    "closed", "reopened_by_mistake" };

/** One client edit as generated: indices into the fixture's users and cases. */
struct PlannedEdit
{
    std::string mutationId;
    std::string noteId; // made once with the edit, as a client does
    int user = 0;
    int caseIndex = 0;
    int op = 0; // 0 claim, 1 assign, 2 status, 3 note
    int assignee = 0;
    int status = 0;
    std::int64_t baseVersion = 1;
};

/** A store opened on a fresh copy of the seeded template file. */
struct StoreCopy
{
    StoreCopy(const std::string &templatePath, const std::string &path)
    {
        std::filesystem::copy_file(templatePath, path);
        store = SqliteStore::openFile(path);
    }

    std::unique_ptr<SqliteStore> store;
};

struct Template
{
    std::string path;
    std::vector<std::string> caseIds;
    std::map<std::string, std::string> userIds;
};

protocol::Mutation toMutation(const PlannedEdit &edit, const Template &seed)
{
    protocol::Mutation mutation;
    mutation.id = edit.mutationId;
    mutation.entity = "case";
    mutation.entityId = seed.caseIds[std::size_t(edit.caseIndex)];
    mutation.baseVersion = edit.baseVersion;
    switch (edit.op) {
    case 0:
        mutation.op = "claim";
        break;
    case 1:
        mutation.op = "assign";
        mutation.args = nlohmann::json {
            { "assigneeId", seed.userIds.at(Usernames[std::size_t(edit.assignee)]) }
        };
        break;
    case 2:
        mutation.op = "status";
        mutation.args = nlohmann::json { { "status", Statuses[std::size_t(edit.status)] } };
        break;
    default:
        mutation.op = "note";
        mutation.args = nlohmann::json { { "interactionId", edit.noteId },
            { "text", "σημείωση " + edit.mutationId.substr(0, 8) } };
        break;
    }
    return mutation;
}

/** Returns the mutation stamped with a client clock picked at random from SkewedClocks. */
protocol::Mutation skewed(protocol::Mutation mutation)
{
    const int clock = *rc::gen::inRange(0, int(SkewedClocks.size()));
    mutation.createdAt = SkewedClocks[std::size_t(clock)];
    return mutation;
}

rc::Gen<PlannedEdit> editGenerator()
{
    return rc::gen::exec([] {
        PlannedEdit edit;
        edit.mutationId = generateUuid();
        edit.noteId = generateUuid();
        edit.user = *rc::gen::inRange(0, int(Usernames.size()));
        edit.caseIndex = *rc::gen::inRange(0, 2);
        edit.op = *rc::gen::inRange(0, 4);
        edit.assignee = *rc::gen::inRange(0, int(Usernames.size()));
        edit.status = *rc::gen::inRange(0, int(Statuses.size()));
        edit.baseVersion = *rc::gen::inRange<std::int64_t>(0, 6);
        return edit;
    });
}

/** Returns the case fields an edit can change, with the versions used to merge edits. */
std::string caseState(SqliteStore &store, const std::string &caseId)
{
    const auto stored = store.findCase(caseId);
    RC_ASSERT(stored.has_value());
    return stored->kase.status + "|" + stored->kase.assigneeId + "|"
        + std::to_string(stored->version) + "|" + std::to_string(stored->statusVersion) + "|"
        + std::to_string(stored->assigneeVersion);
}

/**
 * Returns what a replay must repeat. A reject's version is left out: it names the record's
 * version when the reject is sent (docs/protocol.md), which later edits may have raised.
 */
std::string outcomeText(const MutationOutcome &outcome)
{
    const std::string version = outcome.applied ? std::to_string(outcome.version) : "reject";
    return std::to_string(outcome.applied) + "|" + version + "|"
        + std::string(protocol::toString(outcome.code)) + "|" + outcome.message;
}

} // namespace

class tst_ApplyProperty : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void retriesAndReorderingsApplyOnce();

private:
    QTemporaryDir m_dir;
    Template m_template;
};

void tst_ApplyProperty::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Seeding hashes three passwords with Argon2id, so it runs once; each trial copies the file.
    m_template.path = m_dir.filePath(QStringLiteral("template.db")).toStdString();
    StoreFixture fixture(m_template.path);
    m_template.caseIds = { fixture.caseA, fixture.caseB };
    for (const std::string &username : Usernames) {
        m_template.userIds[username] = fixture.store->findAccount(username)->user.id;
    }
}

void tst_ApplyProperty::retriesAndReorderingsApplyOnce()
{
    int trial = 0;
    const bool passed = rc::check("apply is idempotent under retries and reordering", [&] {
        const auto edits = *rc::gen::resize(
            25, rc::gen::nonEmpty(rc::gen::container<std::vector<PlannedEdit>>(editGenerator())));

        // Each edit is sent one to three times (every send but the last lost its ack), and
        // the sends arrive in a random order: each gets a random key and they are sorted by it.
        std::vector<std::pair<int, std::size_t>> keyed;
        for (std::size_t i = 0; i < edits.size(); ++i) {
            const int copies = *rc::gen::inRange(1, 4);
            for (int copy = 0; copy < copies; ++copy) {
                keyed.emplace_back(*rc::gen::inRange(0, 1000), i);
            }
        }
        std::stable_sort(keyed.begin(), keyed.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<std::size_t> order;
        for (const auto &[key, index] : keyed) {
            order.push_back(index);
        }

        const std::string prefix =
            m_dir.filePath(QStringLiteral("trial%1").arg(++trial)).toStdString();
        StoreCopy delivered(m_template.path, prefix + "-delivered.db");
        StoreCopy once(m_template.path, prefix + "-once.db");

        std::map<std::size_t, std::string> firstOutcome;
        std::vector<std::size_t> firstArrival;
        for (const std::size_t index : order) {
            const PlannedEdit &edit = edits[index];
            const AccessScope scope = delivered.store->scopeFor(
                delivered.store->findAccount(Usernames[std::size_t(edit.user)])->user);
            const protocol::Mutation sent = skewed(toMutation(edit, m_template));
            const std::string outcome = outcomeText(delivered.store->applyMutation(scope, sent));
            const auto [found, inserted] = firstOutcome.emplace(index, outcome);
            if (inserted) {
                firstArrival.push_back(index);
            } else {
                RC_ASSERT(found->second == outcome);
            }
        }

        for (const std::size_t index : firstArrival) {
            const PlannedEdit &edit = edits[index];
            const AccessScope scope = once.store->scopeFor(
                once.store->findAccount(Usernames[std::size_t(edit.user)])->user);
            const std::string outcome =
                outcomeText(once.store->applyMutation(scope, toMutation(edit, m_template)));
            RC_ASSERT(outcome == firstOutcome.at(index));
        }

        for (const std::string &caseId : m_template.caseIds) {
            RC_ASSERT(caseState(*delivered.store, caseId) == caseState(*once.store, caseId));
        }
        RC_ASSERT(
            delivered.store->countRows("interactions") == once.store->countRows("interactions"));
        RC_ASSERT(delivered.store->headSeq() == once.store->headSeq());
    });
    QVERIFY2(passed, "a counterexample is printed above");
}

QTEST_GUILESS_MAIN(tst_ApplyProperty)
#include "tst_applyproperty.moc"
