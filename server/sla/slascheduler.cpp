#include "sla/slascheduler.h"

#include "store/sqlitestore.h"

#include <Poco/Logger.h>
#include <chrono>

namespace civicdesk::server::sla {

namespace {

Poco::Logger &schedulerLogger()
{
    return Poco::Logger::get("civicdesk.server.sla");
}

} // namespace

SlaScheduler::SlaScheduler(SqliteStore &store, long intervalMilliseconds)
    : m_store(store)
    , m_timer(0, intervalMilliseconds)
{
}

SlaScheduler::~SlaScheduler()
{
    stop();
}

void SlaScheduler::start()
{
    if (!m_started) {
        m_timer.start(Poco::TimerCallback<SlaScheduler>(*this, &SlaScheduler::onTimer));
        m_started = true;
    }
}

void SlaScheduler::stop()
{
    if (m_started) {
        m_timer.stop();
        m_started = false;
    }
}

void SlaScheduler::onTimer(Poco::Timer &)
{
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch())
                         .count();
    try {
        const int raised = m_store.raiseSlaNotifications(now);
        if (raised > 0) {
            schedulerLogger().information("Raised %d statutory clock notifications", raised);
        }
    } catch (const Poco::Exception &error) {
        schedulerLogger().error("Statutory clock check failed: %s", error.displayText());
    }
    rescoreIfDue(now);
}

void SlaScheduler::rescoreIfDue(std::int64_t now)
{
    // timeOpen and slaTimeLeft grow with time, so open cases are scored again hourly (and on
    // the first tick, which catches up after the server was down).
    if (m_lastRescore != 0 && now - m_lastRescore < RescoreIntervalSeconds) {
        return;
    }
    m_lastRescore = now;
    try {
        const int logged = m_store.rescoreOpenCases(now, 0.01);
        schedulerLogger().information("Scored open cases again; %d moved by 0.01 or more", logged);
    } catch (const Poco::Exception &error) {
        schedulerLogger().error("Scoring open cases again failed: %s", error.displayText());
    }
}

} // namespace civicdesk::server::sla
