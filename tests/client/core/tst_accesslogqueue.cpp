#include "cache/cache.h"
#include "cache/statement.h"
#include "data/repository.h"
#include "domain/ids.h"
#include "scriptedserver.h"
#include "sync/accesslogqueue.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(civicdesk::protocol::ErrorCode)

using namespace CivicDesk;
using namespace TestSupport;

namespace {

const QString Alice = QString::fromStdString(uuid(1));
const QString Bob = QString::fromStdString(uuid(2));

int countWhere(Cache &cache, const char *sql)
{
    Statement count(cache, sql);
    return count.next() ? int(count.integer(0)) : -1;
}

} // namespace

/** The client's access log: recording, paging, acks, the cache migration and rejected uploads. */
class tst_AccessLogQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void recordRejectsInvalidEntry_data();
    void recordRejectsInvalidEntry();
    void pagesHoldOnlyOwnEntries();
    void acknowledgedEntriesLeaveQueue();
    void invalidStoredEntrySkipped();
    void migrationGivesOldEntriesIds();
    void rejectedLogWaitsForReconnect_data();
    void rejectedLogWaitsForReconnect();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
};

void tst_AccessLogQueue::init()
{
    m_cache.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cache = openCache(m_dir->filePath(QStringLiteral("test.cdcache")), randomKey());
    QVERIFY(m_cache);
}

void tst_AccessLogQueue::recordRejectsInvalidEntry_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<QString>("reason");

    const QString caseId = QString::fromStdString(uuid(10));
    QTest::newRow("unknown entity") << "user" << caseId << "case-view";
    QTest::newRow("empty record id") << "case"
                                     << ""
                                     << "case-view";
    QTest::newRow("empty reason") << "case" << caseId << "";
    QTest::newRow("over-long reason") << "case" << caseId << QString(201, QLatin1Char('x'));
}

void tst_AccessLogQueue::recordRejectsInvalidEntry()
{
    QFETCH(QString, entity);
    QFETCH(QString, entityId);
    QFETCH(QString, reason);
    Repository repository(*m_cache, Alice);

    QVERIFY(!repository.recordAccess(entity, entityId, reason));

    QCOMPARE(countWhere(*m_cache, "SELECT count(*) FROM access_log"), 0);
}

void tst_AccessLogQueue::pagesHoldOnlyOwnEntries()
{
    Repository alice(*m_cache, Alice);
    Repository bob(*m_cache, Bob);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(alice.recordAccess(QStringLiteral("case"), QString::fromStdString(uuid(10 + i)),
            QStringLiteral("case-view")));
    }
    QVERIFY(bob.recordAccess(
        QStringLiteral("party"), QString::fromStdString(uuid(20)), QStringLiteral("citizen-360")));
    AccessLogQueue queue(*m_cache, Alice);

    const auto first = queue.nextPage(3);
    const auto all = queue.nextPage(100);

    QCOMPARE(first.size(), std::size_t(3));
    QCOMPARE(all.size(), std::size_t(5));
    QCOMPARE(first.front().entityId, uuid(10));
    QCOMPARE(first.front().entity, std::string("case"));
    QCOMPARE(first.front().reason, std::string("case-view"));
    QVERIFY(civicdesk::isUuid(first.front().id));
    QVERIFY(first.front().readAt.back() == 'Z');
    QCOMPARE(queue.waitingCount(), 5);
    QCOMPARE(AccessLogQueue(*m_cache, Bob).waitingCount(), 1);
}

void tst_AccessLogQueue::acknowledgedEntriesLeaveQueue()
{
    Repository alice(*m_cache, Alice);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(alice.recordAccess(QStringLiteral("case"), QString::fromStdString(uuid(10 + i)),
            QStringLiteral("case-view")));
    }
    AccessLogQueue queue(*m_cache, Alice);
    const auto page = queue.nextPage(2);
    QCOMPARE(page.size(), std::size_t(2));

    QVERIFY(queue.markUploaded({ page[0].id, page[1].id, civicdesk::generateUuid() }));

    QCOMPARE(queue.waitingCount(), 1);
    const auto rest = queue.nextPage(10);
    QCOMPARE(rest.size(), std::size_t(1));
    QCOMPARE(rest.front().entityId, uuid(12));
    QCOMPARE(countWhere(*m_cache, "SELECT count(*) FROM access_log WHERE uploaded = 1"), 2);
    // Bob's session cannot mark Alice's entries.
    QVERIFY(AccessLogQueue(*m_cache, Bob).markUploaded({ rest.front().id }));
    QCOMPARE(queue.waitingCount(), 1);
}

