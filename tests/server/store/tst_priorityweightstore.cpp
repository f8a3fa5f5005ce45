#include "storefixture.h"

#include "domain/ids.h"
#include "priority/priority.h"

#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace civicdesk;
using namespace civicdesk::server;
using nlohmann::json;

class tst_PriorityWeightStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void seedOnlyOnce();
    void agentForbidden();
    void invalidArgs_data();
    void invalidArgs();
    void staleBaseVersionConflicts();
    void setRescoresAndReorders();
    void setLogsChangeRows();
    void replayIsIdempotent();
    void rescoreKeepsStatusMergeable();
    void newCaseUsesWeightsInForce();
    void periodicRescoreLogsMovedCases();

private:
    protocol::Mutation setWeights(const json &args, std::int64_t baseVersion) const;
    std::string addCase(const std::string &channel, const std::vector<std::string> &flags);
    double priorityOf(const std::string &caseId) const;
    std::vector<protocol::Change> changesAfter(std::int64_t seq) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
};

namespace {

QString codeName(protocol::ErrorCode code)
{
    const std::string_view name = protocol::toString(code);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

json argsOf(const PriorityWeights &weights)
{
    json args = weights;
    args.erase("id");
    args.erase("changedBy");
    args.erase("changedAt");
    return args;
}

} // namespace

void tst_PriorityWeightStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<StoreFixture>(m_dir->filePath("store.sqlite").toStdString());
}

protocol::Mutation tst_PriorityWeightStore::setWeights(const json &args, std::int64_t baseVersion) const
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entity = "priorityWeights";
    mutation.entityId = "current";
    mutation.baseVersion = baseVersion;
    mutation.op = "set";
    mutation.args = args;
    return mutation;
}

std::string tst_PriorityWeightStore::addCase(
    const std::string &channel, const std::vector<std::string> &flags)
{
    CaseBundle bundle;
    bundle.party.id = generateUuid();
    bundle.party.firstName = "Νίκος";
    bundle.party.lastName = "Δοκιμής";
    bundle.party.municipalityId = "9186";
    bundle.party.createdAt = utcNowIso();
    bundle.party.vulnerabilities = flags;
    Case &kase = bundle.kase;
    kase.id = generateUuid();
    kase.channel = channel;
    kase.text = "Car left on the pavement for weeks";
    kase.categoryId = "abandoned_vehicle";
    kase.categorySource = "citizen";
    kase.language = "en";
    kase.municipalityId = "9186";
    kase.regionId = "9";
    kase.status = "new";
    kase.teamId = m_fixture->teamA;
    kase.createdAt = utcNowIso();
    kase.updatedAt = kase.createdAt;
    bundle.submission = { generateUuid(), bundle.party.id, kase.id, "submission", channel,
        kase.text, {}, kase.createdAt };
    return m_fixture->store->createCase(bundle).kase.id;
}

double tst_PriorityWeightStore::priorityOf(const std::string &caseId) const
{
    return m_fixture->store->findCase(caseId)->kase.priority;
}

std::vector<protocol::Change> tst_PriorityWeightStore::changesAfter(std::int64_t seq) const
{
    AccessScope everything;
    everything.everything = true;
    return m_fixture->store->changesSince(everything, seq, 100000).changes;
}

void tst_PriorityWeightStore::seedOnlyOnce()
{
    SqliteStore &store = *m_fixture->store;
    QCOMPARE(store.priorityWeights().version, std::int64_t(0));
    QCOMPARE(store.priorityWeights().weights.categoryValues.at("abandoned_vehicle"), 1.5);

    QVERIFY(store.seedPriorityWeights(store.priorityWeights().weights));
    PriorityWeights other = priority::defaultWeights();
    other.factorWeights["category"] = 99;
    QVERIFY(!store.seedPriorityWeights(other));

    const StoredPriorityWeights stored = store.priorityWeights();
    QCOMPARE(stored.version, std::int64_t(1));
    QCOMPARE(stored.weights.factorWeights.at("category"), 10.0);
    const auto changes = changesAfter(0);
    const auto published = std::count_if(changes.begin(), changes.end(),
        [](const protocol::Change &change) { return change.entity == "priorityWeights"; });
    QCOMPARE(published, std::ptrdiff_t(1));
}

void tst_PriorityWeightStore::agentForbidden()
{
    const MutationOutcome outcome = m_fixture->store->applyMutation(
        m_fixture->scope("agent"), setWeights(argsOf(priority::defaultWeights()), 0));

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(protocol::ErrorCode::MutationForbidden));
    QCOMPARE(m_fixture->store->priorityWeights().version, std::int64_t(0));
}

