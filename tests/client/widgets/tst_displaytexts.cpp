// Checks that DisplayTexts renders the English texts the server stores in records (routing
// explanations, status and assignment changes, deadline reminders) as sentences. No
// translator is installed, so the expected sentences are the English source strings.

#include "displaytexts.h"

#include <QTest>

using namespace CivicDesk;

namespace {

CaseInfo dangerousConditionCase(const QString &routeRule)
{
    CaseInfo caseInfo;
    caseInfo.categoryId = QStringLiteral("dangerous_condition");
    caseInfo.categoryName = QStringLiteral("Dangerous condition");
    caseInfo.subcategoryId = QStringLiteral("fallen_tree");
    caseInfo.subcategoryName = QStringLiteral("Fallen tree");
    caseInfo.municipalityId = QStringLiteral("9186");
    caseInfo.municipalityName = QStringLiteral("Athens");
    caseInfo.unitId = QStringLiteral("47");
    caseInfo.unitName = QStringLiteral("Central Athens");
    caseInfo.regionName = QStringLiteral("Attica");
    caseInfo.teamName = QStringLiteral("Civil Protection Department");
    caseInfo.routeRule = routeRule;
    return caseInfo;
}

} // namespace

class TestDisplayTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeRule_data();
    void routeRule();
    void interactionBody_data();
    void interactionBody();
    void assignmentReason_data();
    void assignmentReason();
    void priorityFactor_data();
    void priorityFactor();
};

void TestDisplayTexts::routeRule_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("expected");

    QTest::newRow("rule in any region")
        << QStringLiteral("rule 4: dangerous_condition in any region → POLICY_PROTECTION_DEPARTMENT")
        << QStringLiteral("Rule 4: “Dangerous condition” in any region → Civil Protection "
                          "Department");
    QTest::newRow("rule in a region")
        << QStringLiteral("rule 12: dangerous_condition in region EL30 → CIVIL_ATTICA")
        << QStringLiteral("Rule 12: “Dangerous condition” in region Attica → Civil Protection "
                          "Department");
    QTest::newRow("rule of another category keeps its id")
        << QStringLiteral("rule 7: road_damage in any region → ROADS")
        << QStringLiteral("Rule 7: “road_damage” in any region → Civil Protection Department");
    QTest::newRow("no rule, region triage")
        << QStringLiteral("no rule for dangerous_condition in region EL30 → region triage "
                          "TRIAGE_EL30")
        << QStringLiteral("No rule for “Dangerous condition” in region Attica → region triage "
                          "Civil Protection Department");
    QTest::newRow("no rule, national triage")
        << QStringLiteral("no rule or region team for dangerous_condition in region (none) → "
                          "national triage TRIAGE")
        << QStringLiteral("No rule or region team for “Dangerous condition” → national triage "
                          "Civil Protection Department");
    QTest::newRow("low confidence")
        << QStringLiteral("confidence 0.41 below threshold 0.50 for dangerous_condition → "
                          "triage SOLVE_DEPARTMENT")
        << QStringLiteral("Confidence 41% below the threshold 50% for “Dangerous condition”: "
                          "sent for triage");
    QTest::newRow("zero confidence")
        << QStringLiteral("confidence 0.00 below threshold 0.50 for other → triage TRIAGE")
        << QStringLiteral("Confidence 0% below the threshold 50% for “other”: sent for triage");
    QTest::newRow("unknown form")
        << QStringLiteral("category road_damage in Attica goes to Roads Athens")
        << QStringLiteral("category road_damage in Attica goes to Roads Athens");
    QTest::newRow("hex rule in any area")
        << QStringLiteral("rule 0a1b2c3d: dangerous_condition in any area → CIVIL_ATTICA")
        << QStringLiteral("Rule 0a1b2c3d: “Dangerous condition” in any area → Civil Protection "
                          "Department");
    QTest::newRow("hex rule with subcategory in any area")
        << QStringLiteral("rule 0a1b2c3d: dangerous_condition/fallen_tree in any area → CIVIL")
        << QStringLiteral("Rule 0a1b2c3d: “Dangerous condition / Fallen tree” in any area → "
                          "Civil Protection Department");
    QTest::newRow("hex rule in a region")
        << QStringLiteral("rule ffee0011: dangerous_condition in region 1 → CIVIL_ATTICA")
        << QStringLiteral("Rule ffee0011: “Dangerous condition” in region Attica → Civil "
                          "Protection Department");
    QTest::newRow("hex rule in a regional unit")
        << QStringLiteral("rule ffee0011: dangerous_condition/fallen_tree in unit 47 → CIVIL")
        << QStringLiteral("Rule ffee0011: “Dangerous condition / Fallen tree” in regional unit "
                          "Central Athens → Civil Protection Department");
    QTest::newRow("hex rule in a municipality")
        << QStringLiteral("rule ffee0011: dangerous_condition in municipality 9186 → CIVIL")
        << QStringLiteral("Rule ffee0011: “Dangerous condition” in municipality Athens → Civil "
                          "Protection Department");
    QTest::newRow("hex rule in another municipality keeps its code")
        << QStringLiteral("rule ffee0011: dangerous_condition in municipality 9001 → CIVIL")
        << QStringLiteral("Rule ffee0011: “Dangerous condition” in municipality 9001 → Civil "
                          "Protection Department");
    QTest::newRow("hex rule of another subcategory keeps its id")
        << QStringLiteral("rule ffee0011: road_damage/pothole in unit 12 → ROADS")
        << QStringLiteral("Rule ffee0011: “road_damage / pothole” in regional unit 12 → Civil "
                          "Protection Department");
    QTest::newRow("hex rule with unknown area level")
        << QStringLiteral("rule ffee0011: dangerous_condition in country GR → CIVIL")
        << QStringLiteral("rule ffee0011: dangerous_condition in country GR → CIVIL");
    QTest::newRow("rule without a team")
        << QStringLiteral("rule 4: dangerous_condition in any region →")
        << QStringLiteral("rule 4: dangerous_condition in any region →");
}