void tst_AccessLogQueue::invalidStoredEntrySkipped()
{
    Repository alice(*m_cache, Alice);
    QVERIFY(alice.recordAccess(
        QStringLiteral("case"), QString::fromStdString(uuid(10)), QStringLiteral("case-view")));
    // An entry written by an older client without the checks.
    QVERIFY(m_cache->exec(
        qPrintable(QStringLiteral(
            "INSERT INTO access_log (entry_id, user_id, entity, entity_id, reason, created_at) "
            "VALUES ('%1', '%2', 'case', 'not-a-uuid', 'case-view', '2026-03-01T09:30:00.000Z')")
                       .arg(QString::fromStdString(civicdesk::generateUuid()), Alice))));
    AccessLogQueue queue(*m_cache, Alice);

    const auto page = queue.nextPage(10);

    QCOMPARE(page.size(), std::size_t(1));
    QCOMPARE(page.front().entityId, uuid(10));
    QCOMPARE(countWhere(*m_cache, "SELECT count(*) FROM access_log WHERE uploaded = 2"), 1);
    QCOMPARE(queue.waitingCount(), 1);
}

void tst_AccessLogQueue::migrationGivesOldEntriesIds()
{
    // Rebuild access_log as schema version 5 had it, with two entries, and migrate again.
    const QString path = m_dir->filePath(QStringLiteral("old.cdcache"));
    const QByteArray key = randomKey();
    {
        auto cache = openCache(path, key);
        QVERIFY(cache);
        QVERIFY(cache->exec(
            "DROP TABLE access_log;"
            "CREATE TABLE access_log (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,"
            " entity TEXT NOT NULL, entity_id TEXT NOT NULL, reason TEXT NOT NULL,"
            " created_at TEXT NOT NULL, uploaded INTEGER NOT NULL DEFAULT 0);"
            "INSERT INTO access_log (user_id, entity, entity_id, reason, created_at) VALUES"
            " ('00000000-0000-4000-8000-000000000001', 'case',"
            "  '00000000-0000-4000-8000-000000000010', 'case-view', '2026-03-01T09:30:00.000Z'),"
            " ('00000000-0000-4000-8000-000000000001', 'party',"
            "  '00000000-0000-4000-8000-000000000020', 'citizen-360', '2026-03-01T09:31:00.000Z');"
            "PRAGMA user_version = 5;"));
    }

    auto cache = openCache(path, key);
    QVERIFY(cache);
    const auto page = AccessLogQueue(*cache, Alice).nextPage(10);

    QCOMPARE(page.size(), std::size_t(2));
    QVERIFY2(civicdesk::isUuid(page[0].id), page[0].id.c_str());
    QVERIFY2(civicdesk::isUuid(page[1].id), page[1].id.c_str());
    QVERIFY(page[0].id != page[1].id);
    QCOMPARE(page[0].id.at(14), '4'); // version 4
    QVERIFY(std::string("89ab").find(page[0].id.at(19)) != std::string::npos);
}

void tst_AccessLogQueue::rejectedLogWaitsForReconnect_data()
{
    QTest::addColumn<civicdesk::protocol::ErrorCode>("code");

    QTest::newRow("server without accessLog") << civicdesk::protocol::ErrorCode::UnknownType;
    QTest::newRow("entries rejected") << civicdesk::protocol::ErrorCode::AccessInvalid;
}

void tst_AccessLogQueue::rejectedLogWaitsForReconnect()
{
    QFETCH(civicdesk::protocol::ErrorCode, code);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.accessLogError = code;
    QTemporaryDir directory;
    auto session = signInToScriptedServer(server, directory.path());
    QVERIFY(session);
    QVERIFY(session->repository()->recordAccess(
        QStringLiteral("case"), QString::fromStdString(uuid(10)), QStringLiteral("case-view")));

    session->syncClient()->sendAccessLog();
    QTRY_COMPARE(server.accessLogs.size(), std::size_t(1));
    // The connection stays up and does not send the log again.
    QSignalSpy received(&server, &ScriptedServer::messageReceived);
    session->syncClient()->sendAccessLog();
    QVERIFY(!received.wait(300));
    QCOMPARE(server.logins, 1);
    QCOMPARE(session->state(), ClientSession::State::Online);

    // The entry waited in the cache and goes up on the next connection.
    server.accessLogError.reset();
    QSignalSpy uploaded(session->syncClient(), &SyncClient::accessLogUploaded);
    server.dropClients();
    QTRY_COMPARE_WITH_TIMEOUT(uploaded.size(), 1, 10000);
    QCOMPARE(server.logins, 2);
    QCOMPARE(server.accessLogs.size(), std::size_t(2));
    QCOMPARE(server.accessLogs[1].entries.size(), std::size_t(1));
    QCOMPARE(server.accessLogs[1].entries.front().id, server.accessLogs[0].entries.front().id);
}

QTEST_GUILESS_MAIN(tst_AccessLogQueue)
#include "tst_accesslogqueue.moc"
