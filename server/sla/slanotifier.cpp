// SqliteStore::raiseSlaNotifications: warnings and breaches of the statutory clock, raised
// once per case, kind and target (the update target once per update period), and only while
// the case's team is in service hours.
#include "domain/ids.h"
#include "sla/slarecords.h"
#include "store/sqlitestore.h"

namespace civicdesk::server {

namespace {

// A warning is due when this share of a target's working time has gone.
constexpr double WarningShare = 0.8;

struct TargetCheck
{
    const char *target;
    sla::UtcSeconds dueAt;
    double hours;
    std::string periodStart; // start of the update period, or empty for the other targets
};

// Lists the targets a clock owes now: the first response until it is made, then the next
// update, and the resolution throughout.
std::vector<TargetCheck> owedTargets(const sla::SlaClock &clock, const sla::SlaTargets &targets)
{
    std::vector<TargetCheck> checks;
    if (clock.firstResponseAt == 0) {
        checks.push_back(
            { "first_response", clock.firstResponseDueAt, targets.firstResponseHours, {} });
    } else if (clock.updateDueAt != 0) {
        checks.push_back({ "update", clock.updateDueAt, targets.updateHours,
            sla::formatUtc(clock.updatePeriodStart) });
    }
    checks.push_back({ "resolution", clock.resolutionDueAt, targets.resolutionHours, {} });
    return checks;
}

} // namespace

int SqliteStore::raiseSlaNotifications(sla::UtcSeconds now)
{
    int raised = 0;
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        sla::SlaRecords records(m_sql);
        const std::string createdAt = sla::formatUtc(now);
        const auto rows = m_sql.query("SELECT id FROM cases WHERE sla_state = 'running' "
                                      "AND status NOT IN ('resolved', 'closed')");
        for (const SqlRow &row : rows) {
            const auto stored = readCase(row.text("id"));
            const auto clock = records.readClock(row.text("id"));
            if (!stored || !clock) {
                continue;
            }
            const Case &kase = stored->kase;
            const sla::WorkingCalendar calendar = records.calendar(kase.teamId, kase.municipalityId);
            if (!calendar.isOpen(now)) {
                continue; // reminders wait until the team's service hours open
            }
            const sla::SlaTargets targets = records.targets(kase.categoryId);
            for (const TargetCheck &check : owedTargets(*clock, targets)) {
                if (now >= check.dueAt) {
                    // A breach makes the warning pointless, so the warning is marked as done.
                    raiseSlaNotification(*stored, "warning", check.target, check.periodStart, "");
                    raised += raiseSlaNotification(
                        *stored, "breach", check.target, check.periodStart, createdAt);
                    continue;
                }
                const double left =
                    static_cast<double>(calendar.workingSecondsBetween(now, check.dueAt));
                if (left <= (1.0 - WarningShare) * check.hours * 3600.0) {
                    raised += raiseSlaNotification(
                        *stored, "warning", check.target, check.periodStart, createdAt);
                }
            }
        }
    });
    lock.unlock();

    if (raised > 0) {
        notifyListener();
    }
    return raised;
}

bool SqliteStore::raiseSlaNotification(const StoredCase &stored, const std::string &kind,
    const std::string &target, const std::string &periodStart, const std::string &createdAt)
{
    // Recipients: the assignee and the team's supervisors, who all read the team's timeline.
    nlohmann::json recipients = nlohmann::json::array();
    if (!stored.kase.assigneeId.empty()) {
        recipients.push_back(stored.kase.assigneeId);
    }
    for (const SqlRow &row : m_sql.query("SELECT u.id FROM team_members m JOIN users u "
                                         "ON u.id = m.user_id WHERE m.team_id = ? "
                                         "AND u.role = 'supervisor' AND u.active = 1",
             { stored.kase.teamId })) {
        recipients.push_back(row.text("id"));
    }

    const bool silent = createdAt.empty();
    const std::string interactionId = silent ? std::string() : generateUuid();
    const std::size_t inserted =
        m_sql.exec("INSERT OR IGNORE INTO sla_notifications (case_id, kind, target, "
                   "period_start, recipients, interaction_id, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
            { stored.kase.id, kind, target, periodStart, recipients.dump(),
                textOrNull(interactionId), silent ? utcNowIso() : createdAt });
    if (inserted == 0 || silent) {
        return false;
    }

    const Interaction notification { interactionId, stored.kase.partyId, stored.kase.id,
        "notification", "internal", "sla." + kind + " " + target, "", createdAt };
    insertInteraction(notification);
    logInteraction(notification, stored.kase.teamId);
    return true;
}

} // namespace civicdesk::server
