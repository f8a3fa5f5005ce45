// The priority replay: Kendall's tau, rank changes and largest moves with hand-computed
// figures, scoring through the shared calculator, and reading open cases from a real cache.

#include "priority/replaydata.h"
#include "priority/replayengine.h"
#include "sync/changeapplier.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;

namespace {

constexpr auto TeamA = "team-a";
constexpr auto TeamB = "team-b";

ReplayCase replayCase(
    const QString &id, const QString &teamId, const std::string &categoryId, std::int64_t createdAt)
{
    ReplayCase result;
    result.id = id;
    result.number = QStringLiteral("CD-") + id;
    result.text = QStringLiteral("Text of ") + id;
    result.teamId = teamId;
    result.facts.categoryId = categoryId;
    result.facts.status = "open";
    result.facts.createdAt = createdAt;
    return result;
}

// Every factor weighs 0 but the category, so a score is 10 × the category's value.
civicdesk::PriorityWeights categoryOnly(double roadsValue, double lightsValue)
{
    civicdesk::PriorityWeights weights;
    for (const std::string &factor : civicdesk::priority::factorNames()) {
        weights.factorWeights[factor] = 0;
    }
    weights.factorWeights["category"] = 10;
    weights.categoryValues["roads"] = roadsValue;
    weights.categoryValues["lights"] = lightsValue;
    return weights;
}

} // namespace

class tst_ReplayEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kendallTau_data();
    void kendallTau();
    void compareOrdersRanksAndMoves();
    void compareOrdersBreaksTiesByAge();
    void replayScoresWithTheSharedCalculator();
    void openCasesReadsRecentOpenCases();
    void replaysTheDemoCacheSize();
};

void tst_ReplayEngine::kendallTau_data()
{
    QTest::addColumn<QList<int>>("newRanks");
    QTest::addColumn<double>("expected");

    QTest::newRow("no cases") << QList<int>() << 1.0;
    QTest::newRow("one case") << QList<int> { 0 } << 1.0;
    QTest::newRow("same order") << QList<int> { 0, 1, 2, 3 } << 1.0;
    QTest::newRow("reversed") << QList<int> { 3, 2, 1, 0 } << -1.0;
    // One discordant pair out of six.
    QTest::newRow("first two swapped") << QList<int> { 1, 0, 2, 3 } << 2.0 / 3.0;
    // Pairs (2,0) and (2,1) are discordant, (0,1) concordant: (1 - 2) / 3.
    QTest::newRow("last moved first") << QList<int> { 2, 0, 1 } << -1.0 / 3.0;
    // Five items, inversions (4,0) (4,1) (4,2) (4,3) (3,2): 1 - 2 × 5 / 10.
    QTest::newRow("five items") << QList<int> { 4, 0, 1, 3, 2 } << 0.0;
}

void tst_ReplayEngine::kendallTau()
{
    QFETCH(QList<int>, newRanks);
    QFETCH(double, expected);

    QVERIFY(qAbs(ReplayEngine::kendallTau(newRanks) - expected) < 1e-12);
}

void tst_ReplayEngine::compareOrdersRanksAndMoves()
{
    const QList<ReplayCase> cases { replayCase("a", TeamA, "roads", 100),
        replayCase("b", TeamA, "roads", 200), replayCase("c", TeamA, "roads", 300),
        replayCase("d", TeamA, "roads", 400) };
    // Current order a b c d; edited order d a c b.
    const QList<double> oldScores { 40, 30, 20, 10 };
    const QList<double> newScores { 40, 5, 20, 50 };

    const ReplayQueue queue = ReplayEngine::compareOrders(cases, oldScores, newScores);

    QCOMPARE(queue.rows.size(), 4);
    const QStringList ids { queue.rows.at(0).caseId, queue.rows.at(1).caseId,
        queue.rows.at(2).caseId, queue.rows.at(3).caseId };
    QCOMPARE(ids, QStringList({ "a", "b", "c", "d" }));
    QCOMPARE(queue.rows.at(0).newRank, 2);
    QCOMPARE(queue.rows.at(1).newRank, 4);
    QCOMPARE(queue.rows.at(2).newRank, 3);
    QCOMPARE(queue.rows.at(3).newRank, 1);
    QCOMPARE(queue.rows.at(1).oldScore, 30.0);
    QCOMPARE(queue.rows.at(1).newScore, 5.0);
    QCOMPARE(queue.changedCount, 3); // c stays third
    QCOMPARE(queue.rows.at(queue.largestRise).caseId, QStringLiteral("d"));
    QCOMPARE(queue.rows.at(queue.largestFall).caseId, QStringLiteral("b"));
    // New ranks in the old order 1 3 2 0: discordant pairs (1,0) (3,2) (3,0) (2,0), so
    // 1 - 2 × 4 / 6.
    QVERIFY(qAbs(queue.kendallTau - (-1.0 / 3.0)) < 1e-12);
}

void tst_ReplayEngine::compareOrdersBreaksTiesByAge()
{
    const QList<ReplayCase> cases { replayCase("young", TeamA, "roads", 500),
        replayCase("old", TeamA, "roads", 100) };

    const ReplayQueue queue = ReplayEngine::compareOrders(cases, { 7, 7 }, { 7, 7 });

    QCOMPARE(queue.rows.at(0).caseId, QStringLiteral("old"));
    QCOMPARE(queue.changedCount, 0);
    QCOMPARE(queue.largestRise, -1);
    QCOMPARE(queue.largestFall, -1);
    QCOMPARE(queue.kendallTau, 1.0);
}

