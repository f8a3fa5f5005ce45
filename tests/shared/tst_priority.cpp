#include "priority/priority.h"

#include <QtTest>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(civicdesk::PriorityWeights)
Q_DECLARE_METATYPE(civicdesk::priority::CaseFacts)

using namespace civicdesk;
using namespace civicdesk::priority;

class tst_Priority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compute_data();
    void compute();
    void ageingCurves_data();
    void ageingCurves();
    void factorsExplainScore();
    void defaultWeightsAreValid();
    void validate_data();
    void validate();
    void parseUtc_data();
    void parseUtc();
};

namespace {

constexpr std::int64_t Day = 86400;
constexpr std::int64_t Hour = 3600;
const std::int64_t Now = *parseUtc("2024-03-31T00:00:00Z");

PriorityWeights weights()
{
    PriorityWeights result = defaultWeights();
    result.categoryValues = { { "dangerous_condition", 3.0 }, { "abandoned_vehicle", 1.5 },
        { "illegal_parking", 1.0 } };
    result.regionValues = { { "9", 1.2 }, { "12", 1.1 }, { "2", 1.0 } };
    result.subRegionValues = { { "9134", 1.5 }, { "unit-a", 0.5 } };
    return result;
}

CaseFacts facts(const std::string &category, const std::string &region, std::int64_t ageSeconds)
{
    CaseFacts result;
    result.categoryId = category;
    result.regionId = region;
    result.status = "open";
    result.channel = "portal";
    result.createdAt = Now - ageSeconds;
    return result;
}

double factorValue(const Result &result, const std::string &name)
{
    for (const PriorityFactor &factor : result.factors) {
        if (factor.factor == name) {
            return factor.value;
        }
    }
    return std::nan("");
}

} // namespace

void tst_Priority::compute_data()
{
    QTest::addColumn<CaseFacts>("input");
    QTest::addColumn<double>("expected");

    // Base of an open portal case: category × 10 + region × 2 + subRegion 1 × 2 + portal
    // 0.2 × 2 = category × 10 + region × 2 + 2.4, plus the terms each row adds.
    QTest::newRow("new dangerous case in Attica") << facts("dangerous_condition", "9", 0) << 34.8;
    QTest::newRow("15 days open, half the time term")
        << facts("illegal_parking", "2", 15 * Day) << 24.4;
    QTest::newRow("time open capped at 30 days")
        << facts("abandoned_vehicle", "12", 400 * Day) << 39.6;

    CaseFacts closed = facts("abandoned_vehicle", "12", 400 * Day);
    closed.status = "closed";
    closed.dueAt = Now - Day;
    QTest::newRow("closed case has no time or clock term") << closed << 19.6;
    CaseFacts resolved = closed;
    resolved.status = "resolved";
    QTest::newRow("resolved case has no time or clock term") << resolved << 19.6;

    QTest::newRow("unknown category and region weigh 1") << facts("other", "99", 0) << 14.4;
    QTest::newRow("creation after now counts no time")
        << facts("illegal_parking", "2", -30 * Day) << 14.4;

    CaseFacts municipality = facts("illegal_parking", "2", 0);
    municipality.municipalityId = "9134";
    municipality.unitId = "unit-a";
    QTest::newRow("municipality value before the unit's") << municipality << 15.4;
    CaseFacts unit = municipality;
    unit.municipalityId = "9999";
    QTest::newRow("unit value when the municipality has none") << unit << 13.4;

    CaseFacts overdue = facts("illegal_parking", "2", 0);
    overdue.dueAt = Now - Hour;
    QTest::newRow("overdue case has the whole clock term") << overdue << 29.4;
    CaseFacts halfWeek = facts("illegal_parking", "2", 0);
    halfWeek.dueAt = Now + 84 * Hour;
    QTest::newRow("84 hours left is half the clock term") << halfWeek << 21.9;
    CaseFacts farDue = facts("illegal_parking", "2", 0);
    farDue.dueAt = Now + 400 * Hour;
    QTest::newRow("due beyond a week has no clock term") << farDue << 14.4;

    CaseFacts elderly = facts("illegal_parking", "2", 0);
    elderly.vulnerabilities = { "low_income", "elderly" };
    QTest::newRow("highest vulnerability flag counts") << elderly << 22.4;
    CaseFacts unknownFlag = facts("illegal_parking", "2", 0);
    unknownFlag.vulnerabilities = { "tall" };
    QTest::newRow("unknown flag counts nothing") << unknownFlag << 14.4;

    CaseFacts duplicates = facts("illegal_parking", "2", 0);
    duplicates.duplicateCount = 4;
    QTest::newRow("four duplicates, 0.4 of the term") << duplicates << 16.4;
    CaseFacts manyDuplicates = facts("illegal_parking", "2", 0);
    manyDuplicates.duplicateCount = 25;
    QTest::newRow("duplicates capped at 10") << manyDuplicates << 19.4;

    CaseFacts phone = facts("illegal_parking", "2", 0);
    phone.channel = "phone";
    QTest::newRow("phone channel") << phone << 15.0;
    CaseFacts chat = facts("illegal_parking", "2", 0);
    chat.channel = "chat";
    QTest::newRow("channel without a value counts 0") << chat << 14.0;
}

