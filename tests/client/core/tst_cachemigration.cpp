// Opens a cache file that the previous release of the client wrote (data/previous-schema) with
// today's code. The migrations must run, every outbox entry must keep its id, state and args,
// every cached row must stay as it was, and the pending entries must still reach the server.
#include "cache/cache.h"
#include "cache/keyfile.h"
#include "cache/keystore.h"
#include "cache/schema.h"
#include "cache/statement.h"
#include "scriptedserver.h"
#include "session/accountfiles.h"
#include "session/clientsession.h"
#include "sync/outbox.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace CivicDesk;
using namespace TestSupport;
using namespace std::chrono_literals;

namespace {

const QString FixtureDir =
    QStringLiteral(CIVICDESK_SOURCE_DIR "/tests/client/core/data/previous-schema");
const QString Passphrase = QStringLiteral("previous-schema-fixture");

/** Copies the fixture's cache and key file to cachePath; false when a copy fails. */
bool copyFixture(const QString &cachePath)
{
    const QString keyPath = KeyStore::keyFilePath(cachePath);
    return QFile::copy(FixtureDir + QStringLiteral("/cache.cdcache"), cachePath)
        && QFile::copy(FixtureDir + QStringLiteral("/cache.cdcache.key"), keyPath)
        && QFile::setPermissions(cachePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && QFile::setPermissions(keyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

/** Reads PRAGMA user_version through SQLCipher's C API, without running any migration. */
int rawSchemaVersion(const QString &path, const QByteArray &key)
{
    sqlite3 *db = nullptr;
    int version = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr)
        == SQLITE_OK) {
        const QByteArray pragmas = "PRAGMA key = \"x'" + key.toHex() + "'\"; "
            + "PRAGMA cipher_page_size = " + QByteArray::number(Cache::PageSize) + ";";
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_exec(db, pragmas.constData(), nullptr, nullptr, nullptr) == SQLITE_OK
            && sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW) {
            version = sqlite3_column_int(statement, 0);
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close_v2(db);
    return version;
}

/** Returns the rows of table as arrays of column text (null for NULL), in rowid order. */
json tableRows(sqlite3 *db, const std::string &table)
{
    json rows = json::array();
    const std::string sql = "SELECT * FROM " + table + " ORDER BY rowid";
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        return nullptr;
    }
    while (sqlite3_step(statement) == SQLITE_ROW) {
        json row = json::array();
        for (int column = 0; column < sqlite3_column_count(statement); ++column) {
            const auto *text = sqlite3_column_text(statement, column);
            row.push_back(text ? json(reinterpret_cast<const char *>(text)) : json());
        }
        rows.push_back(row);
    }
    sqlite3_finalize(statement);
    return rows;
}

QString text(const json &value)
{
    return QString::fromStdString(value.get<std::string>());
}

} // namespace

class tst_CacheMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void migrationKeepsOutboxAndRecords();
    void migratedEditsAreSent();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    json m_manifest;
    QString m_userId;
};

