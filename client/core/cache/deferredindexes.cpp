#include "cache/deferredindexes.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "corelogging.h"

#include <QElapsedTimer>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace CivicDesk::DeferredIndexes {

namespace {

using nlohmann::json;

constexpr const char *MetaKey = "deferredIndexes";
// Page cache while the indexes are deferred, in KiB, so that the id indexes that the load
// still updates and the sorts that build the indexes stay in memory longer. SQLite
// allocates the pages only as they are used.
// NOTE: compared with 64 MiB in one full-size run each, under changing machine load
// (docs/benchmarks.md), so its gain is not established.
constexpr int LoadCacheSizeKib = 262144;

/** Sets the connection's page cache size and reads it back. A setting that did not take
 *  effect is only logged, because the load still works without it, only slower. */
void setCacheSize(Cache &cache, int kibibytes)
{
    const QByteArray pragma = "PRAGMA cache_size = -" + QByteArray::number(kibibytes) + ";";
    if (!cache.exec(pragma.constData()) || cache.cacheSizeSetting() != -kibibytes) {
        qCWarning(lcCache) << "cache_size is" << cache.cacheSizeSetting() << "not"
                           << -kibibytes;
    }
}

struct IndexDefinition
{
    std::string name;
    std::string sql;
};

/** Reads the indexes created with CREATE INDEX (automatic ones have no SQL) on the tables
 *  that a sync fills. */
bool readDefinitions(Cache &cache, std::vector<IndexDefinition> *definitions)
{
    Statement list(cache,
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('cases', 'interactions', 'parties') ORDER BY name");
    while (list.next()) {
        definitions->push_back({ list.bytes(0).toStdString(), list.bytes(1).toStdString() });
    }
    return list.ok();
}

std::string quotedIdentifier(const std::string &name)
{
    std::string quoted = "\"";
    for (const char character : name) {
        quoted += character;
        if (character == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

/** Runs one stored statement. It must be a single CREATE INDEX statement: only the cache
 *  writes the value, but it is SQL read from data. */
bool createIndex(Cache &cache, const json &statement)
{
    const std::string *sql =
        statement.is_string() ? &statement.get_ref<const std::string &>() : nullptr;
    if (!sql || sql->rfind("CREATE INDEX ", 0) != 0) {
        cache.setError(Cache::Error::QueryFailed,
            QStringLiteral("a stored index statement is not a CREATE INDEX statement"));
        return false;
    }
    sqlite3_stmt *prepared = nullptr;
    const char *tail = nullptr;
    if (sqlite3_prepare_v2(cache.handle(), sql->c_str(), -1, &prepared, &tail) != SQLITE_OK) {
        cache.setError(Cache::Error::QueryFailed, QString::fromUtf8(sqlite3_errmsg(cache.handle())));
        return false;
    }
    const bool single = QByteArray(tail).trimmed().isEmpty();
    const int result = single ? sqlite3_step(prepared) : SQLITE_MISUSE;
    sqlite3_finalize(prepared);
    if (!single) {
        cache.setError(Cache::Error::QueryFailed,
            QStringLiteral("a stored index statement contains more than one statement"));
        return false;
    }
    if (result != SQLITE_DONE) {
        cache.setError(Cache::Error::QueryFailed, QString::fromUtf8(sqlite3_errmsg(cache.handle())));
        return false;
    }
    return true;
}

} // namespace

bool defer(Cache &cache)
{
    if (areDeferred(cache)) {
        return true;
    }
    Transaction transaction(cache);
    std::vector<IndexDefinition> definitions;
    if (!transaction.isActive() || !readDefinitions(cache, &definitions)) {
        return false;
    }
    json statements = json::array();
    for (const IndexDefinition &definition : definitions) {
        const std::string drop = "DROP INDEX " + quotedIdentifier(definition.name);
        if (!cache.exec(drop.c_str())) {
            return false;
        }
        statements.push_back(definition.sql);
    }
    if (!cache.setMeta(QLatin1String(MetaKey), QString::fromStdString(statements.dump()))
        || !transaction.commit()) {
        return false;
    }
    setCacheSize(cache, LoadCacheSizeKib);
    qCInfo(lcCache) << "dropped" << definitions.size() << "indexes until the sync catches up";
    return true;
}

bool areDeferred(const Cache &cache)
{
    return !cache.meta(QLatin1String(MetaKey)).isEmpty();
}

bool build(Cache &cache)
{
    const QString stored = cache.meta(QLatin1String(MetaKey));
    if (stored.isEmpty()) {
        return true;
    }
    const json statements = json::parse(stored.toStdString(), nullptr, false);
    if (!statements.is_array()) {
        cache.setError(Cache::Error::QueryFailed,
            QStringLiteral("the stored index statements are not a JSON array"));
        return false;
    }

    QElapsedTimer timer;
    timer.start();
    Transaction transaction(cache);
    if (!transaction.isActive()) {
        return false;
    }
    for (const json &statement : statements) {
        if (!createIndex(cache, statement)) {
            return false;
        }
    }
    Statement forget(cache, "DELETE FROM meta WHERE key = ?");
    if (!forget.bind(1, QByteArray(MetaKey)).run() || !transaction.commit()) {
        return false;
    }
    setCacheSize(cache, Cache::CacheSizeKib);
    qCInfo(lcCache) << "built" << statements.size() << "deferred indexes in" << timer.elapsed()
                    << "ms";
    return true;
}

} // namespace CivicDesk::DeferredIndexes
