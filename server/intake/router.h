#pragma once

#include "store/sqlitestore.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace civicdesk::server {

/** The team a case goes to and the rule that chose it, stored as the case's routeRule. */
struct RouteDecision
{
    std::string teamId;
    std::string rule;
};

/**
 * Chooses a case's team from the routing table. The most specific rule wins: category and
 * region, then category in any region, higher precedence first. A rule's team code is looked
 * up in the case's region. Without a match the region's triage team takes the case, and
 * without one the national triage team.
 */
class Router
{
public:
    Router(std::vector<RoutingRule> rules, std::vector<Team> teams);

    /** Returns the decision; throws Poco::NotFoundException when no triage team exists. */
    RouteDecision route(const std::string &categoryId, const std::string &regionId) const;

    /**
     * Sends a case to its region's triage team (else the national one) for reason, such as
     * "confidence 0.41 below threshold 0.50 for other"; the rule reads "<reason> → triage
     * <code>". Throws Poco::NotFoundException when no triage team exists.
     */
    RouteDecision routeToTriage(const std::string &regionId, const std::string &reason) const;

    const Team *team(const std::string &teamId) const;

private:
    const Team *resolve(const RoutingRule &rule, const std::string &regionId) const;
    const Team *triageTeam(const std::string &regionId) const;

    std::vector<RoutingRule> m_rules;
    std::vector<Team> m_teams;
    std::map<std::pair<std::string, std::string>, std::size_t> m_teamIndex; // (code, region)
};

} // namespace civicdesk::server
