// Group commit of intake cases: createCase calls from many threads share transactions, and
// each case still gets its own number, rows and error.
#include "domain/ids.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <latch>
#include <optional>
#include <set>
#include <thread>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

constexpr int Threads = 8;
constexpr int CasesPerThread = 40;

} // namespace

class tst_CaseBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void concurrentCasesGetDistinctNumbers_data();
    void concurrentCasesGetDistinctNumbers();
    void waitsForSubmissionsOnTheirWay();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
};

void tst_CaseBatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<StoreFixture>(m_dir->filePath("store.sqlite").toStdString());
}

void tst_CaseBatch::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

void tst_CaseBatch::concurrentCasesGetDistinctNumbers_data()
{
    QTest::addColumn<int>("failEvery"); // every n-th case names a team that does not exist
    QTest::newRow("all valid") << 0;
    QTest::newRow("every fourth fails") << 4;
}

void tst_CaseBatch::concurrentCasesGetDistinctNumbers()
{
    QFETCH(int, failEvery);
    SqliteStore &store = *m_fixture->store;
    const std::int64_t casesBefore = store.countRows("cases");
    const std::int64_t partiesBefore = store.countRows("parties");
    const std::int64_t interactionsBefore = store.countRows("interactions");

    std::mutex resultsMutex;
    std::vector<std::string> numbers;
    std::atomic<int> failures { 0 };
    std::latch start(Threads);
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            for (int i = 0; i < CasesPerThread; ++i) {
                const bool invalid = failEvery > 0 && (t * CasesPerThread + i) % failEvery == 0;
                // An unknown team breaks the case's foreign key, so its write fails.
                const std::string team = invalid ? generateUuid() : m_fixture->teamA;
                try {
                    const CaseWriteResult written = store.createCase(caseBundleFor(team, ""));
                    std::lock_guard lock(resultsMutex);
                    numbers.push_back(written.kase.number);
                } catch (const std::exception &) {
                    ++failures;
                }
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }

    const int total = Threads * CasesPerThread;
    const int expectedFailures = failEvery > 0 ? total / failEvery : 0;
    QCOMPARE(failures.load(), expectedFailures);
    QCOMPARE(numbers.size(), std::size_t(total - expectedFailures));
    const std::set<std::string> distinct(numbers.begin(), numbers.end());
    QCOMPARE(distinct.size(), numbers.size());

    // A failed case leaves no rows behind, and no gap in the numbering.
    const std::int64_t stored = total - expectedFailures;
    QCOMPARE(store.countRows("cases"), casesBefore + stored);
    QCOMPARE(store.countRows("parties"), partiesBefore + stored);
    QCOMPARE(store.countRows("interactions"), interactionsBefore + stored);
    const std::string &highest = *distinct.rbegin();
    QCOMPARE(std::stoll(highest.substr(highest.rfind('-') + 1)), casesBefore + stored);
}

void tst_CaseBatch::waitsForSubmissionsOnTheirWay()
{
    SqliteStore &store = *m_fixture->store;
    const std::int64_t casesBefore = store.countRows("cases");
    constexpr qint64 CommitWaitNs = 2'000'000; // MaxCommitWait in casebatch.cpp

    // Another counted submission that never queues a case: the writer waits for it until
    // the wait runs out, then writes its own case.
    std::optional<SqliteStore::IntakeCount> other;
    other.emplace(store);
    const SqliteStore::IntakeCount submission(store);
    QElapsedTimer timer;
    timer.start();
    const CaseWriteResult written = store.createCase(caseBundleFor(m_fixture->teamA, ""));
    const qint64 elapsed = timer.nsecsElapsed();
    other.reset();

    QVERIFY(written.created);
    QVERIFY2(elapsed >= CommitWaitNs, qPrintable(QString("waited %1 ns").arg(elapsed)));
    QCOMPARE(store.countRows("cases"), casesBefore + 1);
}

QTEST_GUILESS_MAIN(tst_CaseBatch)
#include "tst_casebatch.moc"
