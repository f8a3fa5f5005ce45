#include "cache/deferredindexes.h"
#include "cache/statement.h"
#include "domain/ids.h"
#include "scriptedserver.h"
#include "sync/changeapplier.h"
#include "sync/outbox.h"
#include "sync/syncclient.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <sqlite3.h>

using namespace CivicDesk;
using namespace TestSupport;
using namespace std::chrono_literals;

namespace {

qint64 count(const Cache &cache, const char *sql)
{
    Statement query(cache, sql);
    return query.next() ? query.integer(0) : -1;
}

QString caseNumber(const Cache &cache, int caseNumber)
{
    Statement query(cache, "SELECT number FROM cases WHERE id = ?");
    query.bind(1, QString::fromStdString(uuid(caseNumber)));
    return query.next() ? query.text(0) : QString();
}

} // namespace

class tst_SyncClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loginAndPagedFetchWithProgress();
    void severalPagesPerFetch();
    void serverWithoutPagesGetsFetchPerPage();
    void closeMidStreamResumesFromCommit();
    void pagesCommittedWhenServerStalls();
    void failedCommitRefetchesFromStoredCursor();
    void firstCatchUpDefersIndexes();
    void laterCatchUpKeepsIndexes();
    void pushIsApplied();
    void pushPastCursorTriggersFetch();
    void pushedChangesAtOrBelowCursorAreIgnored();
    void newEpochResetsCursorAndKeepsOutbox();
    void reconnectsAfterServerDropsSocket();
    void offlineEditIsDeliveredAfterReconnect();
    void rejectIsRecordedAndSignalled();
    void missingPongDropsAndReconnects();
    void wrongPasswordStopsReconnecting();
    void busyServerRetriesAfterHint_data();
    void busyServerRetriesAfterHint();
    void busyHintCappedByBackoffMaximum();

private:
    void fillLog(int cases, int firstNumber = 1000);
    void startClient();
    void startAndCatchUp();
    /** Catches up with a log of one case and stops, so the next start is a later catch-up. */
    void catchUpOnceAndStop();
    std::unique_ptr<SyncClient> makeClient();
    void setPaging(int fetchLimit, int fetchPages);

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_key;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<SyncClient> m_client;
};

void tst_SyncClient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_key = randomKey();
    m_cache = openCache(m_dir->filePath(QStringLiteral("s.cdcache")), m_key);
    QVERIFY(m_cache);
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_client = makeClient();
}

void tst_SyncClient::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_cache.reset();
}

std::unique_ptr<SyncClient> tst_SyncClient::makeClient()
{
    auto client = std::make_unique<SyncClient>(*m_cache, QString::fromStdString(uuid(777)));
    SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 200ms;
    client->setTimings(timings);
    return client;
}

void tst_SyncClient::setPaging(int fetchLimit, int fetchPages)
{
    SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 200ms;
    timings.fetchLimit = fetchLimit;
    timings.fetchPages = fetchPages;
    m_client->setTimings(timings);
}

void tst_SyncClient::fillLog(int cases, int firstNumber)
{
    for (int i = 0; i < cases; ++i) {
        const int number = firstNumber + i;
        m_server->append(upsert(0, "case",
            caseRecord(uuid(number), "CD-" + std::to_string(number), uuid(100), double(i % 10))));
    }
}

void tst_SyncClient::startClient()
{
    m_client->start(m_server->url(), QString::fromStdString(m_server->username),
        QString::fromStdString(m_server->password));
}

void tst_SyncClient::catchUpOnceAndStop()
{
    fillLog(1);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    m_client->stop();
}

void tst_SyncClient::startAndCatchUp()
{
    QSignalSpy caughtUp(m_client.get(), &SyncClient::caughtUp);
    startClient();
    QVERIFY(caughtUp.wait(10000));
    QCOMPARE(m_client->state(), SyncClient::State::Live);
}

