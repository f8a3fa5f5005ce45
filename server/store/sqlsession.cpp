#include "store/sqlsession.h"

#include "store/store.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <mutex>

namespace civicdesk::server {

using Poco::Data::Keywords::bind;

namespace {

const std::string &sqliteConnector()
{
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
    static const std::string name = "SQLite";
    return name;
}

void bindAll(Poco::Data::Statement &statement, const std::vector<SqlValue> &params)
{
    for (const SqlValue &param : params) {
        if (const auto *integer = std::get_if<std::int64_t>(&param)) {
            statement, bind(static_cast<Poco::Int64>(*integer));
        } else if (const auto *real = std::get_if<double>(&param)) {
            statement, bind(*real);
        } else if (const auto *text = std::get_if<std::string>(&param)) {
            statement, bind(*text);
        } else {
            statement, bind(Poco::Nullable<std::string>());
        }
    }
}

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
{
}

std::size_t SqlSession::exec(const std::string &sql, const std::vector<SqlValue> &params)
{
    try {
        Poco::Data::Statement statement(m_session);
        statement << sql;
        bindAll(statement, params);
        return statement.execute();
    } catch (const Poco::Data::DataException &error) {
        throw StoreException("statement failed: " + sql.substr(0, 60), error);
    }
}

std::vector<SqlRow> SqlSession::query(const std::string &sql, const std::vector<SqlValue> &params)
{
    try {
        return queryRows(sql, params);
    } catch (const Poco::Data::DataException &error) {
        throw StoreException("query failed: " + sql.substr(0, 60), error);
    }
}

std::vector<SqlRow> SqlSession::queryRows(
    const std::string &sql, const std::vector<SqlValue> &params)
{
    Poco::Data::Statement statement(m_session);
    statement << sql;
    bindAll(statement, params);
    statement.execute();

    Poco::Data::RecordSet records(statement);
    std::vector<SqlRow> rows;
    rows.reserve(records.rowCount());
    const std::size_t columns = records.columnCount();
    for (bool more = records.moveFirst(); more; more = records.moveNext()) {
        SqlRow row;
        for (std::size_t column = 0; column < columns; ++column) {
            row.values.emplace(records.columnName(column), records.value(column));
        }
        rows.push_back(std::move(row));
    }
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
    return scalar("SELECT last_insert_rowid() AS id");
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
