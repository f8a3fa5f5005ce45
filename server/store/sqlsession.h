#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Dynamic/Var.h>
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

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
 * A thin layer over one Poco::Data SQLite session: statements with positional parameters,
 * rows by column name and explicit transactions. Database errors become StoreException. Not
 * thread-safe, so the store serialises its use.
 */
class SqlSession
{
public:
    explicit SqlSession(const std::string &databasePath);

    /** Runs a statement and returns the number of rows it changed. */
    std::size_t exec(const std::string &sql, const std::vector<SqlValue> &params = {});
    std::vector<SqlRow> query(const std::string &sql, const std::vector<SqlValue> &params = {});

    /** Returns the first column of the first row as an integer, or fallback when no row. */
    std::int64_t scalar(const std::string &sql, const std::vector<SqlValue> &params = {},
        std::int64_t fallback = 0);
    std::int64_t lastInsertId();

    void begin();
    void commit();
    void rollback();

private:
    std::vector<SqlRow> queryRows(const std::string &sql, const std::vector<SqlValue> &params);

    Poco::Data::Session m_session;
};

} // namespace civicdesk::server
