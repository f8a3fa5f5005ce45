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
    QTest::newRow("resolution breach")
        << QStringLiteral("notification") << QStringLiteral("sla.breach resolution")
        << QStringLiteral("Resolution deadline passed");
    QTest::newRow("unknown notification")
        << QStringLiteral("notification") << QStringLiteral("sla.paused resolution")
        << QStringLiteral("sla.paused resolution");
    QTest::newRow("unknown status form")
        << QStringLiteral("status") << QStringLiteral("state changed to open")
        << QStringLiteral("state changed to open");
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

QTEST_GUILESS_MAIN(TestDisplayTexts)
#include "tst_displaytexts.moc"
