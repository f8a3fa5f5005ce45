#include "cache/cache.h"

#include "cache/deferredindexes.h"
#include "cache/schema.h"
#include "cache/statement.h"
#include "corelogging.h"

#include <QFile>

#include <sodium.h>
#include <sqlite3.h>

namespace CivicDesk {

namespace {

/** Makes the cache file and its WAL readable by the owner only. The data is encrypted, but
 *  other local users need not learn its size or when it changes either. */
void restrictToOwner(const QString &path)
{
    for (const QString &file : { path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm") }) {
        if (QFile::exists(file)) {
            QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
}

} // namespace

Cache::Cache() = default;

Cache::~Cache()
{
    close();
}

Cache::Error Cache::open(const QString &path, const QByteArray &key)
{
    close();
    m_lastError = Error::None;
    m_lastErrorDetail.clear();

    if (key.size() != KeySize) {
        setError(Error::InvalidKey, QStringLiteral("key must be %1 bytes").arg(KeySize));
        return m_lastError;
    }

    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        return fail(Error::OpenFailed);
    }
    m_path = path;

    if (keyAndVerify(key) == Error::None && applySettings() == Error::None) {
        restrictToOwner(path);
    }
    if (m_lastError != Error::None) {
        const Error error = m_lastError;
        close();
        m_lastError = error;
        return error;
    }

    // A first sync that stopped before it caught up left its indexes deferred. They are
    // built before the migrations, which expect the whole schema.
    if (schemaVersion() >= 1 && !DeferredIndexes::build(*this)) {
        qCWarning(lcCache) << "building the deferred indexes failed, so queries run without "
                              "them:"
                           << lastErrorDetail();
        setError(Error::None, {});
    }
    if (!Schema::migrate(*this)) {
        const Error error = m_lastError == Error::None ? Error::MigrationFailed : m_lastError;
        close();
        m_lastError = error;
        return error;
    }

    qCInfo(lcCache) << "opened cache" << path << "schema version" << schemaVersion();
    return Error::None;
}

Cache::Error Cache::keyAndVerify(const QByteArray &key)
{
    // NOTE: the raw-key form x'...' skips SQLCipher 3's PBKDF2-SHA1 key derivation; the key
    // is already 32 random bytes.
    QByteArray pragma = "PRAGMA key = \"x'" + key.toHex() + "'\";";
    const bool keyed = exec(pragma.constData());
    sodium_memzero(pragma.data(), size_t(pragma.size()));
    if (!keyed) {
        return fail(Error::OpenFailed);
    }

    const QByteArray pageSize = "PRAGMA cipher_page_size = " + QByteArray::number(PageSize) + ";";
    if (!exec(pageSize.constData())) {
        return fail(Error::OpenFailed);
    }

    // SQLCipher accepts any key and fails on the first read, so read now.
    Statement probe(*this, "SELECT count(*) FROM sqlite_master");
    if (!probe.ok() || !probe.next()) {
        m_lastError = Error::WrongKey;
        return m_lastError;
    }
    return Error::None;
}

Cache::Error Cache::applySettings()
{
    const QByteArray cacheSize = "PRAGMA cache_size = -" + QByteArray::number(CacheSizeKib) + ";";
    if (!exec("PRAGMA journal_mode = WAL;") || !exec("PRAGMA synchronous = FULL;")
        || !exec(cacheSize.constData()) || !exec("PRAGMA foreign_keys = OFF;")) {
        return fail(Error::SettingRejected);
    }

    QString rejected;
    if (journalMode() != QLatin1String("wal")) {
        rejected = QStringLiteral("journal_mode is %1, expected wal").arg(journalMode());
    } else if (synchronousMode() != 2) {
        rejected = QStringLiteral("synchronous is %1, expected 2 (FULL)").arg(synchronousMode());
    } else if (cipherPageSize() != PageSize) {
        rejected = QStringLiteral("cipher_page_size is %1, expected %2")
                       .arg(cipherPageSize())
                       .arg(PageSize);
    } else if (cacheSizeSetting() != -CacheSizeKib) {
        rejected = QStringLiteral("cache_size is %1").arg(cacheSizeSetting());
    }

    if (!rejected.isEmpty()) {
        setError(Error::SettingRejected, rejected);
        qCWarning(lcCache) << "cache setting not applied:" << rejected;
        return m_lastError;
    }
    return Error::None;
}

void Cache::close()
{
    if (!m_db) {
        return;
    }
    commitHeld();
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_path.clear();
}

QString Cache::errorString(Error error)
{
    switch (error) {
    case Error::None:
        return QStringLiteral("no error");
    case Error::OpenFailed:
        return QStringLiteral("the cache file cannot be opened");
    case Error::WrongKey:
        return QStringLiteral("the key does not open this cache, or the file is not a cache");
    case Error::InvalidKey:
        return QStringLiteral("the cache key has the wrong length");
    case Error::SettingRejected:
        return QStringLiteral("a cache setting did not take effect");
    case Error::SchemaTooNew:
        return QStringLiteral("the cache was written by a newer client");
    case Error::MigrationFailed:
        return QStringLiteral("the cache schema could not be migrated");
    case Error::QueryFailed:
        return QStringLiteral("a cache query failed");
    case Error::NotOpen:
        return QStringLiteral("the cache is not open");
    }
    return {};
}

bool Cache::exec(const char *sql)
{
    if (!m_db) {
        setError(Error::NotOpen, {});
        return false;
    }
    settleHeld();
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        setError(Error::QueryFailed, QString::fromUtf8(message ? message : "unknown error"));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool Cache::begin()
{
    return exec("BEGIN IMMEDIATE;");
}

bool Cache::commit()
{
    return exec("COMMIT;");
}

void Cache::rollback()
{
    if (m_db && !sqlite3_get_autocommit(m_db)) {
        exec("ROLLBACK;");
    }
}

bool Cache::holdTransaction()
{
    if (m_held) {
        return true;
    }
    m_held = exec("BEGIN IMMEDIATE;");
    return m_held;
}

bool Cache::commitHeld() const
{
    if (!m_held) {
        return true;
    }
    m_held = false;
    char *message = nullptr;
    if (sqlite3_exec(m_db, "COMMIT;", nullptr, nullptr, &message) == SQLITE_OK) {
        return true;
    }
    setError(Error::QueryFailed, QString::fromUtf8(message ? message : "unknown error"));
    sqlite3_free(message);
    qCWarning(lcCache) << "committing the held transaction failed, so it is rolled back:"
                       << m_lastErrorDetail;
    if (!sqlite3_get_autocommit(m_db)) {
        sqlite3_exec(m_db, "ROLLBACK;", nullptr, nullptr, nullptr);
    }
    return false;
}

void Cache::rollbackHeld()
{
    if (!m_held) {
        return;
    }
    m_held = false;
    rollback();
}

int Cache::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

QString Cache::meta(const QString &key) const
{
    Statement query(*this, "SELECT value FROM meta WHERE key = ?");
    query.bind(1, key);
    return query.next() ? query.text(0) : QString();
}

bool Cache::setMeta(const QString &key, const QString &value)
{
    Statement query(*this, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    query.bind(1, key).bind(2, value);
    return query.run();
}

qint64 Cache::metaInteger(const QString &key) const
{
    return meta(key).toLongLong();
}

int Cache::schemaVersion() const
{
    return pragmaText("PRAGMA user_version").toInt();
}

QString Cache::journalMode() const
{
    return pragmaText("PRAGMA journal_mode").toLower();
}

int Cache::synchronousMode() const
{
    return pragmaText("PRAGMA synchronous").toInt();
}

int Cache::cipherPageSize() const
{
    return pragmaText("PRAGMA cipher_page_size").toInt();
}

int Cache::cacheSizeSetting() const
{
    return pragmaText("PRAGMA cache_size").toInt();
}

QString Cache::pragmaText(const char *pragma) const
{
    Statement query(*this, pragma);
    return query.next() ? query.text(0) : QString();
}

void Cache::setError(Error error, const QString &detail) const
{
    m_lastError = error;
    m_lastErrorDetail = detail;
}

Cache::Error Cache::fail(Error error)
{
    setError(error, m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString());
    return error;
}

} // namespace CivicDesk