void tst_PriorityWeightStore::invalidArgs_data()
{
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<QString>("message");

    const json valid = argsOf(priority::defaultWeights());
    const auto edited = [&](const std::function<void(json &)> &edit) {
        json args = valid;
        edit(args);
        return QByteArray::fromStdString(args.dump());
    };
    QTest::newRow("not an object") << QByteArray("[1]") << "args must be an object";
    QTest::newRow("unknown field") << edited([](json &a) { a["weights"] = 1; })
                                   << "args.weights is not a field of the priority weights";
    QTest::newRow("no factor weights") << edited([](json &a) { a.erase("factorWeights"); })
                                       << "args.factorWeights is missing";
    QTest::newRow("map of text") << edited([](json &a) { a["regionValues"] = "high"; })
                                 << "args.regionValues must be an object of numbers";
    QTest::newRow("value not a number")
        << edited([](json &a) { a["channelValues"]["phone"] = "0.5"; })
        << "args.channelValues.phone must be a number";
    QTest::newRow("no ageing") << edited([](json &a) { a.erase("ageing"); })
                               << "args.ageing is missing";
    QTest::newRow("ageing without cap") << edited([](json &a) { a["ageing"].erase("capDays"); })
                                        << "args.ageing.capDays must be a number";
    QTest::newRow("unknown factor") << edited([](json &a) { a["factorWeights"]["mood"] = 1; })
                                    << "factorWeights.mood is not a priority factor";
    QTest::newRow("negative value")
        << edited([](json &a) { a["vulnerabilityValues"]["elderly"] = -1; })
        << "vulnerabilityValues.elderly must not be negative";
    QTest::newRow("weight above 100")
        << edited([](json &a) { a["factorWeights"]["timeOpen"] = 101; })
        << "factorWeights.timeOpen must be at most 100";
    QTest::newRow("unknown curve") << edited([](json &a) { a["ageing"]["kind"] = "cubic"; })
                                   << "ageing.kind \"cubic\" is not linear, logarithmic or step";
    QTest::newRow("cap of 0 days") << edited([](json &a) { a["ageing"]["capDays"] = 0; })
                                   << "ageing.capDays must be between 1 and 365";
}

void tst_PriorityWeightStore::invalidArgs()
{
    QFETCH(QByteArray, args);
    QFETCH(QString, message);

    const MutationOutcome outcome = m_fixture->store->applyMutation(
        m_fixture->scope("supervisor"), setWeights(json::parse(args.toStdString()), 0));

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(protocol::ErrorCode::MutationInvalid));
    QCOMPARE(QString::fromStdString(outcome.message), message);
    QCOMPARE(m_fixture->store->priorityWeights().version, std::int64_t(0));
}

void tst_PriorityWeightStore::staleBaseVersionConflicts()
{
    SqliteStore &store = *m_fixture->store;
    PriorityWeights first = priority::defaultWeights();
    first.factorWeights["category"] = 12;
    QVERIFY(store.applyMutation(m_fixture->scope("supervisor"), setWeights(argsOf(first), 0))
                .applied);

    PriorityWeights second = priority::defaultWeights();
    second.factorWeights["category"] = 3;
    const MutationOutcome outcome =
        store.applyMutation(m_fixture->scope("supervisor"), setWeights(argsOf(second), 0));

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(protocol::ErrorCode::MutationConflict));
    QCOMPARE(outcome.current.at("factorWeights").at("category").get<double>(), 12.0);
    QCOMPARE(store.priorityWeights().version, std::int64_t(1));
}

void tst_PriorityWeightStore::setRescoresAndReorders()
{
    const std::string byPhone = addCase("phone", {});
    const std::string elderly = addCase("portal", { "elderly" });
    QVERIFY(priorityOf(elderly) > priorityOf(byPhone));

    PriorityWeights channelFirst = m_fixture->store->priorityWeights().weights;
    channelFirst.factorWeights["vulnerability"] = 0;
    channelFirst.factorWeights["channel"] = 50;
    const MutationOutcome outcome = m_fixture->store->applyMutation(
        m_fixture->scope("supervisor"), setWeights(argsOf(channelFirst), 0));

    QVERIFY(outcome.applied);
    QCOMPARE(outcome.version, std::int64_t(1));
    QVERIFY(priorityOf(byPhone) > priorityOf(elderly));
    QCOMPARE(priorityOf(byPhone) - priorityOf(elderly), (0.5 - 0.2) * 50);
}