void tst_Priority::compute()
{
    QFETCH(CaseFacts, input);
    QFETCH(double, expected);

    const Result result = priority::compute(weights(), input, Now);

    QCOMPARE(result.score, expected);
}

void tst_Priority::ageingCurves_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("days");
    QTest::addColumn<double>("expected");

    QTest::newRow("linear 0 days") << "linear" << 0 << 0.0;
    QTest::newRow("linear 10 of 30") << "linear" << 10 << 0.3333;
    QTest::newRow("linear past cap") << "linear" << 90 << 1.0;
    QTest::newRow("logarithmic 10 of 30") << "logarithmic" << 10 << 0.6983;
    QTest::newRow("logarithmic at cap") << "logarithmic" << 30 << 1.0;
    QTest::newRow("step 7 of 30") << "step" << 7 << 0.0;
    QTest::newRow("step 8 of 30") << "step" << 8 << 0.25;
    QTest::newRow("step 29 of 30") << "step" << 29 << 0.75;
    QTest::newRow("step past cap") << "step" << 31 << 1.0;
}

void tst_Priority::ageingCurves()
{
    QFETCH(QString, kind);
    QFETCH(int, days);
    QFETCH(double, expected);

    PriorityWeights curve = weights();
    curve.ageing.kind = kind.toStdString();
    const Result result = priority::compute(curve, facts("other", "2", days * Day), Now);

    QCOMPARE(factorValue(result, "timeOpen"), expected);
}

void tst_Priority::factorsExplainScore()
{
    CaseFacts input = facts("abandoned_vehicle", "9", 15 * Day);
    input.vulnerabilities = { "single_parent" };
    input.dueAt = Now + 42 * Hour;
    const Result result = priority::compute(weights(), input, Now);

    QCOMPARE(result.factors.size(), factorNames().size());
    for (std::size_t i = 0; i < factorNames().size(); ++i) {
        QCOMPARE(result.factors[i].factor, factorNames()[i]);
    }
    QCOMPARE(result.factors[0].value, 1.5);
    QCOMPARE(result.factors[0].weight, 10.0);
    QCOMPARE(result.factors[1].contribution, 2.4);
    QCOMPARE(result.factors[3].value, 0.5);
    QCOMPARE(result.factors[4].value, 0.75);
    QCOMPARE(result.factors[5].value, 0.5);
    double sum = 0;
    for (const PriorityFactor &factor : result.factors) {
        QCOMPARE(factor.contribution, std::round(factor.value * factor.weight * 1e4) / 1e4);
        sum += factor.contribution;
    }
    QCOMPARE(result.score, std::round(sum * 1e4) / 1e4);
}

void tst_Priority::defaultWeightsAreValid()
{
    const PriorityWeights defaults = defaultWeights();

    QCOMPARE(priority::validate(defaults), std::optional<std::string>());
    QCOMPARE(defaults.factorWeights.size(), factorNames().size());
    QCOMPARE(defaults.factorWeights.at("timeOpen"), 20.0);
    QCOMPARE(defaults.channelValues.at("phone"), 0.5);
    QCOMPARE(defaults.vulnerabilityValues.at("low_income"), 0.6);
    QCOMPARE(defaults.ageing.kind, std::string("linear"));
    QCOMPARE(defaults.ageing.capDays, 30.0);
}