void tst_SyncClient::loginAndPagedFetchWithProgress()
{
    fillLog(1200);
    QSignalSpy progress(m_client.get(), &SyncClient::progress);
    QSignalSpy loggedIn(m_client.get(), &SyncClient::loggedIn);

    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());

    QCOMPARE(loggedIn.size(), 1);
    // One fetch of the default 4 pages brings the 3 pages of 500.
    QCOMPARE(m_server->fetchCursors, QList<std::int64_t>({ 0 }));
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.at(0).at(0).toLongLong(), 500);
    QCOMPARE(progress.at(0).at(1).toLongLong(), 1200);
    QCOMPARE(progress.last().at(0).toLongLong(), 1200);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM cases"), 1200);
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 1200);
    QCOMPARE(m_cache->meta(QStringLiteral("serverEpoch")), QStringLiteral("epoch-1"));
    QVERIFY(m_client->lastServerTime().isValid());
}

void tst_SyncClient::severalPagesPerFetch()
{
    fillLog(1000);
    setPaging(100, 4);

    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());

    // Each fetch requests 4 pages, and the next one starts where the 4th page ended.
    QCOMPARE(m_server->fetchCursors, QList<std::int64_t>({ 0, 400, 800 }));
    QCOMPARE(m_server->fetchPages, QList<int>({ 4, 4, 4 }));
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM cases"), 1000);
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 1000);
}

void tst_SyncClient::serverWithoutPagesGetsFetchPerPage()
{
    fillLog(1000);
    setPaging(100, 4);
    m_server->multiPageFetches = false;

    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());

    QCOMPARE(m_server->fetchCursors,
        QList<std::int64_t>({ 0, 100, 200, 300, 400, 500, 600, 700, 800, 900 }));
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM cases"), 1000);
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 1000);
}

void tst_SyncClient::closeMidStreamResumesFromCommit()
{
    // A later catch-up, so the client commits its pages once 10,000 changes are written
    // (the first catch-up writes fewer, larger transactions).
    catchUpOnceAndStop();
    QVERIFY(!QTest::currentTestFailed());

    // Pages of 1,000 in fetches of 4 pages, from cursor 1. The 10th page (cursor 10,001) is
    // committed. The server closes the connection after the 11th page, which the client
    // wrote but did not commit yet, and before the 12th, which it never sent. The 11th page
    // is complete, so the client commits it when the connection closes.
    fillLog(14000, 2000);
    setPaging(1000, 4);
    m_server->closeAfterBatches = 11;
    QSignalSpy lost(m_client.get(), &SyncClient::connectionLost);

    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());

    QCOMPARE(lost.size(), 1);
    QCOMPARE(m_server->logins, 3);
    // The third session fetches from the 11th page's cursor.
    QCOMPARE(m_server->fetchCursors, QList<std::int64_t>({ 0, 1, 4001, 8001, 11001 }));
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM cases"), 14001);
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 14001);
}

void tst_SyncClient::pagesCommittedWhenServerStalls()
{
    catchUpOnceAndStop();
    QVERIFY(!QTest::currentTestFailed());

    // A later catch-up commits every 10,000 changes. The server stops after the 3rd page
    // of 100, and the pages written wait for no more than a moment.
    fillLog(1000, 2000);
    setPaging(100, 4);
    m_server->stallAfterBatches = 3;
    QSignalSpy changed(m_client.get(), &SyncClient::cacheChanged);
    startClient();
    auto observer = openCache(m_dir->filePath(QStringLiteral("s.cdcache")), m_key);
    QVERIFY(observer);

    QTRY_COMPARE_WITH_TIMEOUT(observer->metaInteger(QStringLiteral("cursor")), 301, 5000);
    QCOMPARE(count(*observer, "SELECT count(*) FROM cases"), 301);
    QVERIFY(!m_cache->isHeld());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toStringList(), QStringList({ QStringLiteral("case") }));

    QSignalSpy caughtUp(m_client.get(), &SyncClient::caughtUp);
    m_server->stallAfterBatches = 0;
    m_server->dropClients();
    QVERIFY(caughtUp.wait(10000));
    QCOMPARE(m_server->fetchCursors, QList<std::int64_t>({ 0, 1, 301, 701 }));
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM cases"), 1001);
}

