// SqliteStore's audit log of staff reads of citizens' records (accessLog in
// docs/protocol.md).
#include "domain/ids.h"
#include "protocol/accesslog.h"
#include "store/sqlitestore.h"

#include <Poco/Logger.h>
#include <algorithm>

namespace civicdesk::server {

namespace {

Poco::Logger &auditLogger()
{
    return Poco::Logger::get("civicdesk.server.store");
}

} // namespace

std::vector<std::string> SqliteStore::recordAccess(
    const AccessScope &scope, const std::vector<protocol::AccessEntry> &entries)
{
    const std::string problem = protocol::accessLogProblem(protocol::AccessLog { {}, entries });
    if (!problem.empty()) {
        throw Poco::InvalidArgumentException("access log rejected: " + problem);
    }

    std::vector<std::string> storedIds;
    storedIds.reserve(entries.size());
    const std::string receivedAt = utcNowIso();
    std::lock_guard lock(m_mutex);
    inTransaction([&] {
        for (const protocol::AccessEntry &entry : entries) {
            insertAccessEntry(scope, entry, receivedAt);
            storedIds.push_back(entry.id);
        }
    });
    return storedIds;
}

void SqliteStore::insertAccessEntry(
    const AccessScope &scope, const protocol::AccessEntry &entry, const std::string &receivedAt)
{
    const bool inScope = recordInScope(scope, entry);
    const std::size_t inserted = m_sql.exec(
        "INSERT OR IGNORE INTO access_log (entry_id, user_id, entity, entity_id, reason, "
        "read_at, received_at, in_scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        { entry.id, scope.userId, entry.entity, entry.entityId, entry.reason, entry.readAt,
            receivedAt, std::int64_t { inScope ? 1 : 0 } });
    if (inserted == 0) {
        // A re-sent entry. The first copy stays, even when another user sends the id again.
        const auto rows =
            m_sql.query("SELECT user_id FROM access_log WHERE entry_id = ?", { entry.id });
        if (rows.empty()) {
            throw StoreException("access entry " + entry.id + " was neither stored nor found");
        }
        const std::string owner = rows.front().text("user_id");
        if (owner != scope.userId) {
            poco_warning(auditLogger(),
                "access entry " + entry.id + " sent by user " + scope.userId
                    + " is stored for user " + owner + "; the stored entry is kept");
        }
        return;
    }
    if (!inScope) {
        poco_information(auditLogger(),
            "user " + scope.userId + " read " + entry.entity + " " + entry.entityId
                + ", outside the user's scope now; recorded as entry " + entry.id);
    }
}

bool SqliteStore::recordInScope(const AccessScope &scope, const protocol::AccessEntry &entry)
{
    if (scope.everything) {
        return true;
    }
    const auto allowsTeam = [&scope](const std::string &teamId) {
        return std::find(scope.teamIds.begin(), scope.teamIds.end(), teamId) != scope.teamIds.end();
    };
    const char *sql = entry.entity == "case"
        ? "SELECT team_id FROM cases WHERE id = ?"
        : "SELECT DISTINCT team_id FROM cases WHERE party_id = ?";
    for (const SqlRow &row : m_sql.query(sql, { entry.entityId })) {
        if (allowsTeam(row.text("team_id"))) {
            return true;
        }
    }
    return false;
}

std::vector<StoredAccessEntry> SqliteStore::accessLogOf(const std::string &recordId)
{
    std::lock_guard lock(m_mutex);
    const auto rows = m_sql.query(
        "SELECT a.entry_id, a.user_id, COALESCE(u.username, '') AS username, a.entity, "
        "a.entity_id, a.reason, a.read_at, a.received_at, a.in_scope FROM access_log a "
        "LEFT JOIN users u ON u.id = a.user_id "
        "WHERE a.entity_id = ? OR a.entity_id IN (SELECT id FROM cases WHERE party_id = ?) "
        "ORDER BY a.read_at, a.entry_id",
        { recordId, recordId });
    std::vector<StoredAccessEntry> entries;
    entries.reserve(rows.size());
    for (const SqlRow &row : rows) {
        entries.push_back(StoredAccessEntry { row.text("entry_id"), row.text("user_id"),
            row.text("username"), row.text("entity"), row.text("entity_id"), row.text("reason"),
            row.text("read_at"), row.text("received_at"), row.integer("in_scope") != 0 });
    }
    return entries;
}

std::int64_t SqliteStore::purgeAccessLog(const std::string &receivedBefore, int batchRows)
{
    if (batchRows < 1) {
        throw Poco::InvalidArgumentException("purgeAccessLog needs a batch of at least 1 row");
    }
    std::int64_t deleted = 0;
    for (;;) {
        std::size_t removed = 0;
        {
            std::lock_guard lock(m_mutex);
            inTransaction([&] {
                removed = m_sql.exec(
                    "DELETE FROM access_log WHERE rowid IN (SELECT rowid FROM access_log "
                    "WHERE received_at < ? ORDER BY received_at LIMIT ?)",
                    { receivedBefore, std::int64_t { batchRows } });
            });
        }
        deleted += static_cast<std::int64_t>(removed);
        if (removed < static_cast<std::size_t>(batchRows)) {
            return deleted;
        }
    }
}

} // namespace civicdesk::server
