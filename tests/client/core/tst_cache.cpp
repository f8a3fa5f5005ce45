#include "cache/cache.h"
#include "cache/deferredindexes.h"
#include "cache/schema.h"
#include "cache/statement.h"
#include "sync/changeapplier.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;

namespace {

const QString GreekName = QStringLiteral("Χαραλαμπόπουλος");
const QString Afm = QStringLiteral("094014298");
const QString NoteText = QStringLiteral("zebra-lantern-quartz note about the balcony");

/** Returns "name: sql" of each CREATE INDEX index on the tables a sync fills. */
QStringList syncedTableIndexes(const Cache &cache)
{
    Statement list(cache,
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('cases', 'interactions', 'parties') ORDER BY name");
    QStringList indexes;
    while (list.next()) {
        indexes.append(list.text(0) + QStringLiteral(": ") + list.text(1));
    }
    return indexes;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** Strings a cache must never show in clear: UTF-8 and, for the digits, also as UTF-16. */
QList<QByteArray> secrets()
{
    return { GreekName.toUtf8(), Afm.toUtf8(), NoteText.toUtf8(),
        QByteArray(reinterpret_cast<const char *>(GreekName.utf16()), GreekName.size() * 2) };
}

} // namespace

class tst_Cache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsSchemaAndSettings();
    void settingsHoldOnReopen();
    void fileReadableByOwnerOnly();
    void wrongKeyFailsCleanly();
    void keyOfWrongLengthIsRefused();
    void migratesFromVersionOne();
    void refusesNewerSchema();
    void noPlaintextOnDisk();
    void plaintextScanFindsStringsInPlainFile();
    void batchAdvancesCursor();
    void changesAtOrBelowCursorAreIgnored();
    void failedPageLeavesCursorAndData();
    void heldTransactionCommittedBeforeOtherUse();
    void heldTransactionRollbackAndClose();
    void deferredIndexesRebuiltAlike();
    void deferredIndexesBuiltOnReopen();
    void invalidStoredIndexStatementRejected_data();
    void invalidStoredIndexStatementRejected();

private:
    void writeDistinctiveRecords(Cache &cache);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QByteArray m_key;
};

void tst_Cache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("test.cdcache"));
    m_key = randomKey();
    QCOMPARE(m_key.size(), Cache::KeySize);
}

void tst_Cache::createsSchemaAndSettings()
{
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);

    QCOMPARE(cache->schemaVersion(), Schema::latestVersion());
    QCOMPARE(cache->journalMode(), QStringLiteral("wal"));
    QCOMPARE(cache->synchronousMode(), 2);
    QCOMPARE(cache->cipherPageSize(), Cache::PageSize);
    QCOMPARE(cache->cacheSizeSetting(), -Cache::CacheSizeKib);
    QVERIFY(cache->exec("SELECT count(*) FROM outbox; SELECT count(*) FROM access_log;"));
}

void tst_Cache::settingsHoldOnReopen()
{
    QVERIFY(openCache(m_path, m_key));
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);

    QCOMPARE(cache->journalMode(), QStringLiteral("wal"));
    QCOMPARE(cache->synchronousMode(), 2);
    QCOMPARE(cache->cipherPageSize(), Cache::PageSize);
}

void tst_Cache::fileReadableByOwnerOnly()
{
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);

    const QFileDevice::Permissions permissions = QFileInfo(m_path).permissions();
    QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
    QVERIFY(!permissions.testFlag(QFileDevice::ReadGroup));
    QVERIFY(!permissions.testFlag(QFileDevice::ReadOther));
}

void tst_Cache::wrongKeyFailsCleanly()
{
    {
        auto cache = openCache(m_path, m_key);
        QVERIFY(cache);
        QVERIFY(cache->setMeta(QStringLiteral("probe"), QStringLiteral("value")));
    }

    Cache cache;
    QCOMPARE(cache.open(m_path, randomKey()), Cache::Error::WrongKey);
    QVERIFY(!cache.isOpen());
    QVERIFY(cache.meta(QStringLiteral("probe")).isEmpty());

    auto reopened = openCache(m_path, m_key);
    QVERIFY(reopened);
    QCOMPARE(reopened->meta(QStringLiteral("probe")), QStringLiteral("value"));
}

