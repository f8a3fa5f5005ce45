#pragma once

#include "store/sqlitestore.h"

#include <string>
#include <vector>

namespace civicdesk::server {

/** The agent a new case goes to, empty for the team queue, and why, in English. */
struct Assignment
{
    std::string assigneeId;
    std::string reason; // stored as Case::assignmentReason; the client translates it
};

/**
 * Assignment inside a team after routing. A team in "claim" mode keeps new cases in its
 * queue. A team in "push" mode gives the case to the agent who speaks its language, handles
 * its category (an empty skill list handles all) and has fewer open cases than their
 * capacity (0: no limit): the one with the fewest open cases, ties by username. The reason is
 * exactly one of
 *   "assigned to <username>: fewest open cases (<n> of <capacity|no limit>) among <k>
 *    agents who speak <language> and handle <categoryId>" (k counts those agents whether or
 *    not they are under capacity),
 *   "team queue: the team works by claiming",
 *   "team queue: no agent speaks <language>, handles <categoryId> and is under capacity".
 * members are the team's active members with their loads (SqliteStore::teamMemberLoads);
 * only role agent is considered. Pure function, thread-safe.
 */
Assignment assignCase(const Team &team, const std::string &language, const std::string &categoryId,
    const std::vector<TeamMemberLoad> &members);

} // namespace civicdesk::server