void tst_CacheMigration::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
    QFile file(FixtureDir + QStringLiteral("/manifest.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_manifest = json::parse(file.readAll().toStdString(), nullptr, false);
    QVERIFY(m_manifest.is_object());
    QVERIFY2(m_manifest.at("schemaVersion").get<int>() < Schema::latestVersion(),
        "the fixture must be older than this client's schema");
    m_userId = QString::fromStdString(ScriptedServer().user.id);
}

void tst_CacheMigration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CacheMigration::migrationKeepsOutboxAndRecords()
{
    const QString path = m_dir->filePath(QStringLiteral("previous.cdcache"));
    QVERIFY(copyFixture(path));
    QByteArray key;
    QCOMPARE(KeyFile::read(KeyStore::keyFilePath(path), Passphrase, &key), KeyFile::Error::None);
    QCOMPARE(rawSchemaVersion(path, key), m_manifest.at("schemaVersion").get<int>());

    Cache cache;
    QCOMPARE(cache.open(path, key), Cache::Error::None);
    QCOMPARE(cache.schemaVersion(), Schema::latestVersion());
    Statement journal(cache, "SELECT count(*) FROM sent_journal");
    QVERIFY(journal.next());
    QCOMPARE(journal.integer(0), qint64(0));

    const QList<OutboxEntry> entries = Outbox(cache, m_userId).entries();
    const json &expected = m_manifest.at("outbox");
    QCOMPARE(entries.size(), qsizetype(expected.size()));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const OutboxEntry &entry = entries.at(i);
        const json &old = expected.at(std::size_t(i));
        QCOMPARE(entry.seq, old.at("seq").get<qint64>());
        QCOMPARE(entry.mutationId, text(old.at("mutationId")));
        QCOMPARE(entry.entity, text(old.at("entity")));
        QCOMPARE(entry.entityId, text(old.at("entityId")));
        QCOMPARE(entry.baseVersion, old.at("baseVersion").get<qint64>());
        QCOMPARE(entry.op, text(old.at("op")));
        QCOMPARE(textOf(json::parse(entry.argsJson.toStdString())), textOf(old.at("args")));
        QCOMPARE(entry.state, text(old.at("state")));
        QCOMPARE(entry.rejectCode, text(old.at("rejectCode")));
        QCOMPARE(entry.rejectMessage, text(old.at("rejectMessage")));
        QCOMPARE(entry.createdAt, text(old.at("createdAt")));
    }
    // The previous release queued six edits offline and had one rejected.
    QCOMPARE(Outbox(cache, m_userId).pendingCount(), 6);
    QCOMPARE(Outbox(cache, m_userId).rejectedCount(), 1);

    const json &tables = m_manifest.at("tables");
    QVERIFY(tables.contains("cases") && tables.contains("interactions") && tables.contains("outbox")
        && tables.contains("meta"));
    for (auto table = tables.begin(); table != tables.end(); ++table) {
        QVERIFY2(tableRows(cache.handle(), table.key()) == table.value(),
            qPrintable(QStringLiteral("table %1 changed in the migration")
                           .arg(QString::fromStdString(table.key()))));
    }
}

void tst_CacheMigration::migratedEditsAreSent()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    for (const json &change : m_manifest.at("serverLog")) {
        server.append(upsert(0, change.at("entity").get<std::string>(), change.at("data"),
            change.at("version").get<std::int64_t>()));
    }
    const QString account =
        AccountFiles::accountId(server.url(), QString::fromStdString(server.username));
    const QString path = AccountFiles::cacheFilePath(m_dir->path(), account);
    QVERIFY(copyFixture(path));

    ClientSession session(m_dir->path());
    SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 100ms;
    session.setSyncTimings(timings);
    QSignalSpy finished(&session, &ClientSession::syncFinished);
    session.signIn({ server.url(), QString::fromStdString(server.username),
        QString::fromStdString(server.password), Passphrase });
    QVERIFY(finished.wait(10000));
    QCOMPARE(session.cacheFilePath(), path);
    QTRY_COMPARE(session.pendingCount(), 0);

    // The pending entries reach the server in their order, with their ids and args. The
    // rejected entry stays in the outbox for its author and is not sent again.
    std::vector<json> pending;
    QString rejectedId;
    for (const json &old : m_manifest.at("outbox")) {
        if (old.at("state") == "pending") {
            pending.push_back(old);
        } else {
            rejectedId = text(old.at("mutationId"));
        }
    }
    QCOMPARE(server.mutations.size(), pending.size());
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const civicdesk::protocol::Mutation &sent = server.mutations.at(i);
        QCOMPARE(QString::fromStdString(sent.id), text(pending.at(i).at("mutationId")));
        QCOMPARE(QString::fromStdString(sent.entity), text(pending.at(i).at("entity")));
        QCOMPARE(QString::fromStdString(sent.entityId), text(pending.at(i).at("entityId")));
        QCOMPARE(QString::fromStdString(sent.op), text(pending.at(i).at("op")));
        QCOMPARE(textOf(sent.args), textOf(pending.at(i).at("args")));
    }
    const QList<OutboxEntry> rejected = session.rejectedEdits();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().mutationId, rejectedId);
    QCOMPARE(rejected.first().rejectCode, QStringLiteral("mutation.conflict"));
}

QTEST_GUILESS_MAIN(tst_CacheMigration)
#include "tst_cachemigration.moc"
