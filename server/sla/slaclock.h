#pragma once

#include "sla/calendar.h"

#include <string>

/**
 * The statutory clock of one case: targets in working hours, due times, pauses and the first
 * staff reply. Pure logic; sla/slarecords.h reads and writes it in the store.
 */
namespace civicdesk::server::sla {

/** Working-hour targets of a category. */
struct SlaTargets
{
    std::string categoryId;
    double firstResponseHours = 16;
    double updateHours = 40;
    double resolutionHours = 160;
};

inline constexpr const char *StateRunning = "running";
inline constexpr const char *StatePaused = "paused";
inline constexpr const char *StateStopped = "stopped";
inline constexpr const char *ReasonWaitingForCitizen = "waiting_for_citizen";
inline constexpr const char *ReasonReferred = "referred";

/**
 * A case's clock. pausedSeconds is the working time spent paused in earlier pauses; it
 * moves the resolution due time. Instants are 0 when unset.
 *
 * The update clock starts after the first response: each staff reply, and reopening a
 * resolved case, starts a new update period at updatePeriodStart. updatePausedSeconds is the
 * working time paused within that period, and it moves updateDueAt as pausedSeconds moves
 * the resolution due time. updateDueAt is 0 before the first response and while stopped, so
 * it never replaces the first-response due time.
 */
struct SlaClock
{
    std::string state = StateRunning;
    std::string pausedReason;
    UtcSeconds createdAt = 0;
    UtcSeconds pausedSince = 0;
    std::int64_t pausedSeconds = 0;
    UtcSeconds firstResponseDueAt = 0;
    UtcSeconds firstResponseAt = 0;
    UtcSeconds resolutionDueAt = 0;
    UtcSeconds updatePeriodStart = 0;
    std::int64_t updatePausedSeconds = 0;
    UtcSeconds updateDueAt = 0;
};

/** Returns whether a pause reason is one of waiting_for_citizen and referred. */
bool isPauseReason(const std::string &reason);

/** Returns whether an interaction kind made by staff counts as a reply to the citizen. */
bool isStaffReplyKind(const std::string &kind);

/** Starts the clock of a case created at createdAt with status; pauses or stops as needed. */
SlaClock startClock(UtcSeconds createdAt, const std::string &status, const SlaTargets &targets,
    const WorkingCalendar &calendar);

/**
 * Sets the first-response, resolution and update due times from the creation time, the
 * update period's start, the targets and the time spent paused.
 */
void computeDueTimes(SlaClock &clock, const SlaTargets &targets, const WorkingCalendar &calendar);

/**
 * Follows a status change at now: "waiting" pauses (reason, default waiting_for_citizen),
 * "resolved" and "closed" stop, any other status runs, ending a pause. Leaving a stop after
 * the first response starts a new update period at now.
 */
void applyStatus(SlaClock &clock, const std::string &status, const std::string &reason,
    UtcSeconds now, const SlaTargets &targets, const WorkingCalendar &calendar);

/**
 * Records a staff interaction made at the instant at. A reply through any channel
 * (isStaffReplyKind) meets the first response if none was made and, unless the clock is
 * stopped, starts a new update period.
 */
void recordInteraction(SlaClock &clock, const std::string &kind, UtcSeconds at,
    const SlaTargets &targets, const WorkingCalendar &calendar);

} // namespace civicdesk::server::sla
