// A store restored from a backup: a new epoch that names the backup's epoch and head sequence,
// so clients can tell which of their acknowledged edits the server lost.
#include "domain/ids.h"
#include "storefixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace civicdesk;
using namespace civicdesk::server;

class tst_Restore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoreRecordsRestorePoint();
    void backupRejectsExistingFile();
    void restoreRejectsMissingBackup();
    void restoreRejectsInvalidBackup();
};

namespace {

protocol::Mutation note(const std::string &caseId, std::int64_t baseVersion)
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entityId = caseId;
    mutation.baseVersion = baseVersion;
    mutation.op = "note";
    mutation.args = nlohmann::json { { "interactionId", generateUuid() },
        { "text", "Μετά το αντίγραφο ασφαλείας" } };
    return mutation;
}

} // namespace

void tst_Restore::restoreRecordsRestorePoint()
{
    QTemporaryDir dir;
    const std::string database = dir.filePath(QStringLiteral("civicdesk.sqlite")).toStdString();
    const std::string backup = dir.filePath(QStringLiteral("backup.sqlite")).toStdString();

    std::string originalEpoch;
    std::int64_t headAtBackup = 0;
    std::string lostMutation;
    {
        StoreFixture fixture(database);
        originalEpoch = fixture.store->epoch();
        QVERIFY(!fixture.store->restorePoint());
        fixture.store->backupTo(backup);
        headAtBackup = fixture.store->headSeq();

        const protocol::Mutation after = note(fixture.caseA, 1);
        lostMutation = after.id;
        QVERIFY(fixture.store->applyMutation(fixture.scope("agent"), after).applied);
        QVERIFY(fixture.store->headSeq() > headAtBackup);
    }

    const RestorePoint point = SqliteStore::restoreFrom(database, backup);
    QCOMPARE(point.epoch, originalEpoch);
    QCOMPARE(point.seq, headAtBackup);

    const auto restored = SqliteStore::openFile(database);
    QVERIFY(restored->epoch() != originalEpoch);
    QCOMPARE(restored->headSeq(), headAtBackup);
    const auto stored = restored->restorePoint();
    QVERIFY(stored);
    QCOMPARE(stored->epoch, originalEpoch);
    QCOMPARE(stored->seq, headAtBackup);
    // The edit made after the backup is gone, so its id may be applied again.
    QCOMPARE(restored->countRows("applied_mutations"), std::int64_t(0));
    QVERIFY(!lostMutation.empty());
}

void tst_Restore::backupRejectsExistingFile()
{
    QTemporaryDir dir;
    StoreFixture fixture(dir.filePath(QStringLiteral("civicdesk.sqlite")).toStdString());
    const QString existing = dir.filePath(QStringLiteral("taken.sqlite"));
    QFile file(existing);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY_THROWS_EXCEPTION(StoreException, fixture.store->backupTo(existing.toStdString()));
}

void tst_Restore::restoreRejectsMissingBackup()
{
    QTemporaryDir dir;
    const std::string database = dir.filePath(QStringLiteral("civicdesk.sqlite")).toStdString();
    std::string epoch;
    {
        StoreFixture fixture(database);
        epoch = fixture.store->epoch();
    }
    QVERIFY_THROWS_EXCEPTION(StoreException,
        SqliteStore::restoreFrom(database, dir.filePath(QStringLiteral("none")).toStdString()));
    QCOMPARE(SqliteStore::openFile(database)->epoch(), epoch);
}

void tst_Restore::restoreRejectsInvalidBackup()
{
    QTemporaryDir dir;
    const std::string database = dir.filePath(QStringLiteral("civicdesk.sqlite")).toStdString();
    const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
    std::string epoch;
    {
        StoreFixture fixture(database);
        epoch = fixture.store->epoch();
    }
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not an SQLite database, only some text of the right size at all");
    file.close();

    QVERIFY_THROWS_EXCEPTION(
        StoreException, SqliteStore::restoreFrom(database, garbage.toStdString()));
    QCOMPARE(SqliteStore::openFile(database)->epoch(), epoch);
    QVERIFY(!QFile::exists(QString::fromStdString(database + ".restoring")));
}

QTEST_GUILESS_MAIN(tst_Restore)
#include "tst_restore.moc"