void tst_Priority::validate_data()
{
    QTest::addColumn<PriorityWeights>("input");
    QTest::addColumn<QString>("expected");

    const double infinity = std::numeric_limits<double>::infinity();
    PriorityWeights edited = defaultWeights();
    QTest::newRow("valid") << edited << "";

    edited = defaultWeights();
    edited.factorWeights["popularity"] = 1;
    QTest::newRow("unknown factor") << edited << "factorWeights.popularity is not a priority factor";
    edited = defaultWeights();
    edited.factorWeights["region"] = -1;
    QTest::newRow("negative weight") << edited << "factorWeights.region must not be negative";
    edited = defaultWeights();
    edited.factorWeights["region"] = 100.5;
    QTest::newRow("weight above 100") << edited << "factorWeights.region must be at most 100";
    edited = defaultWeights();
    edited.factorWeights["region"] = 100;
    QTest::newRow("weight of exactly 100") << edited << "";
    edited = defaultWeights();
    edited.categoryValues["other"] = std::nan("");
    QTest::newRow("NaN value") << edited << "categoryValues.other must be a finite number";
    edited = defaultWeights();
    edited.channelValues["phone"] = infinity;
    QTest::newRow("infinite value") << edited << "channelValues.phone must be a finite number";
    edited = defaultWeights();
    edited.vulnerabilityValues["elderly"] = -0.1;
    QTest::newRow("negative flag value")
        << edited << "vulnerabilityValues.elderly must not be negative";
    edited = defaultWeights();
    edited.subRegionValues[""] = 1;
    QTest::newRow("empty key") << edited << "subRegionValues has an empty key";
    edited = defaultWeights();
    edited.ageing.kind = "exponential";
    QTest::newRow("unknown curve")
        << edited << "ageing.kind \"exponential\" is not linear, logarithmic or step";
    edited = defaultWeights();
    edited.ageing.capDays = 0.5;
    QTest::newRow("cap below 1 day") << edited << "ageing.capDays must be between 1 and 365";
    edited = defaultWeights();
    edited.ageing.capDays = 366;
    QTest::newRow("cap above 365 days") << edited << "ageing.capDays must be between 1 and 365";
    edited = defaultWeights();
    edited.ageing.capDays = 365;
    QTest::newRow("cap of 365 days") << edited << "";
}

void tst_Priority::validate()
{
    QFETCH(PriorityWeights, input);
    QFETCH(QString, expected);

    const auto error = priority::validate(input);

    QCOMPARE(QString::fromStdString(error.value_or("")), expected);
}

void tst_Priority::parseUtc_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << true << qint64(0);
    QTest::newRow("with milliseconds") << "2024-03-31T00:00:00.000Z" << true << qint64(1711843200);
    QTest::newRow("with microseconds") << "2024-03-31T00:00:01.123456Z" << true << qint64(1711843201);
    QTest::newRow("leap day") << "2024-02-29T12:30:15Z" << true << qint64(1709209815);
    QTest::newRow("year 2000 leap day") << "2000-02-29T00:00:00Z" << true << qint64(951782400);
    QTest::newRow("before 1970") << "1969-12-31T23:59:59Z" << true << qint64(-1);
    QTest::newRow("end of year") << "2026-12-31T23:59:59Z" << true << qint64(1798761599);
    QTest::newRow("no leap day in 2023") << "2023-02-29T00:00:00Z" << false << qint64(0);
    QTest::newRow("no leap day in 1900") << "1900-02-29T00:00:00Z" << false << qint64(0);
    QTest::newRow("month 13") << "2024-13-01T00:00:00Z" << false << qint64(0);
    QTest::newRow("day 31 of April") << "2024-04-31T00:00:00Z" << false << qint64(0);
    QTest::newRow("hour 24") << "2024-03-31T24:00:00Z" << false << qint64(0);
    QTest::newRow("minute 60") << "2024-03-31T00:60:00Z" << false << qint64(0);
    QTest::newRow("no Z") << "2024-03-31T00:00:00" << false << qint64(0);
    QTest::newRow("zone offset") << "2024-03-31T00:00:00+02:00" << false << qint64(0);
    QTest::newRow("empty fraction") << "2024-03-31T00:00:00.Z" << false << qint64(0);
    QTest::newRow("letters in fraction") << "2024-03-31T00:00:00.1aZ" << false << qint64(0);
    QTest::newRow("space separator") << "2024-03-31 00:00:00Z" << false << qint64(0);
    QTest::newRow("letter in year") << "2O24-03-31T00:00:00Z" << false << qint64(0);
    QTest::newRow("date only") << "2024-03-31" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
}

void tst_Priority::parseUtc()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, expected);

    const auto parsed = priority::parseUtc(text.toStdString());

    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, expected);
    }
}

QTEST_GUILESS_MAIN(tst_Priority)
#include "tst_priority.moc"
