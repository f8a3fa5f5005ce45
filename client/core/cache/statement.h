#pragma once

#include <QByteArray>
#include <QString>
#include <string_view>

struct sqlite3_stmt;

namespace CivicDesk {

class Cache;

/**
 * One prepared statement over the cache. Binds are 1-based like SQLite's; columns 0-based.
 * A failed prepare or step records the error on the cache and makes ok() false.
 */
class Statement
{
public:
    Statement(const Cache &cache, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_ok; }

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &utf8);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bindNull(int index);
    /** Binds NULL for an empty string, the text otherwise. */
    Statement &bindOptional(int index, const QString &value);
    /** Binds UTF-8 text without a conversion through QString. SQLite copies the text. */
    Statement &bindText(int index, std::string_view utf8);
    /** Binds NULL for empty UTF-8 text, the text otherwise. */
    Statement &bindOptionalText(int index, std::string_view utf8);

    /** Steps once: true while a row is available; false at the end or on error (see ok()). */
    bool next();
    /** Runs a statement that returns no rows; returns ok(). */
    bool run();
    void reset();

    QString text(int column) const;
    QByteArray bytes(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;

private:
    void fail();

    const Cache &m_cache;
    sqlite3_stmt *m_statement = nullptr;
    bool m_ok = false;
};

} // namespace CivicDesk
