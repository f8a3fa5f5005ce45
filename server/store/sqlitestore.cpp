#include "store/sqlitestore.h"

#include "domain/ids.h"
#include "store/migrations.h"

#include <Poco/Data/DataException.h>
#include <Poco/Logger.h>
#include <sys/stat.h>

#include <algorithm>

namespace civicdesk::server {

namespace {

Poco::Logger &storeLogger()
{
    return Poco::Logger::get("civicdesk.server.store");
}

} // namespace

SqliteStore::SqliteStore(const std::string &databasePath)
    : m_sql(databasePath)
{
    m_sql.query("PRAGMA journal_mode = WAL");
    m_sql.query("PRAGMA busy_timeout = 5000");
    m_sql.exec("PRAGMA foreign_keys = ON");
    m_sql.exec("PRAGMA synchronous = NORMAL");
    // Intake writes each case of a group commit inside a savepoint, whose journal keeps the
    // pages the case changes. With temporary files on disk, a journal over SQLite's default
    // spill size of 64 KiB (16 pages, fewer than one case changes) went to a new temporary
    // file, created, written and deleted for every commit. In memory, it costs a copy of
    // each page.
    m_sql.exec("PRAGMA temp_store = MEMORY");
    if (m_sql.scalar("PRAGMA temp_store") != 2) {
        throw StoreException("PRAGMA temp_store = MEMORY did not take effect on the store");
    }
    applyMigrations(m_sql);
    m_checkpointer = std::make_unique<WalCheckpointer>(databasePath);
    m_checkpointer->watch(m_sql);
    m_readSql = std::make_unique<SqlSession>(databasePath);
    m_readSql->query("PRAGMA busy_timeout = 5000");
    m_readSql->exec("PRAGMA query_only = ON");

    std::optional<std::string> epoch = meta("epoch");
    if (!epoch) {
        epoch = generateUuid();
        m_sql.exec("INSERT INTO meta (key, value) VALUES ('epoch', ?)", { *epoch });
        storeLogger().information("Created store %s with epoch %s", databasePath, *epoch);
    }
    m_epoch = *epoch;
    const auto restoredFrom = meta("restored_from_epoch");
    const auto restoredAt = meta("restored_at_seq");
    if (restoredFrom && restoredAt) {
        m_restorePoint = RestorePoint { *restoredFrom, std::stoll(*restoredAt) };
    }
}

SqliteStore::~SqliteStore()
{
    // The hook points into the checkpointer, which goes first.
    m_sql.setWalHook({});
}

std::optional<RestorePoint> SqliteStore::restorePoint()
{
    return m_restorePoint;
}

std::unique_ptr<SqliteStore> SqliteStore::openFile(const std::string &databasePath)
{
    try {
        auto store = std::make_unique<SqliteStore>(databasePath);
        // Citizen records live in these files: only the server's own user may read them.
        for (const std::string &file :
            { databasePath, databasePath + "-wal", databasePath + "-shm" }) {
            ::chmod(file.c_str(), S_IRUSR | S_IWUSR);
        }
        return store;
    } catch (const StoreException &) {
        throw;
    } catch (const Poco::Exception &error) {
        throw StoreException("cannot open the database " + databasePath, error);
    }
}

std::string SqliteStore::epoch()
{
    return m_epoch;
}

std::int64_t SqliteStore::headSeq()
{
    std::lock_guard lock(m_mutex);
    return m_sql.scalar("SELECT COALESCE(MAX(seq), 0) AS head FROM change_log");
}

std::optional<UserAccount> SqliteStore::findAccount(const std::string &username)
{
    std::lock_guard lock(m_mutex);
    const auto rows = m_sql.query("SELECT id, username, display_name, role, password_hash, active, "
                                  "languages, skills, capacity FROM users WHERE username = ?",
        { username });
    if (rows.empty()) {
        return std::nullopt;
    }
    const SqlRow &row = rows.front();
    UserAccount account;
    account.user.id = row.text("id");
    account.user.username = row.text("username");
    account.user.displayName = row.text("display_name");
    roleFromString(row.text("role"), account.user.role);
    account.user.teamIds = teamIdsOf(account.user.id);
    account.user.languages =
        nlohmann::json::parse(row.text("languages")).get<std::vector<std::string>>();
    account.user.skills = nlohmann::json::parse(row.text("skills")).get<std::vector<std::string>>();
    account.user.capacity = static_cast<int>(row.integer("capacity"));
    account.passwordHash = row.text("password_hash");
    account.active = row.integer("active") != 0;
    return account;
}

AccessScope SqliteStore::scopeFor(const StaffUser &user)
{
    std::lock_guard lock(m_mutex);
    AccessScope scope;
    scope.userId = user.id;
    scope.role = user.role;
    scope.teamIds = teamIdsOf(user.id);
    scope.everything = user.role == Role::Admin;
    return scope;
}

ChangePage SqliteStore::changesSince(const AccessScope &scope, std::int64_t cursor, int limit)
{
    limit = std::clamp(limit, 1, protocol::MaxFetchLimit);

    std::string sql = "SELECT seq, entity, entity_id, version, op, payload FROM change_log "
                      "WHERE seq > ?";
    std::vector<SqlValue> params { cursor };
    if (!scope.everything) {
        sql += " AND (scope = 'public'";
        for (const std::string &teamId : scope.teamIds) {
            sql += params.size() == 1 ? " OR scope IN (?" : ", ?";
            params.emplace_back(teamScope(teamId));
        }
        sql += scope.teamIds.empty() ? ")" : "))";
    }
    sql += " ORDER BY seq LIMIT ?";
    params.emplace_back(std::int64_t { limit } + 1);

    std::lock_guard lock(m_mutex);
    const auto rows = m_sql.query(sql, params);
    ChangePage page;
    page.more = rows.size() > static_cast<std::size_t>(limit);
    page.cursor = cursor;
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
        const SqlRow &row = rows[i];
        protocol::Change change;
        change.seq = row.integer("seq");
        change.entity = row.text("entity");
        change.id = row.text("entity_id");
        change.version = row.integer("version");
        change.op =
            row.text("op") == "purge" ? protocol::ChangeOp::Purge : protocol::ChangeOp::Upsert;
        if (change.op == protocol::ChangeOp::Upsert) {
            change.data = nlohmann::json::parse(row.text("payload"));
        }
        page.cursor = change.seq;
        page.changes.push_back(std::move(change));
    }
    if (!page.more) {
        // Nothing more is visible, so the client may skip the invisible tail of the log.
        page.cursor = std::max(
            page.cursor, m_sql.scalar("SELECT COALESCE(MAX(seq), 0) AS h FROM change_log"));
    }
    return page;
}

