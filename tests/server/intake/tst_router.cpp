#include "intake/router.h"

#include <Poco/Exception.h>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

const char *const Always = "2000-01-01T00:00:00Z";

/** A rule with the id "<prefix>-0000-4000-8000-000000000000". */
RoutingRuleRecord rule(const std::string &prefix, const std::string &category,
    const std::string &subcategory, const std::string &level, const std::string &area,
    const std::string &teamId, const std::string &teamCode, int precedence = 0,
    const std::string &from = Always, const std::string &to = {}, bool retired = false)
{
    RoutingRuleRecord record;
    record.id = prefix + "-0000-4000-8000-000000000000";
    record.categoryId = category;
    record.subcategoryId = subcategory;
    record.areaLevel = level;
    record.areaId = area;
    record.teamId = teamId;
    record.teamCode = teamCode;
    record.precedence = precedence;
    record.effectiveFrom = from;
    record.effectiveTo = to;
    record.retired = retired;
    record.changedAt = Always;
    return record;
}

} // namespace

class tst_Router : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void route_data();
    void route();
    void triageForLowConfidence();
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
        { "t-shared-9", "a9", "SHARED_SPACE_DEPARTMENT", "Κοινόχρηστοι", "Shared", "9", false },
        { "t-solve-2", "a2", "SOLVE_DEPARTMENT", "Επίλυση", "Solving", "2", true },
        { "t-special-2", "a2", "SPECIAL_TEAM", "Ειδική", "Special", "2", false },
        { "t-national", "n", "NATIONAL_TRIAGE", "Εθνική", "National", "", true },
    };
    const std::vector<RoutingRuleRecord> rules {
        rule("a0000001", "sidewalk_snow", "", "any", "", "", "ROAD_DEPARTMENT"),
        rule("a0000002", "sidewalk_snow", "", "region", "9", "", "SOLVE_DEPARTMENT", 0,
            "2030-01-01T00:00:00Z"),
        rule("b0000001", "dangerous_condition", "", "any", "", "", "POLICY_PROTECTION_DEPARTMENT"),
        rule("b0000002", "dangerous_condition", "", "region", "9", "", "SOLVE_DEPARTMENT"),
        rule("b0000003", "dangerous_condition", "", "unit", "51", "", "ROAD_DEPARTMENT"),
        rule("b0000004", "dangerous_condition", "", "municipality", "9186", "t-civil-9", ""),
        rule("b0000005", "dangerous_condition", "", "region", "2", "t-special-2", ""),
        rule("c0000001", "abandoned_vehicle", "", "any", "", "", "SHARED_SPACE_DEPARTMENT"),
        rule("c0000002", "abandoned_vehicle", "on_sidewalk", "any", "", "", "ROAD_DEPARTMENT"),
        rule("c0000003", "abandoned_vehicle", "", "region", "2", "t-special-2", ""),
        rule("d0000001", "illegal_parking", "", "any", "", "", "ROAD_DEPARTMENT"),
        rule("d0000002", "illegal_parking", "", "any", "", "", "SOLVE_DEPARTMENT", 5),
        rule("d0000003", "illegal_parking", "", "municipality", "9186", "t-civil-9", "", 0, Always,
            {}, true),
        rule("e0000001", "other", "", "any", "", "", "SOLVE_DEPARTMENT", 0, Always,
            "2026-01-01T00:00:00Z"),
        rule("e0000002", "other", "", "any", "", "", "ROAD_DEPARTMENT", 0, "2026-01-01T00:00:00Z"),
        rule("f0000002", "graffiti", "", "any", "", "", "POLICY_PROTECTION_DEPARTMENT"),
        rule("f0000001", "graffiti", "", "any", "", "", "ROAD_DEPARTMENT"),
    };
    return Router(rules, teams);
}

