#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Dynamic/Var.h>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace civicdesk::server {

/** A value bound to a SQL placeholder; std::monostate binds NULL. */
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/** Binds text, or NULL when text is empty (optional references such as an assignee). */
SqlValue textOrNull(const std::string &text);

/** One result row by column name; NULL columns read as empty text or zero. */
class SqlRow
{
public:
    std::string text(const std::string &column) const;
    std::int64_t integer(const std::string &column) const;
    double real(const std::string &column) const;
    bool isNull(const std::string &column) const;

    std::map<std::string, Poco::Dynamic::Var> values;
};

/**
 * A thin layer over one SQLite connection, opened through Poco::Data: statements with
 * positional parameters, rows by column name and explicit transactions. Each SQL text is
 * prepared once and kept for reuse, because preparing costs more than running the short
 * statements of the store. Database errors become StoreException. Not thread-safe, so the
 * store serialises its use.
 */
class SqlSession
{
public:
    explicit SqlSession(const std::string &databasePath);
    ~SqlSession();
    SqlSession(const SqlSession &) = delete;
    SqlSession &operator=(const SqlSession &) = delete;

    /**
     * Runs one statement and returns the number of rows it changed, or for a statement with
     * result columns, the number of rows it returned.
     */
    std::size_t exec(const std::string &sql, const std::vector<SqlValue> &params = {});
    std::vector<SqlRow> query(const std::string &sql, const std::vector<SqlValue> &params = {});

    /** Returns the first column of the first row as an integer, or fallback when no row. */
    std::int64_t scalar(const std::string &sql, const std::vector<SqlValue> &params = {},
        std::int64_t fallback = 0);
    std::int64_t lastInsertId();

    /**
     * Calls hook after each commit on this connection with the write-ahead log's size in
     * pages, in place of SQLite's automatic checkpoint (sqlite3_wal_hook). The hook runs on
     * the committing thread and must be quick.
     */
    void setWalHook(std::function<void(int pages)> hook);
    /**
     * Copies what it can of the write-ahead log into the database without waiting for
     * readers or the writer (a PASSIVE checkpoint). It may be called from the WAL hook.
     */
    void checkpoint();

    void begin();
    void commit();
    void rollback();

private:
    sqlite3_stmt *prepared(const std::string &sql);
    void bindAll(
        sqlite3_stmt *statement, const std::string &sql, const std::vector<SqlValue> &params);
    /** Runs sql, appending its rows to rows unless that is null; returns as exec() does. */
    std::size_t run(
        const std::string &sql, const std::vector<SqlValue> &params, std::vector<SqlRow> *rows);
    void clearStatements();

    Poco::Data::Session m_session;
    sqlite3 *m_db = nullptr; // owned by m_session
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
    std::function<void(int)> m_walHook;
};

} // namespace civicdesk::server
