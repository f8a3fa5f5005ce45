#pragma once

#include <Poco/Timer.h>
#include <cstdint>
#include <memory>

namespace civicdesk::server {

class SqliteStore;

namespace sla {

/**
 * Raises the statutory clock's warnings and breaches every interval (one minute by default)
 * on a Poco::Timer thread, and at most once an hour scores the open cases again. Store
 * failures are logged; the next tick raises again, and scoring is retried an hour later.
 */
class SlaScheduler
{
public:
    explicit SlaScheduler(SqliteStore &store, long intervalMilliseconds = 60000);
    ~SlaScheduler();

    void start();
    void stop();

private:
    static constexpr std::int64_t RescoreIntervalSeconds = 3600;

    void onTimer(Poco::Timer &timer);
    void rescoreIfDue(std::int64_t now);

    SqliteStore &m_store;
    Poco::Timer m_timer;
    bool m_started = false;
    std::int64_t m_lastRescore = 0; // seconds since 1970 UTC; 0 before the first
};

} // namespace sla
} // namespace civicdesk::server
