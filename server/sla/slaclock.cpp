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

void computeUpdateDue(SlaClock &clock, const SlaTargets &targets, const WorkingCalendar &calendar)
{
    if (clock.updatePeriodStart == 0 || clock.state == StateStopped) {
        clock.updateDueAt = 0;
        return;
    }
    clock.updateDueAt = calendar.addWorkingSeconds(
        clock.updatePeriodStart, hoursToSeconds(targets.updateHours) + clock.updatePausedSeconds);
}

void startUpdatePeriod(
    SlaClock &clock, UtcSeconds at, const SlaTargets &targets, const WorkingCalendar &calendar)
{
    clock.updatePeriodStart = at;
    clock.updatePausedSeconds = 0;
    computeUpdateDue(clock, targets, calendar);
}

// Ends a pause at now: the working time paused moves the resolution due time, and the part
// inside the current update period moves the update due time.
void endPause(
    SlaClock &clock, UtcSeconds now, const SlaTargets &targets, const WorkingCalendar &calendar)
{
    clock.pausedSeconds += calendar.workingSecondsBetween(clock.pausedSince, now);
    if (clock.updatePeriodStart != 0) {
        const UtcSeconds from = std::max(clock.pausedSince, clock.updatePeriodStart);
        clock.updatePausedSeconds += calendar.workingSecondsBetween(from, now);
    }
    clock.pausedSince = 0;
    clock.pausedReason.clear();
    computeDueTimes(clock, targets, calendar);
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
    computeUpdateDue(clock, targets, calendar);
}

void applyStatus(SlaClock &clock, const std::string &status, const std::string &reason,
    UtcSeconds now, const SlaTargets &targets, const WorkingCalendar &calendar)
{
    if (clock.state == StatePaused && status != "waiting") {
        endPause(clock, now, targets, calendar);
    }

    const bool reopened = clock.state == StateStopped && !stopsClock(status);
    if (stopsClock(status)) {
        clock.state = StateStopped;
        clock.updateDueAt = 0;
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

    // A reopened case owes the citizen an update counted from the reopening.
    if (reopened && clock.firstResponseAt != 0) {
        startUpdatePeriod(clock, now, targets, calendar);
    }
}

void recordInteraction(SlaClock &clock, const std::string &kind, UtcSeconds at,
    const SlaTargets &targets, const WorkingCalendar &calendar)
{
    if (!isStaffReplyKind(kind)) {
        return;
    }
    if (clock.firstResponseAt == 0) {
        clock.firstResponseAt = at;
    }
    if (clock.state != StateStopped) {
        startUpdatePeriod(clock, at, targets, calendar);
    }
}

} // namespace civicdesk::server::sla
