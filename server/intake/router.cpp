#include "intake/router.h"

#include "store/routingrulevalidator.h"

#include <Poco/Exception.h>
#include <algorithm>

namespace civicdesk::server {

namespace {

int areaRank(const std::string &areaLevel)
{
    if (areaLevel == "municipality") {
        return 3;
    }
    if (areaLevel == "unit") {
        return 2;
    }
    return areaLevel == "region" ? 1 : 0;
}

/** Orders rules from the one that wins to the one that loses. */
bool winsOver(const RoutingRuleRecord &a, const RoutingRuleRecord &b)
{
    if (areaRank(a.areaLevel) != areaRank(b.areaLevel)) {
        return areaRank(a.areaLevel) > areaRank(b.areaLevel);
    }
    if (a.subcategoryId.empty() != b.subcategoryId.empty()) {
        return !a.subcategoryId.empty();
    }
    if (a.precedence != b.precedence) {
        return a.precedence > b.precedence;
    }
    return a.id < b.id;
}

std::string explanation(const RoutingRuleRecord &rule, const Team &target)
{
    std::string text = "rule " + rule.id.substr(0, 8) + ": " + rule.categoryId;
    if (!rule.subcategoryId.empty()) {
        text += "/" + rule.subcategoryId;
    }
    text += rule.areaLevel == "any" ? " in any area" : " in " + rule.areaLevel + " " + rule.areaId;
    return text + " → " + target.code;
}

} // namespace

Router::Router(std::vector<RoutingRuleRecord> rules, std::vector<Team> teams)
    : m_teams(std::move(teams))
{
    for (std::size_t i = 0; i < m_teams.size(); ++i) {
        m_teamIndex.emplace(std::make_pair(m_teams[i].code, m_teams[i].regionId), i);
    }

    for (RoutingRuleRecord &rule : rules) {
        const std::string from = normalisedUtc(rule.effectiveFrom);
        // A rule without a readable start never applies, and the store rejects such edits.
        if (rule.retired || from.empty()) {
            continue;
        }
        const std::string to = normalisedUtc(rule.effectiveTo);
        m_rules.push_back({ std::move(rule), from, to });
    }
    std::sort(m_rules.begin(), m_rules.end(),
        [](const ActiveRule &a, const ActiveRule &b) { return winsOver(a.rule, b.rule); });
}

RouteDecision Router::route(const RouteRequest &request) const
{
    const std::string createdAt = normalisedUtc(request.createdAt);
    for (const ActiveRule &candidate : m_rules) {
        if (!matches(candidate, request, createdAt)) {
            continue;
        }
        if (const Team *target = resolve(candidate.rule, request.regionId)) {
            return { target->id, explanation(candidate.rule, *target) };
        }
    }

    const std::string &categoryId = request.categoryId;
    const std::string &regionId = request.regionId;
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

bool Router::matches(
    const ActiveRule &candidate, const RouteRequest &request, const std::string &createdAt) const
{
    const RoutingRuleRecord &rule = candidate.rule;
    if (rule.categoryId != request.categoryId
        || (!rule.subcategoryId.empty() && rule.subcategoryId != request.subcategoryId)) {
        return false;
    }
    // An unreadable creation time matches only rules in force without limits of time.
    if (createdAt.empty() ? !candidate.to.empty()
                          : (createdAt < candidate.from
                              || (!candidate.to.empty() && createdAt >= candidate.to))) {
        return false;
    }
    if (rule.areaLevel == "any") {
        return true;
    }
    if (rule.areaLevel == "region") {
        return rule.areaId == request.regionId;
    }
    if (rule.areaLevel == "unit") {
        return rule.areaId == request.unitId;
    }
    return rule.areaLevel == "municipality" && rule.areaId == request.municipalityId;
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

const Team *Router::resolve(const RoutingRuleRecord &rule, const std::string &regionId) const
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
