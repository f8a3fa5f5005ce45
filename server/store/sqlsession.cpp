#include "store/sqlsession.h"

#include "store/store.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <cctype>
#include <mutex>
#include <sqlite3.h>

namespace civicdesk::server {

namespace {

// Distinct SQL texts kept prepared. The store's statements are fixed strings, plus a few
// built from table names or a team count, so the cache stays far below this in practice.
constexpr std::size_t MaxCachedStatements = 512;

const std::string &sqliteConnector()
{
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
    static const std::string name = "SQLite";
    return name;
}

bool isBlank(const char *text)
{
    while (*text != '\0' && std::isspace(static_cast<unsigned char>(*text))) {
        ++text;
    }
    return *text == '\0';
}

Poco::Dynamic::Var columnValue(sqlite3_stmt *statement, int column)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return Poco::Int64 { sqlite3_column_int64(statement, column) };
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    case SQLITE_NULL:
        return {};
    default: {
        // TEXT and BLOB: read the bytes first, then their count (the order SQLite documents).
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(statement, column));
        const int size = sqlite3_column_bytes(statement, column);
        return std::string(bytes ? bytes : "", static_cast<std::size_t>(size));
    }
    }
}

/** Resets a cached statement and clears its bindings when a run of it ends, even by a throw. */
class StatementReset
{
public:
    explicit StatementReset(sqlite3_stmt *statement)
        : m_statement(statement)
    {
    }
    ~StatementReset()
    {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    StatementReset(const StatementReset &) = delete;
    StatementReset &operator=(const StatementReset &) = delete;

private:
    sqlite3_stmt *m_statement;
};

} // namespace

SqlValue textOrNull(const std::string &text)
{
    if (text.empty()) {
        return std::monostate {};
    }
    return text;
}

std::string SqlRow::text(const std::string &column) const
{
    const auto found = values.find(column);
    if (found == values.end() || found->second.isEmpty()) {
        return {};
    }
    return found->second.convert<std::string>();
}

std::int64_t SqlRow::integer(const std::string &column) const
{
    const auto found = values.find(column);
    if (found == values.end() || found->second.isEmpty()) {
        return 0;
    }
    return found->second.convert<Poco::Int64>();
}

double SqlRow::real(const std::string &column) const
{
    const auto found = values.find(column);
    if (found == values.end() || found->second.isEmpty()) {
        return 0;
    }
    return found->second.convert<double>();
}

bool SqlRow::isNull(const std::string &column) const
{
    const auto found = values.find(column);
    return found == values.end() || found->second.isEmpty();
}

SqlSession::SqlSession(const std::string &databasePath)
    : m_session(sqliteConnector(), databasePath)
    , m_db(Poco::Data::SQLite::Utility::dbHandle(m_session))
{
}

SqlSession::~SqlSession()
{
    clearStatements();
}

void SqlSession::clearStatements()
{
    for (const auto &[sql, statement] : m_statements) {
        sqlite3_finalize(statement);
    }
    m_statements.clear();
}

sqlite3_stmt *SqlSession::prepared(const std::string &sql)
{
    const auto cached = m_statements.find(sql);
    if (cached != m_statements.end()) {
        return cached->second;
    }
    sqlite3_stmt *statement = nullptr;
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size() + 1),
        SQLITE_PREPARE_PERSISTENT, &statement, &tail);
    if (rc != SQLITE_OK) {
        throw StoreException(
            "failed to prepare statement: " + sql.substr(0, 60), sqlite3_errmsg(m_db), rc);
    }
    if (statement == nullptr || (tail != nullptr && !isBlank(tail))) {
        sqlite3_finalize(statement);
        throw StoreException("failed to prepare statement: " + sql.substr(0, 60),
            "the text must contain exactly one SQL statement");
    }
    if (m_statements.size() >= MaxCachedStatements) {
        clearStatements();
    }
    m_statements.emplace(sql, statement);
    return statement;
}

