#pragma once

#include "protocol/messages.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace CivicDesk {

class Cache;
class Statement;

/**
 * Writes server changes into the cache. One page of changes and the new cursor go in one
 * transaction, so a crash never leaves the cursor past unwritten data. Changes at or below
 * the stored cursor are ignored. A purged case takes its interactions with it, and its
 * queued edits become rejected with mutation.forbidden.
 */
class ChangeApplier
{
public:
    struct Result
    {
        bool ok = false;
        int applied = 0;
        int ignored = 0;
        QStringList entities; // entity kinds touched, such as "case"
        QStringList rejectedCaseIds; // cases whose queued edits a purge rejected
    };

    static constexpr const char *CursorKey = "cursor";

    ChangeApplier(Cache &cache, const QString &userId); // cache not owned
    ~ChangeApplier();
    ChangeApplier(const ChangeApplier &) = delete;
    ChangeApplier &operator=(const ChangeApplier &) = delete;

    Result apply(const std::vector<civicdesk::protocol::Change> &changes, qint64 newCursor);
    /** The same as apply, inside the caller's transaction. */
    Result write(const std::vector<civicdesk::protocol::Change> &changes, qint64 newCursor);

    /** Stores a case as the server has it, then re-applies the edits still pending for it.
     *  Runs inside the caller's transaction. */
    bool storeCase(const nlohmann::json &record, qint64 version);

    /** Stores a record of a reference entity (anything but case, party and interaction,
     *  such as routingRule) as the server sent it with a reject, after checking it like a
     *  change. An invalid record is skipped with a warning. Returns false only when the
     *  write failed. Runs inside the caller's transaction. */
    bool storeServerRecord(const std::string &entity, const std::string &id,
        const nlohmann::json &record, qint64 version);

    /** Maps a protocol entity name to its table; empty for an unknown entity. */
    static const char *tableOf(const std::string &entity);

private:
    bool applyOne(
        const civicdesk::protocol::Change &change, bool caseEditsPending, Result &result);
    bool upsert(const civicdesk::protocol::Change &change, bool caseEditsPending);
    bool purge(const civicdesk::protocol::Change &change, Result &result);
    /** Sets pending to whether the outbox has any pending case edit; false when the
     *  outbox cannot be read. */
    bool hasPendingCaseEdits(bool *pending);
    /** Sets edited to a copy of record with the pending edits of case id applied, and
     *  leaves it empty when the case has none. False when the outbox cannot be read. */
    bool applyPendingEdits(const nlohmann::json &record, std::string_view id,
        std::optional<nlohmann::json> *edited);
    /** Stores a case; caseEditsPending false skips the outbox lookup. */
    bool storeCase(const nlohmann::json &record, qint64 version, bool caseEditsPending);
    bool storeParty(const nlohmann::json &record, qint64 version);
    bool storeInteraction(const nlohmann::json &record, qint64 version);
    bool storeReference(
        const char *table, const std::string &id, const nlohmann::json &record, qint64 version);

    /**
     * Inserts a row, or updates it when a row with its id exists. Both statements number
     * their parameters alike (?1 is the id), so bindRow binds either. INSERT OR REPLACE
     * would make SQLite write each changed page to a statement journal, which SQLCipher
     * encrypts, and that took most of the first sync's CPU time under callgrind. The two
     * are equivalent because the synced tables have no unique key but id.
     */
    bool writeRow(const std::string &insertSql, const std::string &updateSql,
        const std::function<void(Statement &)> &bindRow);
    /** Returns the statement for sql, prepared on first use and reset for new bindings. */
    Statement &prepared(const std::string &sql);

    Cache &m_cache;
    std::string m_userId;
    // Preparing costs more than running these short statements, and a page of changes runs
    // the same few statements hundreds of times, so each applier prepares each SQL text once.
    std::map<std::string, std::unique_ptr<Statement>> m_statements;
};

} // namespace CivicDesk
