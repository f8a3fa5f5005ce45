#include "sla/slarecords.h"

#include "domain/ids.h"
#include "store/sqlsession.h"

namespace civicdesk::server::sla {

namespace {

SqlValue timeOrNull(UtcSeconds instant)
{
    return instant == 0 ? SqlValue {} : SqlValue { formatUtc(instant) };
}

UtcSeconds timeOf(const SqlRow &row, const std::string &column)
{
    return row.isNull(column) ? 0 : parseUtc(row.text(column)).value_or(0);
}

UtcSeconds timeOrNow(const std::string &text)
{
    if (const auto parsed = parseUtc(text)) {
        return *parsed;
    }
    return parseUtc(utcNowIso()).value_or(0);
}

} // namespace

SlaRecords::SlaRecords(SqlSession &sql)
    : m_sql(sql)
{
}

SlaTargets SlaRecords::targets(const std::string &categoryId)
{
    const auto rows = m_sql.query("SELECT * FROM sla_targets WHERE category_id IN (?, 'other') "
                                  "ORDER BY category_id = 'other'",
        { categoryId });
    SlaTargets targets;
    targets.categoryId = categoryId;
    if (!rows.empty()) {
        targets.firstResponseHours = rows.front().real("first_response_hours");
        targets.updateHours = rows.front().real("update_hours");
        targets.resolutionHours = rows.front().real("resolution_hours");
    }
    return targets;
}

WorkingCalendar SlaRecords::calendar(const std::string &teamId, const std::string &municipalityId)
{
    ServiceHours hours;
    const auto hourRows =
        m_sql.query("SELECT * FROM team_service_hours WHERE team_id = ?", { teamId });
    if (!hourRows.empty()) {
        const SqlRow &row = hourRows.front();
        hours.days = ServiceHours::parseDays(row.text("days")).value_or(hours.days);
        hours.openMinute = static_cast<int>(row.integer("open_minute"));
        hours.closeMinute = static_cast<int>(row.integer("close_minute"));
    }

    std::vector<LocalHoliday> holidays;
    for (const SqlRow &row :
        m_sql.query("SELECT * FROM municipality_holidays WHERE municipality_id = ?",
            { municipalityId })) {
        holidays.push_back({ static_cast<int>(row.integer("month")),
            static_cast<int>(row.integer("day")), row.text("name_el"), row.text("name_en") });
    }
    return WorkingCalendar(hours, std::move(holidays));
}

std::optional<SlaClock> SlaRecords::readClock(const std::string &caseId)
{
    const auto rows = m_sql.query("SELECT * FROM cases WHERE id = ?", { caseId });
    if (rows.empty() || rows.front().isNull("resolution_due_at")) {
        return std::nullopt;
    }
    const SqlRow &row = rows.front();
    SlaClock clock;
    clock.state = row.text("sla_state");
    clock.pausedReason = row.text("sla_paused_reason");
    clock.createdAt = timeOrNow(row.text("created_at"));
    clock.pausedSince = timeOf(row, "sla_paused_since");
    clock.pausedSeconds = row.integer("sla_paused_seconds");
    clock.firstResponseDueAt = timeOf(row, "first_response_due_at");
    clock.firstResponseAt = timeOf(row, "first_response_at");
    clock.resolutionDueAt = timeOf(row, "resolution_due_at");
    clock.updatePeriodStart = timeOf(row, "sla_update_period_start");
    clock.updatePausedSeconds = row.integer("sla_update_paused_seconds");
    clock.updateDueAt = timeOf(row, "update_due_at");
    return clock;
}

void SlaRecords::writeClock(const std::string &caseId, const SlaClock &clock)
{
    m_sql.exec("UPDATE cases SET first_response_due_at = ?, first_response_at = ?, "
               "resolution_due_at = ?, sla_state = ?, sla_paused_reason = ?, "
               "sla_paused_since = ?, sla_paused_seconds = ?, update_due_at = ?, "
               "sla_update_period_start = ?, sla_update_paused_seconds = ? WHERE id = ?",
        { timeOrNull(clock.firstResponseDueAt), timeOrNull(clock.firstResponseAt),
            timeOrNull(clock.resolutionDueAt), clock.state, textOrNull(clock.pausedReason),
            timeOrNull(clock.pausedSince), clock.pausedSeconds, timeOrNull(clock.updateDueAt),
            timeOrNull(clock.updatePeriodStart), clock.updatePausedSeconds, caseId });
}

SlaClock SlaRecords::clockOrStart(const Case &kase)
{
    if (auto stored = readClock(kase.id)) {
        return *stored;
    }
    return startClock(timeOrNow(kase.createdAt), kase.status, targets(kase.categoryId),
        calendar(kase.teamId, kase.municipalityId));
}

SlaClock SlaRecords::firstClock(const Case &kase)
{
    return startClock(timeOrNow(kase.createdAt), kase.status, targets(kase.categoryId),
        calendar(kase.teamId, kase.municipalityId));
}

void SlaRecords::startCase(Case &kase)
{
    const SlaClock clock = firstClock(kase);
    writeClock(kase.id, clock);
    copyToCase(clock, kase);
}

void SlaRecords::followEdit(const Case &before, Case &next, const std::string &interactionKind)
{
    SlaClock clock = clockOrStart(before);
    const UtcSeconds now = timeOrNow(next.updatedAt);
    const SlaTargets nextTargets = targets(next.categoryId);
    const WorkingCalendar nextCalendar = calendar(next.teamId, next.municipalityId);
    if (next.status != before.status) {
        applyStatus(clock, next.status, next.slaPausedReason, now, nextTargets, nextCalendar);
    }
    if (!interactionKind.empty()) {
        recordInteraction(clock, interactionKind, now, nextTargets, nextCalendar);
    }
    writeClock(next.id, clock);
    copyToCase(clock, next);
}

bool SlaRecords::recompute(Case &kase)
{
    SlaClock clock = clockOrStart(kase);
    const SlaClock before = clock;
    computeDueTimes(clock, targets(kase.categoryId), calendar(kase.teamId, kase.municipalityId));
    const bool changed = !readClock(kase.id) || clock.firstResponseDueAt != before.firstResponseDueAt
        || clock.resolutionDueAt != before.resolutionDueAt
        || clock.updateDueAt != before.updateDueAt;
    if (changed) {
        writeClock(kase.id, clock);
        copyToCase(clock, kase);
    }
    return changed;
}

void SlaRecords::copyToCase(const SlaClock &clock, Case &kase)
{
    kase.dueAt = clock.resolutionDueAt == 0 ? std::string() : formatUtc(clock.resolutionDueAt);
    kase.firstResponseDueAt =
        clock.firstResponseDueAt == 0 ? std::string() : formatUtc(clock.firstResponseDueAt);
    kase.firstResponseAt =
        clock.firstResponseAt == 0 ? std::string() : formatUtc(clock.firstResponseAt);
    kase.updateDueAt = clock.updateDueAt == 0 ? std::string() : formatUtc(clock.updateDueAt);
    kase.slaState = clock.state;
    kase.slaPausedReason = clock.pausedReason;
}

void SlaRecords::readIntoCase(const SqlRow &row, Case &kase)
{
    kase.dueAt = row.text("resolution_due_at");
    kase.firstResponseDueAt = row.text("first_response_due_at");
    kase.firstResponseAt = row.text("first_response_at");
    kase.updateDueAt = row.text("update_due_at");
    kase.slaState = row.isNull("resolution_due_at") ? std::string() : row.text("sla_state");
    kase.slaPausedReason = row.text("sla_paused_reason");
}

} // namespace civicdesk::server::sla
