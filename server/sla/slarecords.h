#pragma once

#include "domain/records.h"
#include "sla/slaclock.h"

#include <optional>
#include <string>

namespace civicdesk::server {
class SqlSession;
class SqlRow;
}

namespace civicdesk::server::sla {

/**
 * Reads and writes the statutory clock in the store's tables through the store's session.
 * The caller holds the store's lock and, for writes, an open transaction.
 */
class SlaRecords
{
public:
    explicit SlaRecords(SqlSession &sql);

    /** Returns the category's targets, the "other" targets, or the built-in defaults. */
    SlaTargets targets(const std::string &categoryId);

    /** Returns the calendar of a team's service hours and a municipality's feast days. */
    WorkingCalendar calendar(const std::string &teamId, const std::string &municipalityId);

    /** Returns the stored clock of a case, or nothing when it was never started. */
    std::optional<SlaClock> readClock(const std::string &caseId);
    void writeClock(const std::string &caseId, const SlaClock &clock);

    /** Starts and stores the clock of a new case and copies it into the record. */
    void startCase(Case &kase);
    /** The clock a new case starts with, from its category's targets and its calendar. */
    SlaClock firstClock(const Case &kase);

    /**
     * Follows an edit of a case: a status change (next.slaPausedReason carries the requested
     * pause reason) and a staff interaction of interactionKind (empty: none). Copies the
     * clock into next.
     */
    void followEdit(const Case &before, Case &next, const std::string &interactionKind);

    /** Recomputes a case's due times from the current targets and calendar; true if changed. */
    bool recompute(Case &kase);

    /** Copies a clock into a case record. */
    static void copyToCase(const SlaClock &clock, Case &kase);

    /** Reads the clock columns of a cases row into a case record. */
    static void readIntoCase(const SqlRow &row, Case &kase);

private:
    SlaClock clockOrStart(const Case &kase);

    SqlSession &m_sql;
};

} // namespace civicdesk::server::sla
