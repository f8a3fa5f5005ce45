#include "cache/statement.h"

#include "cache/cache.h"
#include "corelogging.h"

#include <sqlite3.h>

namespace CivicDesk {

Statement::Statement(const Cache &cache, const char *sql)
    : m_cache(cache)
{
    if (!cache.handle()) {
        cache.setError(Cache::Error::NotOpen, {});
        return;
    }
    cache.settleHeld();
    m_ok = sqlite3_prepare_v2(cache.handle(), sql, -1, &m_statement, nullptr) == SQLITE_OK;
    if (!m_ok) {
        fail();
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement &Statement::bind(int index, const QString &value)
{
    return bind(index, value.toUtf8());
}

Statement &Statement::bind(int index, const QByteArray &utf8)
{
    if (m_ok) {
        sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_ok) {
        sqlite3_bind_int64(m_statement, index, value);
    }
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (m_ok) {
        sqlite3_bind_double(m_statement, index, value);
    }
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (m_ok) {
        sqlite3_bind_null(m_statement, index);
    }
    return *this;
}

Statement &Statement::bindOptional(int index, const QString &value)
{
    return value.isEmpty() ? bindNull(index) : bind(index, value);
}

Statement &Statement::bindText(int index, std::string_view utf8)
{
    if (m_ok) {
        // A null pointer would bind NULL, and empty text must stay an empty string.
        const char *data = utf8.data() ? utf8.data() : "";
        sqlite3_bind_text(m_statement, index, data, int(utf8.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

Statement &Statement::bindOptionalText(int index, std::string_view utf8)
{
    return utf8.empty() ? bindNull(index) : bindText(index, utf8);
}

bool Statement::next()
{
    if (!m_ok) {
        return false;
    }
    m_cache.settleHeld();
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result != SQLITE_DONE) {
        m_ok = false;
        fail();
    }
    return false;
}

bool Statement::run()
{
    next();
    const bool succeeded = m_ok;
    reset();
    return succeeded;
}

void Statement::reset()
{
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
}

QString Statement::text(int column) const
{
    const auto *data = sqlite3_column_text(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return QString::fromUtf8(reinterpret_cast<const char *>(data), size);
}

QByteArray Statement::bytes(int column) const
{
    const auto *data = sqlite3_column_blob(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return QByteArray(static_cast<const char *>(data), size);
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

void Statement::fail()
{
    const QString detail = QString::fromUtf8(sqlite3_errmsg(m_cache.handle()));
    m_cache.setError(Cache::Error::QueryFailed, detail);
    qCWarning(lcCache) << "statement failed:" << detail;
}

} // namespace CivicDesk
