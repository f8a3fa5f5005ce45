#include "cache/statement.h"
#include "domain/ids.h"
#include "sync/changeapplier.h"
#include "sync/outbox.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;

namespace {

const QString Me = QString::fromStdString(uuid(1));
const QString CaseId = QString::fromStdString(uuid(30));

json storedCase(const Cache &cache, qint64 *version = nullptr)
{
    Statement query(cache, "SELECT data, version FROM cases WHERE id = ?");
    if (!query.bind(1, CaseId).next()) {
        return nullptr;
    }
    if (version) {
        *version = query.integer(1);
    }
    return json::parse(query.bytes(0).toStdString());
}

qint64 count(const Cache &cache, const char *sql)
{
    Statement query(cache, sql);
    return query.next() ? query.integer(0) : -1;
}

} // namespace

class tst_Outbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void editWritesRecordAndEntryTogether();
    void failedEditLeavesRecordUnchanged();
    void unknownCaseOrOpIsRefused();
    void entriesSurviveReopen();
    void ackRemovesEntry();
    void noteShowsAtOnceAndSettlesOnAck();
    void rejectKeepsEditVisibleWithBothVersions();
    void rejectStoresRecordAtSentVersion_data();
    void rejectStoresRecordAtSentVersion();
    void purgeRejectsQueuedEdits();
    void serverChangeKeepsPendingEdit();

private:
    void reopen();

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_key;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<Outbox> m_outbox;
};

void tst_Outbox::init()
{
    m_outbox.reset();
    m_cache.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_key = randomKey();
    reopen();
    ChangeApplier applier(*m_cache, Me);
    QVERIFY(
        applier
            .apply({ upsert(1, "case",
                       caseRecord(uuid(30), "CD-2024-000001", uuid(100), 3.0, {}, "new", uuid(10)),
                       7) },
                1)
            .ok);
}

void tst_Outbox::reopen()
{
    m_outbox.reset();
    m_cache.reset();
    m_cache = openCache(m_dir->filePath(QStringLiteral("o.cdcache")), m_key);
    QVERIFY(m_cache);
    m_outbox = std::make_unique<Outbox>(*m_cache, Me);
}

void tst_Outbox::editWritesRecordAndEntryTogether()
{
    const QString mutationId = m_outbox->enqueueCaseEdit(CaseId, "claim", json::object());

    QVERIFY(!mutationId.isEmpty());
    QCOMPARE(textOf(storedCase(*m_cache)["assigneeId"]), Me);
    const auto entry = m_outbox->nextPending();
    QVERIFY(entry);
    QCOMPARE(entry->mutationId, mutationId);
    QCOMPARE(entry->entityId, CaseId);
    QCOMPARE(entry->baseVersion, 7);
    QCOMPARE(entry->op, QStringLiteral("claim"));
    QCOMPARE(m_outbox->pendingCount(), 1);
}

void tst_Outbox::failedEditLeavesRecordUnchanged()
{
    // With no interactions table the note's second write fails; the case must not change.
    QVERIFY(m_cache->exec("DROP TABLE interactions;"));

    QVERIFY(m_outbox->enqueueCaseEdit(CaseId, "note", { { "text", "hello" } }).isEmpty());
    QVERIFY(storedCase(*m_cache)["assigneeId"].is_null());
    QCOMPARE(m_outbox->pendingCount(), 0);
}

void tst_Outbox::unknownCaseOrOpIsRefused()
{
    QVERIFY(m_outbox->enqueueCaseEdit(QString::fromStdString(uuid(99)), "claim", {}).isEmpty());
    QVERIFY(m_outbox->enqueueCaseEdit(CaseId, "delete", {}).isEmpty());
    QCOMPARE(m_outbox->pendingCount(), 0);
}

void tst_Outbox::entriesSurviveReopen()
{
    const QString first = m_outbox->enqueueCaseEdit(CaseId, "status", { { "status", "open" } });
    const QString second = m_outbox->enqueueCaseEdit(CaseId, "claim", json::object());

    reopen();

    const QList<OutboxEntry> entries = m_outbox->entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).mutationId, first);
    QCOMPARE(entries.at(1).mutationId, second);
    QCOMPARE(textOf(storedCase(*m_cache)["status"]), QStringLiteral("open"));
}

void tst_Outbox::ackRemovesEntry()
{
    const QString first = m_outbox->enqueueCaseEdit(CaseId, "claim", json::object());
    m_outbox->enqueueCaseEdit(CaseId, "status", { { "status", "in_progress" } });

    QVERIFY(m_outbox->acknowledge(first, 8));

    qint64 version = 0;
    storedCase(*m_cache, &version);
    QCOMPARE(version, 8);
    QCOMPARE(m_outbox->pendingCount(), 1);
    QCOMPARE(m_outbox->nextPending()->baseVersion, 8); // rebased onto the acked version
    QVERIFY(!m_outbox->acknowledge(first, 8));
}

