#include "domain/ids.h"
#include "importer/referencedata.h"
#include "intake/classifiertraining.h"
#include "intake/intakeservice.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

const std::string Athens = "9186";
const std::string GreekDanger = "Έπεσε κολόνα φωτισμού στη μέση του δρόμου και είναι επικίνδυνη.";
const std::string EnglishDanger = "A lamp post fell across the road and it is dangerous.";

std::string ruleText(const std::string &ruleId, const std::string &where, const std::string &code)
{
    return "rule " + ruleId.substr(0, 8) + ": dangerous_condition in " + where + " → " + code;
}

} // namespace

/** Intake with the shipped reference data: routing, push assignment and rule edits. */
class tst_IntakeRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pushAssignsLeastLoadedAgent();
    void claimTeamKeepsQueue();
    void ruleEditReachesIntake();
    void claimAndAssignRecordReason();
    void duplicatesFoundAfterRestart();

private:
    Case submit(const std::string &text, const std::string &categoryId);
    std::string teamId(const std::string &code) const;
    MutationOutcome applyRule(const std::string &op, const std::string &ruleId,
        std::int64_t baseVersion, nlohmann::json args);

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<TextClassifier> m_classifier;
    std::unique_ptr<IntakeService> m_intake;
    std::string m_atticaId;
};

void tst_IntakeRouting::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::string resources = CIVICDESK_SOURCE_DIR "/resources";
    const std::string dataDir = m_dir.path().toStdString();
    m_store = SqliteStore::openFile(dataDir + "/civicdesk.sqlite");
    m_store->writeReferenceData(loadReferenceData(resources));
    ensureCategoryModel(resources, dataDir);
    m_classifier = TextClassifier::load(dataDir);
    m_intake = std::make_unique<IntakeService>(*m_store, *m_classifier);
    m_atticaId = m_store->findMunicipality(Athens)->regionId;
}

Case tst_IntakeRouting::submit(const std::string &text, const std::string &categoryId)
{
    Submission submission;
    submission.text = text;
    submission.categoryId = categoryId;
    submission.municipalityId = Athens;
    submission.firstName = "Άννα";
    submission.lastName = "Κωστή";
    const auto result = m_intake->submit(submission);
    if (const auto *error = std::get_if<FieldError>(&result)) {
        qWarning("submission rejected: %s", error->message.c_str());
        return {};
    }
    return std::get<IntakeResult>(result).kase;
}

std::string tst_IntakeRouting::teamId(const std::string &code) const
{
    return stableId("team:" + m_atticaId + ":" + code);
}

MutationOutcome tst_IntakeRouting::applyRule(
    const std::string &op, const std::string &ruleId, std::int64_t baseVersion, nlohmann::json args)
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entity = "routingRule";
    mutation.entityId = ruleId;
    mutation.baseVersion = baseVersion;
    mutation.op = op;
    mutation.args = std::move(args);
    const auto admin = m_store->findAccount("admin");
    return m_store->applyMutation(m_store->scopeFor(admin->user), mutation);
}

void tst_IntakeRouting::pushAssignsLeastLoadedAgent()
{
    const std::string agent = stableId("user:agent");
    const std::string agent2 = stableId("user:agent2");
    const std::string seeded = stableId("routing-rule:dangerous_condition");

    const Case first = submit(GreekDanger, "dangerous_condition");
    const Case second = submit(GreekDanger, "dangerous_condition");
    const Case english = submit(EnglishDanger, "dangerous_condition");

    QCOMPARE(first.teamId, teamId("POLICY_PROTECTION_DEPARTMENT"));
    QCOMPARE(first.routeRule, ruleText(seeded, "any area", "POLICY_PROTECTION_DEPARTMENT"));
    QCOMPARE(first.assigneeId, agent);
    QCOMPARE(QString::fromStdString(first.assignmentReason),
        QString("assigned to agent: fewest open cases (0 of 40) among 2 agents who speak el and "
                "handle dangerous_condition"));
    QCOMPARE(second.assigneeId, agent2);
    QCOMPARE(QString::fromStdString(second.assignmentReason),
        QString("assigned to agent2: fewest open cases (0 of 30) among 2 agents who speak el "
                "and handle dangerous_condition"));
    QCOMPARE(english.assigneeId, agent);
    QCOMPARE(QString::fromStdString(english.assignmentReason),
        QString("assigned to agent: fewest open cases (1 of 40) among 1 agents who speak en and "
                "handle dangerous_condition"));

    const auto stored = m_store->findCase(english.id);
    QVERIFY(stored);
    QCOMPARE(stored->kase.assigneeId, agent);
    QCOMPARE(stored->kase.assignmentReason, english.assignmentReason);
}