void tst_SyncClient::failedCommitRefetchesFromStoredCursor()
{
    catchUpOnceAndStop();
    QVERIFY(!QTest::currentTestFailed());

    // The server stops after the 3rd page of 100. Once that page is written, a read of the
    // cache commits the held pages, and that commit fails, so SQLite rolls them back.
    fillLog(1000, 2000);
    setPaging(100, 4);
    m_server->stallAfterBatches = 3;
    int failingCommits = 0;
    sqlite3_commit_hook(
        m_cache->handle(),
        [](void *remaining) {
            int &count = *static_cast<int *>(remaining);
            if (count == 0) {
                return 0;
            }
            --count;
            return 1; // turns the COMMIT into a ROLLBACK
        },
        &failingCommits);
    bool armed = true;
    connect(m_client.get(), &SyncClient::progress, this, [&](qint64 received) {
        if (armed && received == 300) {
            armed = false;
            QTimer::singleShot(0, this, [&] {
                failingCommits = 1;
                QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 1);
            });
        }
    });
    // The client notices the lost pages and reconnects, and the server replies again.
    connect(m_client.get(), &SyncClient::connectionLost, this,
        [&] { m_server->stallAfterBatches = 0; });
    QSignalSpy lost(m_client.get(), &SyncClient::connectionLost);
    QSignalSpy caughtUp(m_client.get(), &SyncClient::caughtUp);

    startClient();
    QVERIFY(caughtUp.wait(10000));
    sqlite3_commit_hook(m_cache->handle(), nullptr, nullptr);

    QVERIFY(!armed);
    QCOMPARE(failingCommits, 0);
    QCOMPARE(lost.size(), 1);
    QCOMPARE(m_server->fetchCursors, QList<std::int64_t>({ 0, 1, 1, 401, 801 }));
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM cases"), 1001);
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 1001);
}

void tst_SyncClient::firstCatchUpDefersIndexes()
{
    constexpr const char *CaseIndexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                        "AND sql IS NOT NULL AND tbl_name = 'cases'";
    const qint64 indexesBefore = count(*m_cache, CaseIndexes);
    QVERIFY(indexesBefore > 0);
    fillLog(1200);
    QList<bool> deferredPerPage;
    connect(m_client.get(), &SyncClient::progress, this,
        [&] { deferredPerPage.append(DeferredIndexes::areDeferred(*m_cache)); });

    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());

    QCOMPARE(deferredPerPage, QList<bool>({ true, true, true }));
    QVERIFY(!DeferredIndexes::areDeferred(*m_cache));
    QCOMPARE(count(*m_cache, CaseIndexes), indexesBefore);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM cases"), 1200);
}

void tst_SyncClient::laterCatchUpKeepsIndexes()
{
    fillLog(3);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    QList<bool> deferredPerPage;
    connect(m_client.get(), &SyncClient::progress, this,
        [&] { deferredPerPage.append(DeferredIndexes::areDeferred(*m_cache)); });
    QSignalSpy caughtUp(m_client.get(), &SyncClient::caughtUp);

    fillLog(2, 2000);
    m_server->sendPush(4, { m_server->log.back() });

    QVERIFY(caughtUp.wait());
    QCOMPARE(deferredPerPage, QList<bool>({ false }));
    QCOMPARE(caseNumber(*m_cache, 2001), QStringLiteral("CD-2001"));
}

void tst_SyncClient::pushIsApplied()
{
    fillLog(3);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    QSignalSpy changed(m_client.get(), &SyncClient::cacheChanged);

    const auto change = m_server->append(
        upsert(0, "case", caseRecord(uuid(1000), "CD-renumbered", uuid(100), 5.0), 2));
    m_server->sendPush(3, { change });

    QVERIFY(changed.wait());
    QCOMPARE(caseNumber(*m_cache, 1000), QStringLiteral("CD-renumbered"));
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 4);
}

void tst_SyncClient::pushPastCursorTriggersFetch()
{
    fillLog(3);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    QSignalSpy caughtUp(m_client.get(), &SyncClient::caughtUp);

    fillLog(2, 2000); // seq 4 and 5; the push below carries only 5
    m_server->sendPush(4, { m_server->log.back() });

    QVERIFY(caughtUp.wait());
    QCOMPARE(m_server->fetchCursors.last(), 3);
    QCOMPARE(caseNumber(*m_cache, 2000), QStringLiteral("CD-2000"));
    QCOMPARE(caseNumber(*m_cache, 2001), QStringLiteral("CD-2001"));
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 5);
}

