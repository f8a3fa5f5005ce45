#pragma once

#include "protocol/messages.h"

#include <QString>
#include <vector>

namespace CivicDesk {

class Cache;

/**
 * The signed-in user's reads of citizens' records that wait in the cache's access_log for
 * upload (accessLog in docs/protocol.md). Entries of other users of the same cache wait for
 * those users' own sessions, because the server records every entry for the connection's
 * user.
 */
class AccessLogQueue
{
public:
    /** Uploaded entries are deleted from the cache after this many days. */
    static constexpr int RetentionDays = 30;

    AccessLogQueue(Cache &cache, const QString &userId); // cache not owned

    /**
     * Returns up to limit waiting entries, oldest first. An entry that fails the protocol's
     * checks is marked unsendable (uploaded = 2) with a warning and left out, so it does not
     * hold back the entries after it.
     */
    std::vector<civicdesk::protocol::AccessEntry> nextPage(int limit);

    /**
     * Marks the acknowledged entries uploaded and deletes uploaded entries older than
     * RetentionDays, in one transaction. Returns false when the write failed; the entries
     * then stay waiting and are sent again, which the server stores once.
     */
    bool markUploaded(const std::vector<std::string> &entryIds);

    /** Returns how many of the user's entries wait for upload, or -1 on a failed read. */
    int waitingCount() const;

private:
    bool markUnsendable(const QString &entryId);

    Cache &m_cache;
    QString m_userId;
};

} // namespace CivicDesk