void tst_IntakeRouting::claimTeamKeepsQueue()
{
    const Case kase =
        submit("Το πεζοδρόμιο είναι γεμάτο χιόνι εδώ και τρεις μέρες.", "sidewalk_snow");

    QCOMPARE(kase.teamId, teamId("ROAD_DEPARTMENT"));
    QVERIFY(kase.assigneeId.empty());
    QCOMPARE(QString::fromStdString(kase.assignmentReason),
        QString("team queue: the team works by claiming"));
}

void tst_IntakeRouting::ruleEditReachesIntake()
{
    const std::string ruleId = generateUuid();
    const nlohmann::json args { { "categoryId", "dangerous_condition" },
        { "areaLevel", "municipality" }, { "areaId", Athens }, { "teamCode", "ROAD_DEPARTMENT" },
        { "effectiveFrom", "2020-01-01T00:00:00Z" },
        { "note", "the road department clears fallen posts in Athens" } };

    const MutationOutcome created = applyRule("create", ruleId, 0, args);
    const Case routed = submit(GreekDanger, "dangerous_condition");
    const MutationOutcome retired = applyRule("retire", ruleId, 1, { { "note", "" } });
    const Case back = submit(GreekDanger, "dangerous_condition");

    QVERIFY2(created.applied, created.message.c_str());
    QVERIFY2(retired.applied, retired.message.c_str());
    QCOMPARE(routed.teamId, teamId("ROAD_DEPARTMENT"));
    QCOMPARE(routed.routeRule, ruleText(ruleId, "municipality " + Athens, "ROAD_DEPARTMENT"));
    QCOMPARE(back.teamId, teamId("POLICY_PROTECTION_DEPARTMENT"));
}

void tst_IntakeRouting::claimAndAssignRecordReason()
{
    const Case kase = submit(GreekDanger, "dangerous_condition");
    const auto agent2 = m_store->findAccount("agent2");
    const auto agent = m_store->findAccount("agent");
    protocol::Mutation claim;
    claim.id = generateUuid();
    claim.entityId = kase.id;
    claim.baseVersion = 1;
    claim.op = "claim";
    protocol::Mutation assign = claim;
    assign.id = generateUuid();
    assign.baseVersion = 2;
    assign.op = "assign";
    assign.args = { { "assigneeId", agent2->user.id } };

    const MutationOutcome claimed = m_store->applyMutation(m_store->scopeFor(agent->user), claim);
    const std::string afterClaim = m_store->findCase(kase.id)->kase.assignmentReason;
    const MutationOutcome assigned = m_store->applyMutation(m_store->scopeFor(agent->user), assign);
    const std::string afterAssign = m_store->findCase(kase.id)->kase.assignmentReason;

    QVERIFY2(claimed.applied, claimed.message.c_str());
    QVERIFY2(assigned.applied, assigned.message.c_str());
    QCOMPARE(QString::fromStdString(afterClaim), QString("claimed by agent"));
    QCOMPARE(QString::fromStdString(afterAssign), QString("assigned to agent2 by agent"));
}


void tst_IntakeRouting::duplicatesFoundAfterRestart()
{
    const Case original =
        submit("Abandoned car without plates parked on Elm Street for months", "abandoned_vehicle");
    const Case repeated =
        submit("Car abandoned on Elm Street, no plates, been there for months", "abandoned_vehicle");
    const Case other = submit("Rusty van with a flat tyre left outside the school gate",
        "abandoned_vehicle");
    QCOMPARE(repeated.duplicateOf, original.id);
    QVERIFY(other.duplicateOf.empty());

    // A new service has no cached fingerprints, as after a restart, so it reads the texts.
    m_intake = std::make_unique<IntakeService>(*m_store, *m_classifier);
    const Case again =
        submit("Elm Street: abandoned car, no plates, months now", "abandoned_vehicle");
    const Case van = submit("Rusty van, flat tyre, outside the school gate for weeks",
        "abandoned_vehicle");

    QCOMPARE(again.duplicateOf, original.id);
    QCOMPARE(van.duplicateOf, other.id);
    QCOMPARE(m_store->findCase(original.id)->kase.duplicateCount, 2);
}

QTEST_GUILESS_MAIN(tst_IntakeRouting)
#include "tst_intakerouting.moc"