void tst_PriorityWeightStore::setLogsChangeRows()
{
    const std::int64_t head = m_fixture->store->headSeq();
    const std::int64_t caseVersion = m_fixture->store->findCase(m_fixture->caseA)->version;
    PriorityWeights edited = m_fixture->store->priorityWeights().weights;
    edited.factorWeights["category"] = 20;

    const MutationOutcome outcome = m_fixture->store->applyMutation(
        m_fixture->scope("supervisor"), setWeights(argsOf(edited), 0));
    QVERIFY(outcome.applied);

    const auto changes = changesAfter(head);
    QCOMPARE(changes.size(), std::size_t(3)); // the weights and the fixture's two open cases
    QCOMPARE(changes[0].entity, std::string("priorityWeights"));
    QCOMPARE(changes[0].seq, outcome.seq);
    QCOMPARE(changes[0].version, std::int64_t(1));
    QCOMPARE(changes[0].data.at("changedBy").get<std::string>(),
        m_fixture->scope("supervisor").userId);
    QCOMPARE(changes[1].entity, std::string("case"));
    QCOMPARE(changes[2].entity, std::string("case"));
    const StoredCase stored = *m_fixture->store->findCase(m_fixture->caseA);
    QCOMPARE(stored.version, caseVersion + 1);
    QCOMPARE(stored.kase.priorityFactors.front().weight, 20.0);
}

void tst_PriorityWeightStore::replayIsIdempotent()
{
    PriorityWeights edited = m_fixture->store->priorityWeights().weights;
    edited.factorWeights["region"] = 7;
    const protocol::Mutation mutation = setWeights(argsOf(edited), 0);
    const MutationOutcome first =
        m_fixture->store->applyMutation(m_fixture->scope("supervisor"), mutation);
    const std::int64_t head = m_fixture->store->headSeq();

    const MutationOutcome again =
        m_fixture->store->applyMutation(m_fixture->scope("supervisor"), mutation);

    QVERIFY(first.applied);
    QVERIFY(again.applied);
    QCOMPARE(again.version, first.version);
    QCOMPARE(again.seq, first.seq);
    QCOMPARE(m_fixture->store->headSeq(), head);
    QCOMPARE(m_fixture->store->priorityWeights().version, std::int64_t(1));
}

void tst_PriorityWeightStore::rescoreKeepsStatusMergeable()
{
    const std::int64_t before = m_fixture->store->findCase(m_fixture->caseA)->version;
    PriorityWeights edited = m_fixture->store->priorityWeights().weights;
    edited.factorWeights["category"] = 30;
    QVERIFY(m_fixture->store->applyMutation(m_fixture->scope("supervisor"),
        setWeights(argsOf(edited), 0)).applied);

    protocol::Mutation status;
    status.id = generateUuid();
    status.entityId = m_fixture->caseA;
    status.baseVersion = before;
    status.op = "status";
    status.args = { { "status", "in_progress" } };
    const MutationOutcome outcome = m_fixture->store->applyMutation(m_fixture->scope("agent"), status);

    QVERIFY(outcome.applied);
    QCOMPARE(outcome.version, before + 2);
}

void tst_PriorityWeightStore::newCaseUsesWeightsInForce()
{
    const std::string before = addCase("portal", {});
    PriorityWeights edited = m_fixture->store->priorityWeights().weights;
    edited.factorWeights["category"] = 0;
    QVERIFY(m_fixture->store->applyMutation(m_fixture->scope("supervisor"),
        setWeights(argsOf(edited), 0)).applied);

    const std::string after = addCase("portal", {});

    // abandoned_vehicle has value 1.5, so the category term was 15 before the edit.
    QCOMPARE(priorityOf(after), priorityOf(before));
    QCOMPARE(m_fixture->store->findCase(after)->kase.priorityFactors.front().contribution, 0.0);
}

void tst_PriorityWeightStore::periodicRescoreLogsMovedCases()
{
    SqliteStore &store = *m_fixture->store;
    const std::int64_t now = priority::parseUtc(utcNowIso()).value();
    const std::int64_t head = store.headSeq();

    QCOMPARE(store.rescoreOpenCases(now, 0.01), 0);
    QCOMPARE(store.headSeq(), head);

    protocol::Mutation resolve;
    resolve.id = generateUuid();
    resolve.entityId = m_fixture->caseB;
    resolve.baseVersion = store.findCase(m_fixture->caseB)->version;
    resolve.op = "status";
    resolve.args = { { "status", "resolved" } };
    QVERIFY(store.applyMutation(m_fixture->scope("agent2"), resolve).applied);
    const double resolvedScore = priorityOf(m_fixture->caseB);
    const double openScore = priorityOf(m_fixture->caseA);

    // Three days later the open case has 3/30 of the time term (20) more: 2.0.
    QCOMPARE(store.rescoreOpenCases(now + 3 * 86400, 0.01), 1);
    QCOMPARE(priorityOf(m_fixture->caseA) - openScore, 2.0);
    QCOMPARE(priorityOf(m_fixture->caseB), resolvedScore);
}

QTEST_GUILESS_MAIN(tst_PriorityWeightStore)
#include "tst_priorityweightstore.moc"
