#pragma once

#include "domain/records.h"

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

/** The facts of a case that routing uses: category, subcategory, place and creation time. */
struct RouteRequest
{
    std::string categoryId;
    std::string subcategoryId; // empty when not known
    std::string regionId;
    std::string unitId; // the municipality's regional unit
    std::string municipalityId; // YPES code
    std::string createdAt; // ISO 8601 UTC; rules in force at this time apply
};

/**
 * Chooses a case's team from the routing table (docs/protocol.md, routingRule). A rule
 * applies when it is not retired, in force at the case's creation time, of the case's
 * category, of no subcategory or the case's, and its area contains the case. Among those the
 * most specific area wins (municipality, regional unit, region, any), then a rule with a
 * subcategory, then the higher precedence, then the lower id. A rule's team code is looked up
 * in the case's region; a rule whose team cannot be found is passed over. Without a rule the
 * region's triage team takes the case, and without one the national triage team. Immutable,
 * so one instance may serve many threads.
 */
class Router
{
public:
    Router(std::vector<RoutingRuleRecord> rules, std::vector<Team> teams);

    /**
     * Returns the team and the English explanation, one of "rule <8 hex>: <category>[/<sub>]
     * in any area → <code>", "rule <8 hex>: <category>[/<sub>] in <level> <areaId> → <code>",
     * "no rule for <category> in region <id> → region triage <code>" or "no rule or region
     * team for <category> in region <id|(none)> → national triage <code>". Throws
     * Poco::NotFoundException when no triage team exists.
     */
    RouteDecision route(const RouteRequest &request) const;

    /**
     * Sends a case to its region's triage team (else the national one) for reason, such as
     * "confidence 0.41 below threshold 0.50 for other"; the rule reads "<reason> → triage
     * <code>". Throws Poco::NotFoundException when no triage team exists.
     */
    RouteDecision routeToTriage(const std::string &regionId, const std::string &reason) const;

    const Team *team(const std::string &teamId) const;

private:
    /** A rule with its effective period in the protocol's millisecond UTC form. */
    struct ActiveRule
    {
        RoutingRuleRecord rule;
        std::string from;
        std::string to; // empty: no end
    };

    bool matches(const ActiveRule &candidate, const RouteRequest &request,
        const std::string &createdAt) const;
    const Team *resolve(const RoutingRuleRecord &rule, const std::string &regionId) const;
    const Team *triageTeam(const std::string &regionId) const;

    std::vector<ActiveRule> m_rules;
    std::vector<Team> m_teams;
    std::map<std::pair<std::string, std::string>, std::size_t> m_teamIndex; // (code, region)
};

} // namespace civicdesk::server
