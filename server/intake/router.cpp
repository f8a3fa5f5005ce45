#include "intake/router.h"

#include <Poco/Exception.h>
#include <algorithm>

namespace civicdesk::server {

Router::Router(std::vector<RoutingRule> rules, std::vector<Team> teams)
    : m_rules(std::move(rules))
    , m_teams(std::move(teams))
{
    for (std::size_t i = 0; i < m_teams.size(); ++i) {
        m_teamIndex.emplace(std::make_pair(m_teams[i].code, m_teams[i].regionId), i);
    }

    // Region-specific rules first, then higher precedence, then the older rule.
    std::stable_sort(
        m_rules.begin(), m_rules.end(), [](const RoutingRule &a, const RoutingRule &b) {
            if (a.regionId.empty() != b.regionId.empty()) {
                return !a.regionId.empty();
            }
            if (a.precedence != b.precedence) {
                return a.precedence > b.precedence;
            }
            return a.id < b.id;
        });
}

RouteDecision Router::route(const std::string &categoryId, const std::string &regionId) const
{
    for (const RoutingRule &rule : m_rules) {
        if (rule.categoryId != categoryId
            || (!rule.regionId.empty() && rule.regionId != regionId)) {
            continue;
        }
        if (const Team *target = resolve(rule, regionId)) {
            const std::string where =
                rule.regionId.empty() ? "any region" : "region " + rule.regionId;
            return { target->id,
                "rule " + std::to_string(rule.id) + ": " + categoryId + " in " + where + " → "
                    + target->code };
        }
    }

    const Team *triage = regionId.empty() ? nullptr : triageTeam(regionId);
    if (triage) {
        return { triage->id,
            "no rule for " + categoryId + " in region " + regionId + " → region triage "
                + triage->code };
    }
    if (const Team *national = triageTeam({})) {
        return { national->id,
            "no rule or region team for " + categoryId + " in region "
                + (regionId.empty() ? "(none)" : regionId) + " → national triage "
                + national->code };
    }
    throw Poco::NotFoundException("no triage team to route a case of category", categoryId);
}

RouteDecision Router::routeToTriage(const std::string &regionId, const std::string &reason) const
{
    const Team *triage = regionId.empty() ? nullptr : triageTeam(regionId);
    if (!triage) {
        triage = triageTeam({});
    }
    if (!triage) {
        throw Poco::NotFoundException("no triage team for region", regionId);
    }
    return { triage->id, reason + " → triage " + triage->code };
}

const Team *Router::team(const std::string &teamId) const
{
    const auto found = std::find_if(
        m_teams.begin(), m_teams.end(), [&](const Team &team) { return team.id == teamId; });
    return found == m_teams.end() ? nullptr : &*found;
}

const Team *Router::resolve(const RoutingRule &rule, const std::string &regionId) const
{
    if (!rule.teamId.empty()) {
        return team(rule.teamId);
    }
    if (regionId.empty()) {
        return nullptr;
    }
    const auto found = m_teamIndex.find({ rule.teamCode, regionId });
    return found == m_teamIndex.end() ? nullptr : &m_teams[found->second];
}

const Team *Router::triageTeam(const std::string &regionId) const
{
    const auto found = std::find_if(m_teams.begin(), m_teams.end(),
        [&](const Team &team) { return team.triage && team.regionId == regionId; });
    return found == m_teams.end() ? nullptr : &*found;
}

} // namespace civicdesk::server