void TestDisplayTexts::routeRule()
{
    QFETCH(QString, rule);
    QFETCH(QString, expected);

    QCOMPARE(DisplayTexts::routeRule(dangerousConditionCase(rule)), expected);
}

void TestDisplayTexts::interactionBody_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("status change") << QStringLiteral("status")
                                   << QStringLiteral("status: open → in_progress")
                                   << QStringLiteral("Status: Open → In progress");
    QTest::newRow("unknown status") << QStringLiteral("status")
                                    << QStringLiteral("status: new → archived")
                                    << QStringLiteral("Status: New → archived");
    QTest::newRow("first assignment") << QStringLiteral("assignment")
                                      << QStringLiteral("assignee: none → agent")
                                      << QStringLiteral("Assignee: nobody → agent");
    QTest::newRow("reassignment") << QStringLiteral("assignment")
                                  << QStringLiteral("assignee: maria → nikos")
                                  << QStringLiteral("Assignee: maria → nikos");
    QTest::newRow("first response warning")
        << QStringLiteral("notification") << QStringLiteral("sla.warning first_response")
        << QStringLiteral("Warning: the first response deadline is near");
    QTest::newRow("resolution warning")
        << QStringLiteral("notification") << QStringLiteral("sla.warning resolution")
        << QStringLiteral("Warning: the resolution deadline is near");
    QTest::newRow("first response breach")
        << QStringLiteral("notification") << QStringLiteral("sla.breach first_response")
        << QStringLiteral("First response deadline passed");
    QTest::newRow("update warning")
        << QStringLiteral("notification") << QStringLiteral("sla.warning update")
        << QStringLiteral("Warning: the next update to the citizen is due soon");
    QTest::newRow("update breach")
        << QStringLiteral("notification") << QStringLiteral("sla.breach update")
        << QStringLiteral("Update deadline passed");
    QTest::newRow("resolution breach")
        << QStringLiteral("notification") << QStringLiteral("sla.breach resolution")
        << QStringLiteral("Resolution deadline passed");
    QTest::newRow("unknown notification")
        << QStringLiteral("notification") << QStringLiteral("sla.paused resolution")
        << QStringLiteral("sla.paused resolution");
    QTest::newRow("unknown status form")
        << QStringLiteral("status") << QStringLiteral("state changed to open")
        << QStringLiteral("state changed to open");
    QTest::newRow("duplicate of")
        << QStringLiteral("status") << QStringLiteral("duplicate of CD-2026-000017")
        << QStringLiteral("Duplicate of CD-2026-000017");
    QTest::newRow("linked duplicate")
        << QStringLiteral("status") << QStringLiteral("linked duplicate CD-2026-000018")
        << QStringLiteral("Linked duplicate report CD-2026-000018");
    QTest::newRow("unlinked from")
        << QStringLiteral("status") << QStringLiteral("unlinked from CD-2026-000017")
        << QStringLiteral("Unlinked from CD-2026-000017");
    QTest::newRow("note with the duplicate form")
        << QStringLiteral("note") << QStringLiteral("duplicate of CD-2026-000017")
        << QStringLiteral("duplicate of CD-2026-000017");
    QTest::newRow("note with the status form")
        << QStringLiteral("note") << QStringLiteral("status: open → in_progress")
        << QStringLiteral("status: open → in_progress");
}