void tst_SyncClient::pushedChangesAtOrBelowCursorAreIgnored()
{
    fillLog(3);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    QSignalSpy changed(m_client.get(), &SyncClient::cacheChanged);

    auto stale = upsert(2, "case", caseRecord(uuid(1001), "CD-stale", uuid(100), 1.0), 9);
    auto fresh = upsert(4, "case", caseRecord(uuid(1002), "CD-fresh", uuid(100), 1.0), 9);
    m_server->sendPush(3, { stale, fresh });

    QVERIFY(changed.wait());
    QCOMPARE(caseNumber(*m_cache, 1001), QStringLiteral("CD-1001"));
    QCOMPARE(caseNumber(*m_cache, 1002), QStringLiteral("CD-fresh"));
}

void tst_SyncClient::newEpochResetsCursorAndKeepsOutbox()
{
    fillLog(3);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    m_client->stop();
    Outbox outbox(*m_cache, QString::fromStdString(m_server->user.id));
    const QString mutationId =
        outbox.enqueueCaseEdit(QString::fromStdString(uuid(1000)), "claim", json::object());
    QVERIFY(!mutationId.isEmpty());

    // The server was restored from a backup: new epoch, and case 1002 is not in its log.
    m_server->epoch = "epoch-2";
    m_server->log.clear();
    fillLog(2);
    m_server->answerMutations = false;
    QSignalSpy epochChanged(m_client.get(), &SyncClient::serverEpochChanged);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());

    QCOMPARE(epochChanged.size(), 1);
    QCOMPARE(m_server->fetchCursors.last(), 0);
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 2);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM cases"), 2);
    QCOMPARE(outbox.pendingCount(), 1);
    QTRY_COMPARE(m_server->mutations.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(m_server->mutations.front().id), mutationId);
}

void tst_SyncClient::reconnectsAfterServerDropsSocket()
{
    fillLog(3);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    QSignalSpy lost(m_client.get(), &SyncClient::connectionLost);
    QSignalSpy caughtUp(m_client.get(), &SyncClient::caughtUp);

    m_server->dropClients();

    QVERIFY(lost.wait());
    QCOMPARE(lost.first().first().toBool(), true);
    QVERIFY(caughtUp.wait(5000));
    QCOMPARE(m_server->logins, 2);
    QCOMPARE(m_server->fetchCursors.last(), 3);
}

void tst_SyncClient::offlineEditIsDeliveredAfterReconnect()
{
    fillLog(3);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    const quint16 port = m_server->port();
    QSignalSpy lost(m_client.get(), &SyncClient::connectionLost);
    m_server->shutDown();
    QVERIFY(lost.wait());

    Outbox outbox(*m_cache, QString::fromStdString(m_server->user.id));
    const QString mutationId = outbox.enqueueCaseEdit(
        QString::fromStdString(uuid(1001)), "status", { { "status", "in_progress" } });
    m_client->sendPendingMutations(); // offline: stays queued
    QCOMPARE(outbox.pendingCount(), 1);

    QSignalSpy acked(m_client.get(), &SyncClient::mutationAcknowledged);
    QVERIFY(m_server->listen(port));
    QVERIFY(acked.wait(10000));

    QCOMPARE(acked.first().first().toString(), mutationId);
    QCOMPARE(m_server->mutations.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(m_server->mutations.front().op), QStringLiteral("status"));
    QCOMPARE(textOf(m_server->mutations.front().args["status"]), QStringLiteral("in_progress"));
    QCOMPARE(outbox.pendingCount(), 0);
}

void tst_SyncClient::rejectIsRecordedAndSignalled()
{
    fillLog(3);
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    m_server->rejectMutations = true;
    m_server->rejectCurrent = caseRecord(uuid(1000), "CD-1000", uuid(100), 0.0, uuid(5), "closed");
    QSignalSpy rejected(m_client.get(), &SyncClient::mutationRejected);

    Outbox outbox(*m_cache, QString::fromStdString(m_server->user.id));
    outbox.enqueueCaseEdit(QString::fromStdString(uuid(1000)), "claim", json::object());
    m_client->sendPendingMutations();

    QVERIFY(rejected.wait());
    QCOMPARE(rejected.first().at(0).toString(), QString::fromStdString(uuid(1000)));
    QCOMPARE(rejected.first().at(1).toString(), QStringLiteral("mutation.conflict"));
    QCOMPARE(outbox.rejectedCount(), 1);
    QCOMPARE(outbox.pendingCount(), 0);
    Statement query(*m_cache, "SELECT status, assignee_id FROM cases WHERE id = ?");
    QVERIFY(query.bind(1, QString::fromStdString(uuid(1000))).next());
    QCOMPARE(query.text(0), QStringLiteral("closed"));
    QCOMPARE(query.text(1), QString::fromStdString(uuid(5)));
}

