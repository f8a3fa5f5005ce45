// SqliteStore members of the statutory clock: recomputing due times when targets or
// calendars change. Every changed case gets a new version and a change-log row.
#include "sla/slarecords.h"
#include "store/sqlitestore.h"

#include <Poco/Exception.h>
#include <cmath>

namespace civicdesk::server {

namespace {

void requirePositiveHours(double hours, const char *field)
{
    if (!std::isfinite(hours) || hours <= 0 || hours > 24 * 365) {
        throw Poco::InvalidArgumentException(
            std::string(field) + " must be a number of working hours above 0");
    }
}

} // namespace

int SqliteStore::recomputeSla()
{
    int changed = 0;
    std::unique_lock lock(m_mutex);
    inTransaction([&] { changed = recomputeSlaLocked(); });
    lock.unlock();

    if (changed > 0) {
        notifyListener();
    }
    return changed;
}

int SqliteStore::recomputeSlaLocked()
{
    int changed = 0;
    sla::SlaRecords records(m_sql);
    const auto rows = m_sql.query(
        "SELECT id FROM cases WHERE status NOT IN ('resolved', 'closed') ORDER BY created_at");
    for (const SqlRow &row : rows) {
        auto stored = readCase(row.text("id"));
        if (!stored || !records.recompute(stored->kase)) {
            continue;
        }
        const std::int64_t version = stored->version + 1;
        m_sql.exec("UPDATE cases SET version = ? WHERE id = ?", { version, stored->kase.id });
        logCase(stored->kase, version);
        ++changed;
    }
    return changed;
}

void SqliteStore::setSlaTargets(const sla::SlaTargets &targets)
{
    requirePositiveHours(targets.firstResponseHours, "firstResponseHours");
    requirePositiveHours(targets.updateHours, "updateHours");
    requirePositiveHours(targets.resolutionHours, "resolutionHours");
    bool known = false;
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        known = m_sql.scalar("SELECT COUNT(*) AS n FROM categories WHERE id = ?",
                    { targets.categoryId })
            > 0;
        if (!known) {
            return;
        }
        m_sql.exec("INSERT OR REPLACE INTO sla_targets VALUES (?, ?, ?, ?)",
            { targets.categoryId, targets.firstResponseHours, targets.updateHours,
                targets.resolutionHours });
        recomputeSlaLocked();
    });
    lock.unlock();

    if (!known) {
        throw Poco::InvalidArgumentException("categoryId \"" + targets.categoryId
            + "\" is not a category");
    }
    notifyListener();
}

void SqliteStore::setTeamServiceHours(const std::string &teamId, const sla::ServiceHours &hours)
{
    if (hours.openMinute < 0 || hours.closeMinute > 24 * 60
        || hours.openMinute >= hours.closeMinute) {
        throw Poco::InvalidArgumentException(
            "openMinute and closeMinute must be minutes of the day with open before close");
    }
    if (hours.daysText() == "0000000") {
        throw Poco::InvalidArgumentException("days must include at least one working day");
    }
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        m_sql.exec("INSERT OR REPLACE INTO team_service_hours VALUES (?, ?, ?, ?)",
            { teamId, hours.daysText(), std::int64_t { hours.openMinute },
                std::int64_t { hours.closeMinute } });
        recomputeSlaLocked();
    });
    lock.unlock();
    notifyListener();
}

void SqliteStore::addMunicipalityHoliday(
    const std::string &municipalityId, const sla::LocalHoliday &day)
{
    const sla::Date date { std::chrono::year(2024) / std::chrono::month(day.month)
        / std::chrono::day(day.day) };
    if (day.month < 1 || day.day < 1 || !date.ok()) {
        throw Poco::InvalidArgumentException("month and day must name a day of the year");
    }
    if (day.nameEl.empty() || day.nameEn.empty()) {
        throw Poco::InvalidArgumentException("nameEl and nameEn must not be empty");
    }
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        m_sql.exec("INSERT OR REPLACE INTO municipality_holidays VALUES (?, ?, ?, ?, ?)",
            { municipalityId, std::int64_t { day.month }, std::int64_t { day.day }, day.nameEl,
                day.nameEn });
        recomputeSlaLocked();
    });
    lock.unlock();
    notifyListener();
}

} // namespace civicdesk::server
