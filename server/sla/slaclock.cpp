#include "sla/slaclock.h"

#include <algorithm>
#include <cmath>

namespace civicdesk::server::sla {

namespace {

std::int64_t hoursToSeconds(double hours)
{
    return static_cast<std::int64_t>(std::llround(hours * 3600.0));
}

bool stopsClock(const std::string &status)
{
    return status == "resolved" || status == "closed";
}

} // namespace

bool isPauseReason(const std::string &reason)
{
    return reason == ReasonWaitingForCitizen || reason == ReasonReferred;
}

bool isStaffReplyKind(const std::string &kind)
{
    static const char *const kinds[] = { "note", "call", "email", "chat", "visit" };
    return std::any_of(std::begin(kinds), std::end(kinds), [&](const char *k) { return kind == k; });
}

SlaClock startClock(UtcSeconds createdAt, const std::string &status, const SlaTargets &targets,
    const WorkingCalendar &calendar)
{
    SlaClock clock;
    clock.createdAt = createdAt;
    computeDueTimes(clock, targets, calendar);
    if (status == "waiting") {
        clock.state = StatePaused;
        clock.pausedReason = ReasonWaitingForCitizen;
        clock.pausedSince = createdAt;
    } else if (stopsClock(status)) {
        clock.state = StateStopped;
    }
    return clock;
}

void computeDueTimes(SlaClock &clock, const SlaTargets &targets, const WorkingCalendar &calendar)
{
    // The first response is owed whatever the case waits for; later update targets never
    // replace it.
    clock.firstResponseDueAt =
        calendar.addWorkingSeconds(clock.createdAt, hoursToSeconds(targets.firstResponseHours));
    clock.resolutionDueAt = calendar.addWorkingSeconds(
        clock.createdAt, hoursToSeconds(targets.resolutionHours) + clock.pausedSeconds);
}

void applyStatus(SlaClock &clock, const std::string &status, const std::string &reason,
    UtcSeconds now, const SlaTargets &targets, const WorkingCalendar &calendar)
{
    if (clock.state == StatePaused && status != "waiting") {
        clock.pausedSeconds += calendar.workingSecondsBetween(clock.pausedSince, now);
        clock.pausedSince = 0;
        clock.pausedReason.clear();
        computeDueTimes(clock, targets, calendar);
    }

    if (stopsClock(status)) {
        clock.state = StateStopped;
    } else if (status == "waiting") {
        const std::string nextReason = reason.empty() ? ReasonWaitingForCitizen : reason;
        if (clock.state != StatePaused) {
            clock.pausedSince = now;
        }
        clock.state = StatePaused;
        clock.pausedReason = nextReason;
    } else {
        clock.state = StateRunning;
    }
}

void recordInteraction(SlaClock &clock, const std::string &kind, UtcSeconds at)
{
    if (clock.firstResponseAt == 0 && isStaffReplyKind(kind)) {
        clock.firstResponseAt = at;
    }
}

} // namespace civicdesk::server::sla