void tst_ReplayEngine::replayScoresWithTheSharedCalculator()
{
    const QList<ReplayCase> cases { replayCase("r1", TeamA, "roads", 100),
        replayCase("l1", TeamA, "lights", 200), replayCase("r2", TeamB, "roads", 300) };

    const QList<ReplayQueue> queues =
        ReplayEngine::replay(cases, categoryOnly(3, 1), categoryOnly(0.5, 2), 1'000'000);

    QCOMPARE(queues.size(), 2);
    const ReplayQueue &teamA = queues.at(0);
    QCOMPARE(teamA.teamId, QString::fromLatin1(TeamA));
    QCOMPARE(teamA.rows.at(0).caseId, QStringLiteral("r1"));
    QCOMPARE(teamA.rows.at(0).oldScore, 30.0);
    QCOMPARE(teamA.rows.at(0).newScore, 5.0);
    QCOMPARE(teamA.rows.at(0).newRank, 2);
    QCOMPARE(teamA.rows.at(1).oldScore, 10.0);
    QCOMPARE(teamA.rows.at(1).newScore, 20.0);
    QCOMPARE(teamA.changedCount, 2);
    QCOMPARE(teamA.kendallTau, -1.0);

    const ReplayQueue &teamB = queues.at(1);
    QCOMPARE(teamB.rows.size(), 1);
    QCOMPARE(teamB.changedCount, 0);
}

void tst_ReplayEngine::openCasesReadsRecentOpenCases()
{
    QTemporaryDir directory;
    auto cache = openCache(directory.filePath("cache.db"), randomKey());
    QVERIFY(cache);

    json municipality = municipalityRecord("9186", "Αθηναίων", "Athens");
    municipality["unitId"] = "45";
    json party = partyRecord(uuid(10), "Ελένη", "Παπαδοπούλου", "094014298", "01017012345");
    party["vulnerabilities"] = { "elderly", "disability" };
    json recent = caseRecord(uuid(1), "CD-1", TeamA, 1, {}, "open", uuid(10));
    recent["createdAt"] = "2026-03-10T09:00:00.000Z";
    recent["dueAt"] = "2026-03-20T09:00:00Z";
    recent["duplicateCount"] = 3;
    json resolved = caseRecord(uuid(2), "CD-2", TeamA, 1, {}, "resolved", uuid(10));
    resolved["createdAt"] = "2026-03-12T09:00:00Z";
    json old = caseRecord(uuid(3), "CD-3", TeamA, 1, {}, "open", uuid(10));
    old["createdAt"] = "2026-02-01T09:00:00Z";

    ChangeApplier applier(*cache, QString::fromStdString(uuid(99)));
    QVERIFY(applier
                .apply({ upsert(1, "municipality", municipality), upsert(2, "party", party),
                           upsert(3, "case", recent), upsert(4, "case", resolved),
                           upsert(5, "case", old) },
                    5)
                .ok);

    const QDateTime now(QDate(2026, 3, 15), QTime(12, 0), Qt::UTC);
    const QList<ReplayCase> cases = ReplayData::openCases(*cache, 30, now);

    QCOMPARE(cases.size(), 1);
    const ReplayCase &found = cases.at(0);
    QCOMPARE(found.number, QStringLiteral("CD-1"));
    QCOMPARE(found.teamId, QString::fromLatin1(TeamA));
    QCOMPARE(found.facts.unitId, std::string("45"));
    QCOMPARE(found.facts.vulnerabilities, std::vector<std::string>({ "elderly", "disability" }));
    QCOMPARE(found.facts.duplicateCount, 3);
    QCOMPARE(found.facts.createdAt,
        QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC).toSecsSinceEpoch());
    QVERIFY(found.facts.dueAt.has_value());
    QCOMPARE(ReplayData::openCases(*cache, 60, now).size(), 2);
    // The resolved case is newer but does not count.
    QCOMPARE(ReplayData::newestOpenCaseTime(*cache),
        QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC));
}

void tst_ReplayEngine::replaysTheDemoCacheSize()
{
    constexpr int DemoCases = 4470;
    QTemporaryDir directory;
    auto cache = openCache(directory.filePath("cache.db"), randomKey());
    QVERIFY(cache);
    std::vector<civicdesk::protocol::Change> changes;
    for (int i = 0; i < DemoCases; ++i) {
        json record = caseRecord(uuid(1000 + i), "CD-" + std::to_string(i),
            i % 3 == 0 ? TeamA : TeamB, 1, {}, "open", uuid(10));
        record["categoryId"] = i % 2 == 0 ? "roads" : "lights";
        record["createdAt"] = "2026-03-10T09:00:00Z";
        changes.push_back(upsert(std::int64_t(i + 1), "case", record));
    }
    ChangeApplier applier(*cache, QString::fromStdString(uuid(99)));
    QVERIFY(applier.apply(changes, DemoCases).ok);
    const QDateTime now(QDate(2026, 3, 15), QTime(12, 0), Qt::UTC);

    QElapsedTimer timer;
    timer.start();
    const QList<ReplayCase> cases = ReplayData::openCases(*cache, 365, now);
    const qint64 readMs = timer.restart();
    const QList<ReplayQueue> queues =
        ReplayEngine::replay(cases, categoryOnly(3, 1), categoryOnly(1, 3), now.toSecsSinceEpoch());
    const qint64 replayMs = timer.elapsed();

    qInfo("%d cases: read in %lld ms, replayed in %lld ms", DemoCases, readMs, replayMs);
    QCOMPARE(cases.size(), DemoCases);
    QCOMPARE(queues.size(), 2);
    QCOMPARE(queues.at(0).rows.size() + queues.at(1).rows.size(), DemoCases);
    // Team A contains cases 0, 3, 6 and so on, where roads and lights alternate, and every
    // roads case falls below every lights case.
    QVERIFY(queues.at(0).changedCount > 0);
}

QTEST_GUILESS_MAIN(tst_ReplayEngine)
#include "tst_replayengine.moc"
