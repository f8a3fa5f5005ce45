#include "intake/priority.h"

#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

class tst_Priority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compute_data();
    void compute();
    void factorsExplainScore();
};

namespace {

PriorityCalculator calculator()
{
    return PriorityCalculator({ { "dangerous_condition", 3.0 }, { "abandoned_vehicle", 1.5 },
                                  { "illegal_parking", 1.0 } },
        { { "9", 1.2 }, { "12", 1.1 }, { "2", 1.0 } });
}

} // namespace

void tst_Priority::compute_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("createdAt");
    QTest::addColumn<double>("expected");

    const QString now = "2024-03-31T00:00:00.000Z";
    // category weight × 10 + region weight × 2 + min(days, 30) / 30 × 20
    QTest::newRow("new dangerous case in Attica") << "dangerous_condition"
                                                  << "9"
                                                  << "new" << now << 32.4;
    QTest::newRow("parking in a weight-1 region, 15 days open")
        << "illegal_parking"
        << "2"
        << "open"
        << "2024-03-16T00:00:00.000Z" << 22.0;
    QTest::newRow("time open capped at 30 days") << "abandoned_vehicle"
                                                 << "12"
                                                 << "open"
                                                 << "2023-01-01T00:00:00.000Z" << 37.2;
    QTest::newRow("closed case has no time term") << "abandoned_vehicle"
                                                  << "12"
                                                  << "closed"
                                                  << "2023-01-01T00:00:00.000Z" << 17.2;
    QTest::newRow("resolved case has no time term") << "illegal_parking"
                                                    << "9"
                                                    << "resolved"
                                                    << "2023-01-01T00:00:00.000Z" << 12.4;
    QTest::newRow("unknown category and region weigh 1") << "other"
                                                         << "99"
                                                         << "new" << now << 12.0;
    QTest::newRow("creation after now counts no time") << "illegal_parking"
                                                       << "2"
                                                       << "open"
                                                       << "2024-04-30T00:00:00.000Z" << 12.0;
}

void tst_Priority::compute()
{
    QFETCH(QString, category);
    QFETCH(QString, region);
    QFETCH(QString, status);
    QFETCH(QString, createdAt);
    QFETCH(double, expected);

    const PriorityResult result = calculator().compute(category.toStdString(), region.toStdString(),
        status.toStdString(), createdAt.toStdString(), "2024-03-31T00:00:00.000Z");

    QCOMPARE(result.score, expected);
}

void tst_Priority::factorsExplainScore()
{
    const PriorityResult result = calculator().compute(
        "abandoned_vehicle", "9", "open", "2024-03-16T00:00:00.000Z", "2024-03-31T00:00:00.000Z");

    QCOMPARE(result.factors.size(), std::size_t(3));
    QCOMPARE(result.factors[0].factor, std::string("category"));
    QCOMPARE(result.factors[0].value, 1.5);
    QCOMPARE(result.factors[0].weight, 10.0);
    QCOMPARE(result.factors[1].factor, std::string("region"));
    QCOMPARE(result.factors[1].contribution, 2.4);
    QCOMPARE(result.factors[2].factor, std::string("timeOpen"));
    QCOMPARE(result.factors[2].value, 0.5);
    double sum = 0;
    for (const PriorityFactor &factor : result.factors) {
        QCOMPARE(factor.contribution, factor.value * factor.weight);
        sum += factor.contribution;
    }
    QCOMPARE(result.score, sum);
}

QTEST_GUILESS_MAIN(tst_Priority)
#include "tst_priority.moc"