void tst_SyncClient::missingPongDropsAndReconnects()
{
    fillLog(1);
    SyncClient::Timings timings;
    timings.pingInterval = 100ms;
    timings.pongTimeout = 150ms;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 50ms;
    m_client->setTimings(timings);
    m_server->answerPings = false;
    startAndCatchUp();
    QVERIFY(!QTest::currentTestFailed());
    QSignalSpy lost(m_client.get(), &SyncClient::connectionLost);

    QVERIFY(lost.wait(3000));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->logins >= 2, 5000);
}

void tst_SyncClient::wrongPasswordStopsReconnecting()
{
    QSignalSpy failed(m_client.get(), &SyncClient::loginFailed);
    QSignalSpy states(m_client.get(), &SyncClient::stateChanged);

    m_client->start(
        m_server->url(), QString::fromStdString(m_server->username), QStringLiteral("wrong"));

    QVERIFY(failed.wait());
    QCOMPARE(failed.first().first().value<SyncClient::Failure>(),
        SyncClient::Failure::InvalidCredentials);
    QVERIFY(!m_client->isRunning());
    states.clear();
    QVERIFY(!states.wait(300)); // backoff here is 20 ms: a retry would have started
    QCOMPARE(m_server->logins, 1);
}

void tst_SyncClient::busyServerRetriesAfterHint_data()
{
    QTest::addColumn<int>("busyLogins"); // logins answered server.busy
    QTest::addColumn<int>("fullConnections"); // connections rejected as by a full server
    QTest::addColumn<int>("logins");
    // busyLogins + fullConnections waits of at least the 1 s hint, where the backoff alone
    // would wait 20 ms, then 40 ms.
    QTest::newRow("login queue full") << 2 << 0 << 3;
    // The reject comes before the login is read, so it carries no rid. It still counts as a
    // busy server and not as a lost connection.
    QTest::newRow("connections full") << 0 << 1 << 1;
}

void tst_SyncClient::busyServerRetriesAfterHint()
{
    QFETCH(int, busyLogins);
    QFETCH(int, fullConnections);
    QFETCH(int, logins);
    SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 5000ms;
    m_client->setTimings(timings);
    m_server->busyLogins = busyLogins;
    m_server->fullConnections = fullConnections;
    m_server->busyRetryAfter = 1;
    QSignalSpy failed(m_client.get(), &SyncClient::loginFailed);
    QSignalSpy loggedIn(m_client.get(), &SyncClient::loggedIn);
    QElapsedTimer elapsed;
    elapsed.start();

    startClient();

    QVERIFY(loggedIn.wait(10000));
    QCOMPARE(m_server->logins, logins);
    QCOMPARE(m_server->rejectedConnections, fullConnections);
    QCOMPARE(failed.size(), busyLogins + fullConnections);
    for (const QList<QVariant> &failure : std::as_const(failed)) {
        QCOMPARE(failure.first().value<SyncClient::Failure>(), SyncClient::Failure::ServerBusy);
    }
    const qint64 waited = elapsed.elapsed();
    QVERIFY2(waited >= 1000 * (busyLogins + fullConnections), qPrintable(QString::number(waited)));
    QVERIFY(m_client->isRunning());
}

void tst_SyncClient::busyHintCappedByBackoffMaximum()
{
    m_server->busyLogins = 1;
    m_server->busyRetryAfter = 3600;
    QSignalSpy failed(m_client.get(), &SyncClient::loginFailed);
    QSignalSpy loggedIn(m_client.get(), &SyncClient::loggedIn);

    startClient();

    // The backoff maximum of makeClient() is 200 ms, so the hour-long hint is cut to it.
    QVERIFY(loggedIn.wait(5000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<SyncClient::Failure>(), SyncClient::Failure::ServerBusy);
    QCOMPARE(m_server->logins, 2);
}

QTEST_GUILESS_MAIN(tst_SyncClient)
#include "tst_syncclient.moc"