void SqliteStore::setChangeListener(std::function<void(std::int64_t)> listener)
{
    std::lock_guard lock(m_listenerMutex);
    m_listener = std::move(listener);
}

void SqliteStore::notifyListener()
{
    std::function<void(std::int64_t)> listener;
    {
        std::lock_guard lock(m_listenerMutex);
        listener = m_listener;
    }
    if (listener) {
        listener(headSeq());
    }
}

void SqliteStore::inTransaction(const std::function<void()> &work)
{
    m_sql.begin();
    try {
        work();
        m_sql.commit();
    } catch (...) {
        m_weights.reset(); // it may hold weights of the rolled-back work
        try {
            m_sql.rollback();
        } catch (const Poco::Exception &error) {
            storeLogger().error("Rollback failed: %s", error.displayText());
        }
        throw;
    }
}

std::optional<std::string> SqliteStore::meta(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    const auto rows = m_sql.query("SELECT value FROM meta WHERE key = ?", { key });
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows.front().text("value");
}

void SqliteStore::setMeta(const std::string &key, const std::string &value)
{
    std::lock_guard lock(m_mutex);
    m_sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        { key, value });
}

std::vector<std::string> SqliteStore::teamIdsOf(const std::string &userId)
{
    return teamIdsOf(m_sql, userId);
}

std::vector<std::string> SqliteStore::teamIdsOf(SqlSession &sql, const std::string &userId)
{
    std::vector<std::string> ids;
    for (const SqlRow &row : sql.query(
             "SELECT team_id FROM team_members WHERE user_id = ? ORDER BY team_id", { userId })) {
        ids.push_back(row.text("team_id"));
    }
    return ids;
}

std::int64_t SqliteStore::appendChange(const std::string &entity, const std::string &id,
    std::int64_t version, const std::string &op, const std::string &scope,
    const nlohmann::json &payload)
{
    const SqlValue payloadValue = payload.is_null() ? SqlValue {} : SqlValue { payload.dump() };
    m_sql.exec(
        "INSERT INTO change_log (entity, entity_id, version, op, scope, payload, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        { entity, id, version, op, scope, payloadValue, utcNowIso() });
    return m_sql.lastInsertId();
}

} // namespace civicdesk::server