void tst_Cache::keyOfWrongLengthIsRefused()
{
    Cache cache;
    QCOMPARE(cache.open(m_path, QByteArray(16, 'k')), Cache::Error::InvalidKey);
    QVERIFY(!QFile::exists(m_path));
}

void tst_Cache::migratesFromVersionOne()
{
    {
        auto cache = openCache(m_path, m_key);
        QVERIFY(cache);
        QVERIFY(cache->exec("DROP TABLE access_log; DROP TABLE regions; DROP TABLE regional_units; "
                            "DROP TABLE municipalities; DROP TABLE agencies; DROP TABLE teams; "
                            "DROP TABLE users; DROP TABLE categories; DROP TABLE routing_rules; "
                            "DROP TABLE routing_rule_history; DROP TABLE priority_weights; "
                            "DROP TABLE sent_journal; "
                            "PRAGMA user_version = 1;"));
    }

    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);
    QCOMPARE(cache->schemaVersion(), Schema::latestVersion());
    QVERIFY(cache->exec("INSERT INTO access_log (user_id, entity, entity_id, reason, created_at) "
                        "VALUES ('u', 'case', 'c', 'case-view', 'now')"));
    QVERIFY(cache->exec("SELECT count(*) FROM teams;"));
}

void tst_Cache::refusesNewerSchema()
{
    {
        auto cache = openCache(m_path, m_key);
        QVERIFY(cache);
        QVERIFY(cache->exec("PRAGMA user_version = 99;"));
    }

    Cache cache;
    QCOMPARE(cache.open(m_path, m_key), Cache::Error::SchemaTooNew);
    QVERIFY(!cache.isOpen());
}

void tst_Cache::writeDistinctiveRecords(Cache &cache)
{
    ChangeApplier applier(cache, QString::fromStdString(uuid(1)));
    const std::vector<civicdesk::protocol::Change> changes {
        upsert(1, "party",
            partyRecord(
                uuid(10), "Ευαγγελία", GreekName.toStdString(), Afm.toStdString(), "01017012345")),
        upsert(2, "interaction",
            interactionRecord(
                uuid(20), uuid(10), {}, NoteText.toStdString(), "2024-03-02T09:00:00.000Z")),
    };
    QVERIFY(applier.apply(changes, 2).ok);
}

void tst_Cache::noPlaintextOnDisk()
{
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);
    writeDistinctiveRecords(*cache);
    QVERIFY(!QTest::currentTestFailed());

    // While open the data sits in the WAL; after close it is checkpointed into the file.
    const QByteArray walWhileOpen = readAll(m_path + QStringLiteral("-wal"));
    QVERIFY(!walWhileOpen.isEmpty());
    cache.reset();
    const QByteArray file = readAll(m_path);
    const QByteArray walAfterClose = readAll(m_path + QStringLiteral("-wal"));
    QVERIFY(file.size() >= Cache::PageSize);

    for (const QByteArray &secret : secrets()) {
        QVERIFY2(!file.contains(secret), secret.constData());
        QVERIFY2(!walWhileOpen.contains(secret), secret.constData());
        QVERIFY2(!walAfterClose.contains(secret), secret.constData());
    }
    QVERIFY(!file.startsWith("SQLite format 3"));
}

void tst_Cache::plaintextScanFindsStringsInPlainFile()
{
    const QString plainPath = m_dir->filePath(QStringLiteral("plain.txt"));
    QFile plain(plainPath);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write(QByteArray(100, 'x') + GreekName.toUtf8() + ' ' + Afm.toUtf8() + ' '
        + NoteText.toUtf8() + ' '
        + QByteArray(reinterpret_cast<const char *>(GreekName.utf16()), GreekName.size() * 2));
    plain.close();

    const QByteArray bytes = readAll(plainPath);
    for (const QByteArray &secret : secrets()) {
        QVERIFY(bytes.contains(secret));
    }
}

void tst_Cache::batchAdvancesCursor()
{
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);
    ChangeApplier applier(*cache, QString::fromStdString(uuid(1)));

    const auto result =
        applier.apply({ upsert(5, "case", caseRecord(uuid(30), "CD-1", uuid(100), 2.5)),
                          upsert(9, "team", teamRecord(uuid(100), "Ομάδα", "Team")) },
            12);

    QVERIFY(result.ok);
    QCOMPARE(result.applied, 2);
    QCOMPARE(result.entities, QStringList({ "case", "team" }));
    QCOMPARE(cache->metaInteger(QStringLiteral("cursor")), 12);
}