void tst_Router::route_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("subcategory");
    QTest::addColumn<QString>("municipality"); // "<region>/<unit>/<YPES code>"
    QTest::addColumn<QString>("createdAt");
    QTest::addColumn<QString>("team");
    QTest::addColumn<QString>("rule");

    const QString athens = "9/51/9186";
    const QString kallithea = "9/51/9187";
    const QString piraeus = "9/52/9200";
    const QString patras = "2/20/9134";
    const QString now = "2026-06-01T10:00:00.000Z";

    QTest::newRow("any-area rule resolved in region")
        << "sidewalk_snow"
        << "" << athens << now << "t-road-9"
        << "rule a0000001: sidewalk_snow in any area → ROAD_DEPARTMENT";
    QTest::newRow("municipality beats unit, region and any")
        << "dangerous_condition"
        << "" << athens << now << "t-civil-9"
        << "rule b0000004: dangerous_condition in municipality 9186 → "
           "POLICY_PROTECTION_DEPARTMENT";
    QTest::newRow("unit beats region")
        << "dangerous_condition"
        << "" << kallithea << now << "t-road-9"
        << "rule b0000003: dangerous_condition in unit 51 → ROAD_DEPARTMENT";
    QTest::newRow("region beats any")
        << "dangerous_condition"
        << "" << piraeus << now << "t-solve-9"
        << "rule b0000002: dangerous_condition in region 9 → SOLVE_DEPARTMENT";
    QTest::newRow("team id outside its area")
        << "dangerous_condition"
        << "" << patras << now << "t-special-2"
        << "rule b0000005: dangerous_condition in region 2 → SPECIAL_TEAM";
    QTest::newRow("subcategory rule beats plain rule")
        << "abandoned_vehicle"
        << "on_sidewalk" << athens << now << "t-road-9"
        << "rule c0000002: abandoned_vehicle/on_sidewalk in any area → ROAD_DEPARTMENT";
    QTest::newRow("subcategory rule skipped for other subcategory")
        << "abandoned_vehicle"
        << "burnt" << athens << now << "t-shared-9"
        << "rule c0000001: abandoned_vehicle in any area → SHARED_SPACE_DEPARTMENT";
    QTest::newRow("area outranks subcategory")
        << "abandoned_vehicle"
        << "on_sidewalk" << patras << now << "t-special-2"
        << "rule c0000003: abandoned_vehicle in region 2 → SPECIAL_TEAM";
    QTest::newRow("higher precedence first")
        << "illegal_parking"
        << "" << kallithea << now << "t-solve-9"
        << "rule d0000002: illegal_parking in any area → SOLVE_DEPARTMENT";
    QTest::newRow("retired rule never matches")
        << "illegal_parking"
        << "" << athens << now << "t-solve-9"
        << "rule d0000002: illegal_parking in any area → SOLVE_DEPARTMENT";
    QTest::newRow("rule before its end") << "other"
                                         << "" << athens << "2025-12-31T23:59:59.999Z"
                                         << "t-solve-9"
                                         << "rule e0000001: other in any area → SOLVE_DEPARTMENT";
    QTest::newRow("end is exclusive, next rule starts")
        << "other"
        << "" << athens << "2026-01-01T00:00:00.000Z"
        << "t-road-9"
        << "rule e0000002: other in any area → ROAD_DEPARTMENT";
    QTest::newRow("future rule not yet in force")
        << "sidewalk_snow"
        << "" << piraeus << now << "t-road-9"
        << "rule a0000001: sidewalk_snow in any area → ROAD_DEPARTMENT";
    QTest::newRow("future rule in force later")
        << "sidewalk_snow"
        << "" << piraeus << "2030-01-01T00:00:00.000Z"
        << "t-solve-9"
        << "rule a0000002: sidewalk_snow in region 9 → SOLVE_DEPARTMENT";
    QTest::newRow("equal rules ordered by id")
        << "graffiti"
        << "" << athens << now << "t-road-9"
        << "rule f0000001: graffiti in any area → ROAD_DEPARTMENT";
    QTest::newRow("team code missing in region falls to region triage")
        << "sidewalk_snow"
        << "" << patras << now << "t-solve-2"
        << "no rule for sidewalk_snow in region 2 → region triage SOLVE_DEPARTMENT";
    QTest::newRow("no rule falls to region triage")
        << "potholes"
        << "" << athens << now << "t-solve-9"
        << "no rule for potholes in region 9 → region triage SOLVE_DEPARTMENT";
    QTest::newRow("region without teams falls to national triage")
        << "sidewalk_snow"
        << ""
        << "14/140/9999" << now << "t-national"
        << "no rule or region team for sidewalk_snow in region 14 → national triage "
           "NATIONAL_TRIAGE";
    QTest::newRow("no region falls to national triage")
        << "potholes"
        << ""
        << "//" << now << "t-national"
        << "no rule or region team for potholes in region (none) → national triage "
           "NATIONAL_TRIAGE";
}

void tst_Router::route()
{
    QFETCH(QString, category);
    QFETCH(QString, subcategory);
    QFETCH(QString, municipality);
    QFETCH(QString, createdAt);
    QFETCH(QString, team);
    QFETCH(QString, rule);
    const QStringList place = municipality.split('/');

    const RouteDecision decision =
        router().route({ category.toStdString(), subcategory.toStdString(), place[0].toStdString(),
            place[1].toStdString(), place[2].toStdString(), createdAt.toStdString() });

    QCOMPARE(QString::fromStdString(decision.teamId), team);
    QCOMPARE(QString::fromStdString(decision.rule), rule);
}

void tst_Router::triageForLowConfidence()
{
    const RouteDecision decision =
        router().routeToTriage("2", "confidence 0.41 below threshold 0.50 for other");

    QCOMPARE(QString::fromStdString(decision.teamId), QString("t-solve-2"));
    QCOMPARE(QString::fromStdString(decision.rule),
        QString("confidence 0.41 below threshold 0.50 for other → triage SOLVE_DEPARTMENT"));
}

void tst_Router::noTriageTeamThrows()
{
    const Router empty({}, { { "t", "a", "ROAD_DEPARTMENT", "Ο", "R", "9", false } });

    QVERIFY_THROWS_EXCEPTION(Poco::NotFoundException,
        empty.route({ "other", "", "9", "51", "9186", "2026-06-01T10:00:00.000Z" }));
}

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
