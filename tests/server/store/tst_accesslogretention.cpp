// The access log's retention period: entries are deleted by the server's time of receipt,
// in bounded transactions, and nothing younger than the period is touched.
#include "domain/ids.h"
#include "sla/calendar.h"
#include "storefixture.h"
#include "store/accesslogretention.h"

#include <Poco/Exception.h>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <thread>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

constexpr std::int64_t Day = 24 * 3600;

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

class tst_AccessLogRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void keepsEntriesInsideThePeriod();
    void deletesEntriesPastThePeriod();
    void countsFromReceiptNotFromClientTime();
    void cutsBetweenEarlierAndLaterEntries();
    void deletesInSeveralBatches();
    void rejectsPeriodBelowOneDay();

private:
    /** Records count reads of case A by the agent, read at readAt by the client's clock. */
    void recordReads(int count, const std::string &readAt = "2026-03-01T09:30:00.000Z");
    std::size_t storedReads() { return m_fixture->store->accessLogOf(m_fixture->caseA).size(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
};

void tst_AccessLogRetention::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<StoreFixture>(m_dir->filePath("store.sqlite").toStdString());
}

void tst_AccessLogRetention::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

void tst_AccessLogRetention::recordReads(int count, const std::string &readAt)
{
    std::vector<protocol::AccessEntry> entries;
    for (int i = 0; i < count; ++i) {
        entries.push_back({ generateUuid(), "case", m_fixture->caseA, "case-view", readAt });
    }
    m_fixture->store->recordAccess(m_fixture->scope("agent"), entries);
}

void tst_AccessLogRetention::keepsEntriesInsideThePeriod()
{
    recordReads(4);
    AccessLogRetention retention(*m_fixture->store, 30);

    QCOMPARE(retention.purgeDue(nowSeconds()), std::int64_t(0));
    QCOMPARE(retention.purgeDue(nowSeconds() + 29 * Day), std::int64_t(0));
    QCOMPARE(storedReads(), std::size_t(4));
}

void tst_AccessLogRetention::deletesEntriesPastThePeriod()
{
    recordReads(4);
    AccessLogRetention retention(*m_fixture->store, 30);

    QCOMPARE(retention.purgeDue(nowSeconds() + 31 * Day), std::int64_t(4));
    QCOMPARE(storedReads(), std::size_t(0));
    QCOMPARE(retention.purgeDue(nowSeconds() + 31 * Day), std::int64_t(0));
}

void tst_AccessLogRetention::countsFromReceiptNotFromClientTime()
{
    // A client whose clock is years behind sends reads dated long ago. The server received
    // them today, so the period has not started to run out.
    recordReads(3, "2001-01-01T00:00:00.000Z");
    AccessLogRetention retention(*m_fixture->store, 1);

    QCOMPARE(retention.purgeDue(nowSeconds()), std::int64_t(0));
    QCOMPARE(storedReads(), std::size_t(3));
}

void tst_AccessLogRetention::cutsBetweenEarlierAndLaterEntries()
{
    recordReads(2);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::string between = utcNowIso();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    recordReads(3);

    QCOMPARE(m_fixture->store->purgeAccessLog(between), std::int64_t(2));
    const auto remaining = m_fixture->store->accessLogOf(m_fixture->caseA);
    QCOMPARE(remaining.size(), std::size_t(3));
    for (const StoredAccessEntry &entry : remaining) {
        QVERIFY2(entry.receivedAt > between, entry.receivedAt.c_str());
    }
}

void tst_AccessLogRetention::deletesInSeveralBatches()
{
    recordReads(10);
    const std::string tomorrow = sla::formatUtc(nowSeconds() + Day);

    QCOMPARE(m_fixture->store->purgeAccessLog(tomorrow, 3), std::int64_t(10));
    QCOMPARE(storedReads(), std::size_t(0));
    QVERIFY_THROWS_EXCEPTION(
        Poco::InvalidArgumentException, m_fixture->store->purgeAccessLog(tomorrow, 0));
}

void tst_AccessLogRetention::rejectsPeriodBelowOneDay()
{
    QVERIFY_THROWS_EXCEPTION(
        Poco::InvalidArgumentException, AccessLogRetention(*m_fixture->store, 0));
    QVERIFY_THROWS_EXCEPTION(
        Poco::InvalidArgumentException, AccessLogRetention(*m_fixture->store, -5));
}

QTEST_GUILESS_MAIN(tst_AccessLogRetention)
#include "tst_accesslogretention.moc"