void TestDisplayTexts::interactionBody()
{
    QFETCH(QString, kind);
    QFETCH(QString, body);
    QFETCH(QString, expected);

    QCOMPARE(DisplayTexts::interactionBody(kind, body), expected);
}

void TestDisplayTexts::assignmentReason_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected");

    QTest::newRow("pushed, with a limit")
        << QStringLiteral("assigned to maria: fewest open cases (3 of 20) among 4 agents who "
                          "speak el and handle dangerous_condition")
        << QStringLiteral("Assigned to maria: fewest open cases (3 of 20) among 4 agent(s) who "
                          "speak Greek and handle “Dangerous condition”");
    QTest::newRow("pushed, no limit")
        << QStringLiteral("assigned to nikos: fewest open cases (0 of no limit) among 1 agents "
                          "who speak en and handle road_damage")
        << QStringLiteral("Assigned to nikos: fewest open cases (0, no limit) among 1 agent(s) "
                          "who speak English and handle “road_damage”");
    QTest::newRow("claiming team")
        << QStringLiteral("team queue: the team works by claiming")
        << QStringLiteral("Team queue: the team claims its cases");
    QTest::newRow("no agent fits")
        << QStringLiteral("team queue: no agent speaks en, handles dangerous_condition and is "
                          "under capacity")
        << QStringLiteral("Team queue: no agent speaks English, handles “Dangerous condition” "
                          "and has room for more cases");
    QTest::newRow("claimed") << QStringLiteral("claimed by maria")
                             << QStringLiteral("Claimed by maria");
    QTest::newRow("assigned by a person") << QStringLiteral("assigned to nikos by maria")
                                          << QStringLiteral("Assigned to nikos by maria");
    QTest::newRow("unknown form") << QStringLiteral("moved by the night job")
                                  << QStringLiteral("moved by the night job");
    QTest::newRow("none") << QString() << QString();
}

void TestDisplayTexts::assignmentReason()
{
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    CaseInfo caseInfo = dangerousConditionCase({});
    caseInfo.assignmentReason = reason;

    QCOMPARE(DisplayTexts::assignmentReason(caseInfo), expected);
}

void TestDisplayTexts::priorityFactor_data()
{
    QTest::addColumn<QString>("factor");
    QTest::addColumn<QString>("expected");

    QTest::newRow("category") << QStringLiteral("category") << QStringLiteral("Category");
    QTest::newRow("sub-region") << QStringLiteral("subRegion") << QStringLiteral("Area");
    QTest::newRow("deadline") << QStringLiteral("slaTimeLeft") << QStringLiteral("Deadline");
    QTest::newRow("vulnerability")
        << QStringLiteral("vulnerability") << QStringLiteral("Vulnerability");
    QTest::newRow("duplicates")
        << QStringLiteral("duplicates") << QStringLiteral("Duplicate reports");
    QTest::newRow("channel") << QStringLiteral("channel") << QStringLiteral("Channel");
    QTest::newRow("unknown") << QStringLiteral("moonPhase") << QStringLiteral("moonPhase");
}

void TestDisplayTexts::priorityFactor()
{
    QFETCH(QString, factor);
    QFETCH(QString, expected);

    QCOMPARE(DisplayTexts::priorityFactor(factor), expected);
}

QTEST_GUILESS_MAIN(TestDisplayTexts)
#include "tst_displaytexts.moc"
