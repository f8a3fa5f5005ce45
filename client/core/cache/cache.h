#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;

namespace CivicDesk {

/**
 * The encrypted local cache: one SQLCipher database file per server and user, keyed with a
 * raw 32-byte key. Opening applies and reads back every setting (SQLCipher ignores unknown
 * pragmas silently) and runs the numbered schema migrations. Not thread-safe: use it from
 * one thread. Errors are codes; lastErrorDetail() carries SQLite's technical text.
 */
class Cache
{
public:
    enum class Error {
        None,
        OpenFailed, // the file cannot be created or opened
        WrongKey, // the key does not decrypt this file, or the file is not a cache
        InvalidKey, // the key is not 32 bytes
        SettingRejected, // a pragma did not take effect when read back
        SchemaTooNew, // the file was written by a newer client
        MigrationFailed,
        QueryFailed,
        NotOpen,
    };

    static constexpr int KeySize = 32;
    static constexpr int PageSize = 4096;
    static constexpr int CacheSizeKib = 65536;

    Cache();
    ~Cache();
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;

    /** Opens or creates the cache at path with the raw key, then migrates the schema. */
    Error open(const QString &path, const QByteArray &key);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }

    Error lastError() const { return m_lastError; }
    QString lastErrorDetail() const { return m_lastErrorDetail; }
    static QString errorString(Error error);

    /** Runs one or more SQL statements without results; false and lastError on failure. */
    bool exec(const char *sql);
    bool begin();
    bool commit();
    void rollback();

    /**
     * Begins a held transaction, which stays open across several HeldWrite scopes of one
     * owner so that their writes share one commit. Each scope must leave the cache
     * consistent, because any other use of the cache, a read included, commits the held
     * transaction first. Returns true also when one is held already.
     */
    bool holdTransaction();
    /** Commits the held transaction, if any. On failure it is rolled back, so the owner's
     *  writes are lost, and false is returned. */
    bool commitHeld() const;
    void rollbackHeld();
    bool isHeld() const { return m_held; }
    /** Rows changed by the last INSERT, UPDATE or DELETE. */
    int changes() const;

    /** Values of the meta table; an absent key reads as an empty string. */
    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);
    qint64 metaInteger(const QString &key) const;

    int schemaVersion() const;
    QString journalMode() const;
    int synchronousMode() const; // 2 is FULL
    int cipherPageSize() const;
    int cacheSizeSetting() const;

    sqlite3 *handle() const { return m_db; }
    /** Records a failure from a Statement so callers read one lastError. */
    void setError(Error error, const QString &detail) const;
    /** Commits the held transaction unless a HeldWrite scope is open. Statement and exec
     *  call it before they touch the database. */
    void settleHeld() const
    {
        if (m_held && !m_inHeldWrite) {
            commitHeld();
        }
    }

private:
    Error keyAndVerify(const QByteArray &key);
    Error applySettings();
    QString pragmaText(const char *pragma) const;
    Error fail(Error error);

    friend class HeldWrite;

    sqlite3 *m_db = nullptr;
    QString m_path;
    // Mutable: a read through a const Cache may have to commit the held transaction first.
    mutable bool m_held = false;
    bool m_inHeldWrite = false;
    mutable Error m_lastError = Error::None;
    mutable QString m_lastErrorDetail;
};

/** Begins a transaction; rolls it back on destruction unless commit() succeeded. */
class Transaction
{
public:
    explicit Transaction(Cache &cache)
        : m_cache(cache)
        , m_active(cache.begin())
    {
    }
    ~Transaction()
    {
        if (m_active) {
            m_cache.rollback();
        }
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit()
    {
        if (!m_active || !m_cache.commit()) {
            return false;
        }
        m_active = false;
        return true;
    }

private:
    Cache &m_cache;
    bool m_active;
};

/** Marks the writes that belong to the cache's held transaction (Cache::holdTransaction). */
class HeldWrite
{
public:
    explicit HeldWrite(Cache &cache)
        : m_cache(cache)
    {
        m_cache.m_inHeldWrite = true;
    }
    ~HeldWrite() { m_cache.m_inHeldWrite = false; }
    HeldWrite(const HeldWrite &) = delete;
    HeldWrite &operator=(const HeldWrite &) = delete;

private:
    Cache &m_cache;
};

} // namespace CivicDesk
