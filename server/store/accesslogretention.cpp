#include "store/accesslogretention.h"

#include "sla/calendar.h"
#include "store/sqlitestore.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <chrono>
#include <string>

namespace civicdesk::server {

namespace {

Poco::Logger &retentionLogger()
{
    return Poco::Logger::get("civicdesk.server.store");
}

constexpr std::int64_t SecondsPerDay = 24 * 3600;

} // namespace

AccessLogRetention::AccessLogRetention(
    SqliteStore &store, int retentionDays, long intervalMilliseconds)
    : m_store(store)
    , m_retentionDays(retentionDays)
    , m_timer(0, intervalMilliseconds)
{
    if (retentionDays < 1) {
        throw Poco::InvalidArgumentException(
            "audit.retentionDays must be at least 1, not " + std::to_string(retentionDays));
    }
}

AccessLogRetention::~AccessLogRetention()
{
    stop();
}

void AccessLogRetention::start()
{
    if (!m_started) {
        m_timer.start(Poco::TimerCallback<AccessLogRetention>(*this, &AccessLogRetention::onTimer));
        m_started = true;
    }
}

void AccessLogRetention::stop()
{
    if (m_started) {
        m_timer.stop();
        m_started = false;
    }
}

std::int64_t AccessLogRetention::purgeDue(std::int64_t now)
{
    const std::string cutoff = sla::formatUtc(now - m_retentionDays * SecondsPerDay);
    const std::int64_t deleted = m_store.purgeAccessLog(cutoff);
    if (deleted > 0) {
        retentionLogger().information(
            "Deleted %Ld access log entries received before %s (retention %d days)", deleted,
            cutoff, m_retentionDays);
    }
    return deleted;
}

void AccessLogRetention::onTimer(Poco::Timer &)
{
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch())
                         .count();
    try {
        purgeDue(now);
    } catch (const Poco::Exception &error) {
        retentionLogger().error("Applying the access log's retention failed: %s",
            error.displayText());
    }
}

} // namespace civicdesk::server
