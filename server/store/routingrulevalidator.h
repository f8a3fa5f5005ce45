#pragma once

#include "domain/records.h"
#include "store/sqlsession.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace civicdesk::server {

/** Highest and lowest precedence of a routing rule, and the longest note in characters. */
constexpr int MaxRulePrecedence = 1000;
constexpr int MinRulePrecedence = -1000;
constexpr std::size_t MaxRuleNoteCharacters = 500;

/**
 * Reads the fields of a routingRule create or update mutation (docs/protocol.md) into rule.
 * Returns the message naming the first field of the wrong type, or nothing.
 */
std::optional<std::string> readRoutingRuleArgs(const nlohmann::json &args, RoutingRuleRecord &rule);

/** Returns the note of a retire mutation, or the message when it is not a short string. */
std::optional<std::string> readRetireNote(const nlohmann::json &args, std::string &note);

/**
 * Checks a routing rule against the stored categories, areas, teams and rules. Runs on the
 * store's session, so the caller holds the store's lock.
 */
class RoutingRuleValidator
{
public:
    explicit RoutingRuleValidator(SqlSession &sql);

    /**
     * Returns the message naming the first invalid field, or nothing when the rule may be
     * written. An overlap with another unretired rule of the same category, subcategory,
     * area and precedence names that rule.
     */
    std::optional<std::string> problem(const RoutingRuleRecord &rule);

    /** Returns the region of the rule's area, or empty text for "any" and for an unknown area. */
    std::string areaRegion(const RoutingRuleRecord &rule);

private:
    std::optional<std::string> categoryProblem(const RoutingRuleRecord &rule);
    std::optional<std::string> areaProblem(const RoutingRuleRecord &rule);
    std::optional<std::string> teamProblem(const RoutingRuleRecord &rule);
    std::optional<std::string> periodProblem(const RoutingRuleRecord &rule);
    std::optional<std::string> overlapProblem(const RoutingRuleRecord &rule);

    SqlSession &m_sql;
};

/** Returns true when text is an ISO 8601 time in UTC with a Z suffix. */
bool isUtcIsoTime(const std::string &text);

/** Returns the UTC time in the protocol's millisecond form, which orders as text, or empty. */
std::string normalisedUtc(const std::string &text);

} // namespace civicdesk::server
