#pragma once

#include "protocol/messages.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace CivicDesk {

class Cache;

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

    Result apply(const std::vector<civicdesk::protocol::Change> &changes, qint64 newCursor);

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
    bool applyOne(const civicdesk::protocol::Change &change, Result &result);
    bool upsert(const civicdesk::protocol::Change &change);
    bool purge(const civicdesk::protocol::Change &change, Result &result);
    bool storeParty(const nlohmann::json &record, qint64 version);
    bool storeInteraction(const nlohmann::json &record, qint64 version);
    bool storeReference(
        const char *table, const std::string &id, const nlohmann::json &record, qint64 version);

    Cache &m_cache;
    std::string m_userId;
};

} // namespace CivicDesk