void tst_Outbox::noteShowsAtOnceAndSettlesOnAck()
{
    const QString mutationId = m_outbox->enqueueCaseEdit(CaseId, "note", { { "text", "Κλήση" } });
    QVERIFY(!mutationId.isEmpty());
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM interactions WHERE pending = 1"), 1);
    const json args = json::parse(m_outbox->nextPending()->argsJson.toStdString());
    QVERIFY(civicdesk::isUuid(args["interactionId"].get<std::string>()));
    QCOMPARE(textOf(args["text"]), QStringLiteral("Κλήση"));

    QVERIFY(m_outbox->acknowledge(mutationId, 8));
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM interactions WHERE pending = 1"), 0);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM interactions"), 1);
}

void tst_Outbox::rejectKeepsEditVisibleWithBothVersions()
{
    const QString mutationId =
        m_outbox->enqueueCaseEdit(CaseId, "status", { { "status", "waiting" } });
    json current = caseRecord(uuid(30), "CD-2024-000001", uuid(100), 3.0, uuid(2), "closed");

    QCOMPARE(
        m_outbox->reject(mutationId, "mutation.conflict", "closed meanwhile", current), CaseId);

    QCOMPARE(m_outbox->pendingCount(), 0);
    QCOMPARE(m_outbox->rejectedCount(), 1);
    const OutboxEntry entry = m_outbox->rejectedEntries().first();
    QCOMPARE(entry.rejectCode, QStringLiteral("mutation.conflict"));
    QCOMPARE(entry.rejectMessage, QStringLiteral("closed meanwhile"));
    QCOMPARE(textOf(json::parse(entry.rejectCurrentJson.toStdString())["status"]),
        QStringLiteral("closed"));
    QCOMPARE(
        textOf(json::parse(entry.argsJson.toStdString())["status"]), QStringLiteral("waiting"));
    QCOMPARE(textOf(storedCase(*m_cache)["status"]), QStringLiteral("closed"));

    QVERIFY(m_outbox->dismissRejected(mutationId));
    QCOMPARE(m_outbox->rejectedCount(), 0);
}

void tst_Outbox::rejectStoresRecordAtSentVersion_data()
{
    QTest::addColumn<qint64>("sentVersion");
    QTest::addColumn<qint64>("expectedVersion");
    QTest::addColumn<QString>("expectedStatus");

    // The cache has version 7 with status "new", and the reject's record has status "closed".
    QTest::newRow("newer than the cache") << qint64(9) << qint64(9) << "closed";
    QTest::newRow("same as the cache") << qint64(7) << qint64(7) << "closed";
    QTest::newRow("older than the cache") << qint64(5) << qint64(7) << "new";
    QTest::newRow("no version sent") << qint64(0) << qint64(7) << "closed";
}

void tst_Outbox::rejectStoresRecordAtSentVersion()
{
    QFETCH(qint64, sentVersion);
    QFETCH(qint64, expectedVersion);
    QFETCH(QString, expectedStatus);
    const QString mutationId =
        m_outbox->enqueueCaseEdit(CaseId, "status", { { "status", "waiting" } });
    const json current =
        caseRecord(uuid(30), "CD-2024-000001", uuid(100), 3.0, uuid(2), "closed");

    QCOMPARE(m_outbox->reject(mutationId, "mutation.conflict", "closed meanwhile", current,
                 sentVersion),
        CaseId);

    qint64 version = 0;
    const json stored = storedCase(*m_cache, &version);
    QCOMPARE(version, expectedVersion);
    QCOMPARE(textOf(stored["status"]), expectedStatus);
}

void tst_Outbox::purgeRejectsQueuedEdits()
{
    m_outbox->enqueueCaseEdit(CaseId, "note", { { "text", "before the purge" } });
    m_outbox->enqueueCaseEdit(CaseId, "claim", json::object());
    ChangeApplier applier(*m_cache, Me);

    const auto result = applier.apply({ purge(2, "case", uuid(30)) }, 2);

    QVERIFY(result.ok);
    QCOMPARE(result.rejectedCaseIds, QStringList { CaseId });
    QVERIFY(storedCase(*m_cache).is_null());
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM interactions"), 0);
    QCOMPARE(m_outbox->pendingCount(), 0);
    const QList<OutboxEntry> rejected = m_outbox->rejectedEntries();
    QCOMPARE(rejected.size(), 2);
    for (const OutboxEntry &entry : rejected) {
        QCOMPARE(entry.rejectCode, QStringLiteral("mutation.forbidden"));
        QVERIFY(!entry.rejectMessage.isEmpty());
    }
}

void tst_Outbox::serverChangeKeepsPendingEdit()
{
    m_outbox->enqueueCaseEdit(CaseId, "claim", json::object());
    ChangeApplier applier(*m_cache, Me);

    QVERIFY(
        applier
            .apply(
                { upsert(2, "case", caseRecord(uuid(30), "CD-2024-000001", uuid(100), 9.5), 8) }, 2)
            .ok);

    qint64 version = 0;
    const json shown = storedCase(*m_cache, &version);
    QCOMPARE(version, 8);
    QCOMPARE(shown["priority"].get<double>(), 9.5);
    QCOMPARE(textOf(shown["assigneeId"]), Me);
}

QTEST_GUILESS_MAIN(tst_Outbox)
#include "tst_outbox.moc"