void tst_Cache::changesAtOrBelowCursorAreIgnored()
{
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);
    ChangeApplier applier(*cache, QString::fromStdString(uuid(1)));
    QVERIFY(
        applier.apply({ upsert(4, "case", caseRecord(uuid(30), "CD-1", uuid(100), 2.5)) }, 4).ok);

    const auto result =
        applier.apply({ upsert(3, "case", caseRecord(uuid(30), "CD-OLD", uuid(100), 1.0)),
                          upsert(4, "case", caseRecord(uuid(30), "CD-OLDER", uuid(100), 1.0)) },
            4);

    QVERIFY(result.ok);
    QCOMPARE(result.applied, 0);
    QCOMPARE(result.ignored, 2);
    Statement query(*cache, "SELECT number FROM cases");
    QVERIFY(query.next());
    QCOMPARE(query.text(0), QStringLiteral("CD-1"));
}

void tst_Cache::failedPageLeavesCursorAndData()
{
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);
    QVERIFY(cache->exec("DROP TABLE interactions;"));
    ChangeApplier applier(*cache, QString::fromStdString(uuid(1)));

    const auto result = applier.apply(
        { upsert(1, "party", partyRecord(uuid(10), "Νίκος", "Παππάς", "123456789", "")),
            upsert(2, "interaction", interactionRecord(uuid(20), uuid(10), {}, "x", "2024")) },
        2);

    QVERIFY(!result.ok);
    QCOMPARE(cache->metaInteger(QStringLiteral("cursor")), 0);
    Statement parties(*cache, "SELECT count(*) FROM parties");
    QVERIFY(parties.next());
    QCOMPARE(parties.integer(0), 0);
}

void tst_Cache::heldTransactionCommittedBeforeOtherUse()
{
    auto cache = openCache(m_path, m_key);
    auto observer = openCache(m_path, m_key); // reads committed data only
    QVERIFY(cache && observer);
    const QString key = QStringLiteral("held");

    QVERIFY(cache->holdTransaction());
    {
        HeldWrite scope(*cache);
        QVERIFY(cache->setMeta(key, QStringLiteral("1")));
        QCOMPARE(cache->meta(key), QStringLiteral("1"));
    }
    QVERIFY(cache->isHeld());
    QCOMPARE(observer->meta(key), QString());

    // A read outside a HeldWrite scope commits first.
    QCOMPARE(cache->meta(key), QStringLiteral("1"));
    QVERIFY(!cache->isHeld());
    QCOMPARE(observer->meta(key), QStringLiteral("1"));

    // So does a transaction of its own, which then rolls back alone.
    QVERIFY(cache->holdTransaction());
    {
        HeldWrite scope(*cache);
        QVERIFY(cache->setMeta(key, QStringLiteral("2")));
    }
    {
        Transaction transaction(*cache);
        QVERIFY(transaction.isActive());
        QVERIFY(!cache->isHeld());
        QVERIFY(cache->setMeta(QStringLiteral("other"), QStringLiteral("x")));
    }
    QCOMPARE(observer->meta(key), QStringLiteral("2"));
    QCOMPARE(observer->meta(QStringLiteral("other")), QString());

    // And a write outside any transaction, such as a recorded read of a citizen's file.
    QVERIFY(cache->holdTransaction());
    {
        HeldWrite scope(*cache);
        QVERIFY(cache->setMeta(key, QStringLiteral("3")));
    }
    QVERIFY(cache->exec("INSERT INTO meta (key, value) VALUES ('direct', 'y')"));
    QVERIFY(!cache->isHeld());
    QCOMPARE(observer->meta(key), QStringLiteral("3"));
    QCOMPARE(observer->meta(QStringLiteral("direct")), QStringLiteral("y"));
}

