#pragma once

#include <Poco/Timer.h>
#include <memory>

namespace civicdesk::server {

class SqliteStore;

namespace sla {

/**
 * Raises the statutory clock's warnings and breaches every interval (one minute by default)
 * on a Poco::Timer thread. Store failures are logged and the next tick tries again.
 */
class SlaScheduler
{
public:
    explicit SlaScheduler(SqliteStore &store, long intervalMilliseconds = 60000);
    ~SlaScheduler();

    void start();
    void stop();

private:
    void onTimer(Poco::Timer &timer);

    SqliteStore &m_store;
    Poco::Timer m_timer;
    bool m_started = false;
};

} // namespace sla
} // namespace civicdesk::server