void SqlSession::bindAll(
    sqlite3_stmt *statement, const std::string &sql, const std::vector<SqlValue> &params)
{
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement)) {
        throw StoreException("statement failed: " + sql.substr(0, 60),
            std::to_string(params.size()) + " values for "
                + std::to_string(sqlite3_bind_parameter_count(statement)) + " placeholders");
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        const SqlValue &param = params[i];
        int rc = SQLITE_OK;
        if (const auto *integer = std::get_if<std::int64_t>(&param)) {
            rc = sqlite3_bind_int64(statement, index, *integer);
        } else if (const auto *real = std::get_if<double>(&param)) {
            rc = sqlite3_bind_double(statement, index, *real);
        } else if (const auto *text = std::get_if<std::string>(&param)) {
            // SQLITE_TRANSIENT copies the text, because params may not outlive the step.
            rc = sqlite3_bind_text64(
                statement, index, text->data(), text->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        } else {
            rc = sqlite3_bind_null(statement, index);
        }
        if (rc != SQLITE_OK) {
            throw StoreException(
                "statement failed: " + sql.substr(0, 60), sqlite3_errmsg(m_db), rc);
        }
    }
}

std::size_t SqlSession::run(
    const std::string &sql, const std::vector<SqlValue> &params, std::vector<SqlRow> *rows)
{
    sqlite3_stmt *statement = prepared(sql);
    const StatementReset reset(statement);
    bindAll(statement, sql, params);

    std::size_t stepped = 0;
    const int columns = sqlite3_column_count(statement);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        ++stepped;
        if (rows == nullptr) {
            continue;
        }
        SqlRow row;
        for (int column = 0; column < columns; ++column) {
            row.values.emplace(
                sqlite3_column_name(statement, column), columnValue(statement, column));
        }
        rows->push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) {
        throw StoreException((rows ? "query failed: " : "statement failed: ") + sql.substr(0, 60),
            sqlite3_errmsg(m_db), rc);
    }
    // A statement without result columns reports the rows it changed, like Poco's execute().
    return columns > 0 ? stepped : static_cast<std::size_t>(sqlite3_changes64(m_db));
}

std::size_t SqlSession::exec(const std::string &sql, const std::vector<SqlValue> &params)
{
    return run(sql, params, nullptr);
}

std::vector<SqlRow> SqlSession::query(const std::string &sql, const std::vector<SqlValue> &params)
{
    std::vector<SqlRow> rows;
    run(sql, params, &rows);
    return rows;
}

std::int64_t SqlSession::scalar(
    const std::string &sql, const std::vector<SqlValue> &params, std::int64_t fallback)
{
    const auto rows = query(sql, params);
    if (rows.empty() || rows.front().values.empty()) {
        return fallback;
    }
    const Poco::Dynamic::Var &value = rows.front().values.begin()->second;
    return value.isEmpty() ? fallback : value.convert<Poco::Int64>();
}

std::int64_t SqlSession::lastInsertId()
{
    return sqlite3_last_insert_rowid(m_db);
}

void SqlSession::setWalHook(std::function<void(int pages)> hook)
{
    m_walHook = std::move(hook);
    if (!m_walHook) {
        sqlite3_wal_hook(m_db, nullptr, nullptr);
        return;
    }
    sqlite3_wal_hook(
        m_db,
        [](void *context, sqlite3 *, const char *, int pages) {
            static_cast<SqlSession *>(context)->m_walHook(pages);
            return SQLITE_OK;
        },
        this);
}

void SqlSession::checkpoint()
{
    const int status =
        sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (status != SQLITE_OK && status != SQLITE_BUSY) {
        throw StoreException("checkpoint failed", sqlite3_errmsg(m_db));
    }
}

void SqlSession::begin()
{
    // IMMEDIATE takes the write lock at BEGIN, so a busy database shows up there and not
    // part-way through a transaction that first read and then wrote.
    exec("BEGIN IMMEDIATE");
}

void SqlSession::commit()
{
    exec("COMMIT");
}

void SqlSession::rollback()
{
    exec("ROLLBACK");
}

} // namespace civicdesk::server
