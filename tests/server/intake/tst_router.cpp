#include "intake/router.h"

#include <Poco/Exception.h>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

class tst_Router : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void route_data();
    void route();
    void noTriageTeamThrows();

private:
    static Router router();
};

Router tst_Router::router()
{
    const std::vector<Team> teams {
        { "t-road-9", "a9", "ROAD_DEPARTMENT", "Οδοποιία", "Road", "9", false },
        { "t-solve-9", "a9", "SOLVE_DEPARTMENT", "Επίλυση", "Solving", "9", true },
        { "t-civil-9", "a9", "POLICY_PROTECTION_DEPARTMENT", "Πολιτική", "Civil", "9", false },
        { "t-solve-2", "a2", "SOLVE_DEPARTMENT", "Επίλυση", "Solving", "2", true },
        { "t-special-2", "a2", "SPECIAL_TEAM", "Ειδική", "Special", "2", false },
        { "t-national", "n", "NATIONAL_TRIAGE", "Εθνική", "National", "", true },
    };
    const std::vector<RoutingRule> rules {
        { 1, "sidewalk_snow", "", "", "ROAD_DEPARTMENT", 0 },
        { 2, "dangerous_condition", "", "", "POLICY_PROTECTION_DEPARTMENT", 0 },
        { 3, "dangerous_condition", "2", "t-special-2", "", 0 },
        { 4, "other", "", "", "GREEN_DEPARTMENT", 0 },
        { 5, "illegal_parking", "", "", "ROAD_DEPARTMENT", 0 },
        { 6, "illegal_parking", "", "", "SOLVE_DEPARTMENT", 5 },
    };
    return Router(rules, teams);
}

void tst_Router::route_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("team");
    QTest::addColumn<QString>("rule");

    QTest::newRow("any-region rule resolved in region")
        << "sidewalk_snow"
        << "9"
        << "t-road-9"
        << "rule 1: sidewalk_snow in any region → ROAD_DEPARTMENT";
    QTest::newRow("region rule beats any-region rule")
        << "dangerous_condition"
        << "2"
        << "t-special-2"
        << "rule 3: dangerous_condition in region 2 → SPECIAL_TEAM";
    QTest::newRow("any-region rule elsewhere")
        << "dangerous_condition"
        << "9"
        << "t-civil-9"
        << "rule 2: dangerous_condition in any region → POLICY_PROTECTION_DEPARTMENT";
    QTest::newRow("higher precedence first")
        << "illegal_parking"
        << "9"
        << "t-solve-9"
        << "rule 6: illegal_parking in any region → SOLVE_DEPARTMENT";
    QTest::newRow("department missing in region falls to region triage")
        << "sidewalk_snow"
        << "2"
        << "t-solve-2"
        << "no rule for sidewalk_snow in region 2 → region triage SOLVE_DEPARTMENT";
    QTest::newRow("no rule falls to region triage")
        << "abandoned_vehicle"
        << "9"
        << "t-solve-9"
        << "no rule for abandoned_vehicle in region 9 → region triage SOLVE_DEPARTMENT";
    QTest::newRow("region without teams falls to national triage")
        << "sidewalk_snow"
        << "14"
        << "t-national"
        << "no rule or region team for sidewalk_snow in region 14 → national triage "
           "NATIONAL_TRIAGE";
    QTest::newRow("no region falls to national triage")
        << "other"
        << ""
        << "t-national"
        << "no rule or region team for other in region (none) → national triage "
           "NATIONAL_TRIAGE";
}

void tst_Router::route()
{
    QFETCH(QString, category);
    QFETCH(QString, region);
    QFETCH(QString, team);
    QFETCH(QString, rule);

    const RouteDecision decision = router().route(category.toStdString(), region.toStdString());

    QCOMPARE(QString::fromStdString(decision.teamId), team);
    QCOMPARE(QString::fromStdString(decision.rule), rule);
}

void tst_Router::noTriageTeamThrows()
{
    const Router empty({}, { { "t", "a", "ROAD_DEPARTMENT", "Ο", "R", "9", false } });

    QVERIFY_THROWS_EXCEPTION(Poco::NotFoundException, empty.route("other", "9"));
}

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