void tst_Cache::heldTransactionRollbackAndClose()
{
    const QString key = QStringLiteral("held");
    {
        auto cache = openCache(m_path, m_key);
        QVERIFY(cache);
        QVERIFY(cache->holdTransaction());
        QVERIFY(cache->holdTransaction()); // already held
        {
            HeldWrite scope(*cache);
            QVERIFY(cache->setMeta(key, QStringLiteral("dropped")));
        }
        cache->rollbackHeld();
        QVERIFY(!cache->isHeld());
        QCOMPARE(cache->meta(key), QString());

        QVERIFY(cache->holdTransaction());
        {
            HeldWrite scope(*cache);
            QVERIFY(cache->setMeta(key, QStringLiteral("kept")));
        }
    }
    auto reopened = openCache(m_path, m_key);
    QVERIFY(reopened);
    QCOMPARE(reopened->meta(key), QStringLiteral("kept"));
}

void tst_Cache::deferredIndexesRebuiltAlike()
{
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);
    const QStringList before = syncedTableIndexes(*cache);
    QVERIFY(before.filter(QStringLiteral("cases_team_open: ")).size() == 1);
    QVERIFY(before.filter(QStringLiteral("interactions_case: ")).size() == 1);

    QVERIFY(DeferredIndexes::defer(*cache));
    QVERIFY(DeferredIndexes::areDeferred(*cache));
    QVERIFY(syncedTableIndexes(*cache).isEmpty());
    QVERIFY(cache->cacheSizeSetting() < -Cache::CacheSizeKib);
    QVERIFY(DeferredIndexes::defer(*cache)); // a second call keeps the stored statements

    ChangeApplier applier(*cache, QString::fromStdString(uuid(1)));
    QVERIFY(applier
                .apply({ upsert(1, "case", caseRecord(uuid(30), "CD-1", uuid(100), 2.5)),
                           upsert(2, "interaction",
                               interactionRecord(uuid(20), uuid(10), uuid(30), "x", "2024")) },
                    2)
                .ok);
    QVERIFY(DeferredIndexes::build(*cache));

    QVERIFY(!DeferredIndexes::areDeferred(*cache));
    QCOMPARE(syncedTableIndexes(*cache), before);
    QCOMPARE(cache->cacheSizeSetting(), -Cache::CacheSizeKib);
    Statement check(*cache, "PRAGMA integrity_check");
    QVERIFY(check.next());
    QCOMPARE(check.text(0), QStringLiteral("ok"));
    QVERIFY(DeferredIndexes::build(*cache)); // nothing left to build
}

void tst_Cache::deferredIndexesBuiltOnReopen()
{
    QStringList before;
    {
        auto cache = openCache(m_path, m_key);
        QVERIFY(cache);
        before = syncedTableIndexes(*cache);
        QVERIFY(DeferredIndexes::defer(*cache));
    }

    auto reopened = openCache(m_path, m_key);

    QVERIFY(reopened);
    QVERIFY(!DeferredIndexes::areDeferred(*reopened));
    QCOMPARE(syncedTableIndexes(*reopened), before);
}

void tst_Cache::invalidStoredIndexStatementRejected_data()
{
    QTest::addColumn<QString>("stored");

    QTest::newRow("not JSON") << QStringLiteral("CREATE INDEX x ON cases (id)");
    QTest::newRow("not an array") << QStringLiteral("{\"sql\": \"CREATE INDEX x ON cases (id)\"}");
    QTest::newRow("not a string") << QStringLiteral("[42]");
    QTest::newRow("other statement") << QStringLiteral("[\"DROP TABLE cases\"]");
    QTest::newRow("second statement")
        << QStringLiteral("[\"CREATE INDEX x ON cases (id); DROP TABLE cases\"]");
    QTest::newRow("invalid SQL") << QStringLiteral("[\"CREATE INDEX x ON missing (id)\"]");
}

void tst_Cache::invalidStoredIndexStatementRejected()
{
    QFETCH(QString, stored);
    auto cache = openCache(m_path, m_key);
    QVERIFY(cache);
    const QStringList before = syncedTableIndexes(*cache);
    QVERIFY(cache->setMeta(QStringLiteral("deferredIndexes"), stored));

    QVERIFY(!DeferredIndexes::build(*cache));

    QCOMPARE(cache->lastError(), Cache::Error::QueryFailed);
    QVERIFY(!cache->lastErrorDetail().isEmpty());
    QVERIFY(DeferredIndexes::areDeferred(*cache));
    QCOMPARE(syncedTableIndexes(*cache), before);
    Statement cases(*cache, "SELECT count(*) FROM cases");
    QVERIFY(cases.next());
}

QTEST_GUILESS_MAIN(tst_Cache)
#include "tst_cache.moc"
