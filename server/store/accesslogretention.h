#pragma once

#include <Poco/Timer.h>
#include <cstdint>

namespace civicdesk::server {

class SqliteStore;

/**
 * Applies the retention period of the access log (who read which citizen's record, when and
 * why): on a Poco::Timer thread, at start and then every interval, it deletes the entries the
 * server received more than retentionDays ago. Counting from the server's receipt, not the
 * client's read time, keeps a client with a wrong clock from having entries deleted early.
 * Store failures are logged and retried at the next interval.
 */
class AccessLogRetention
{
public:
    /** Throws Poco::InvalidArgumentException unless retentionDays is at least 1. */
    AccessLogRetention(SqliteStore &store, int retentionDays,
        long intervalMilliseconds = 3600 * 1000);
    ~AccessLogRetention();
    AccessLogRetention(const AccessLogRetention &) = delete;
    AccessLogRetention &operator=(const AccessLogRetention &) = delete;

    void start();
    void stop();

    /** Deletes what is due at now (seconds since 1970 UTC); returns how many entries. */
    std::int64_t purgeDue(std::int64_t now);

    // NOTE: a default of our choosing, not a legal figure. Two years lets a citizen who
    // requests access once a year see every consultation since the previous request.
    static constexpr int DefaultRetentionDays = 730;

private:
    void onTimer(Poco::Timer &timer);

    SqliteStore &m_store;
    int m_retentionDays;
    Poco::Timer m_timer;
    bool m_started = false;
};

} // namespace civicdesk::server
