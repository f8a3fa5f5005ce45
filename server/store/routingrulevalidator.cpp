#include "store/routingrulevalidator.h"

#include "util/timeformat.h"

#include <algorithm>
#include <map>

namespace civicdesk::server {

namespace {

std::size_t utf8Length(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(),
        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/** Reads an optional string field, absent or null as empty text; false for another type. */
bool readText(const nlohmann::json &args, const char *key, std::string &value)
{
    const auto found = args.find(key);
    if (found == args.end() || found->is_null()) {
        value.clear();
        return true;
    }
    if (!found->is_string()) {
        return false;
    }
    value = found->get<std::string>();
    return true;
}

std::string mustBeText(const char *key)
{
    return std::string("args.") + key + " must be a string or null";
}

bool periodsOverlap(const std::string &fromA, const std::string &toA, const std::string &fromB,
    const std::string &toB)
{
    // Periods are half-open, from included and to excluded, and an empty end never comes.
    const bool aStartsBeforeBEnds = toB.empty() || fromA < toB;
    const bool bStartsBeforeAEnds = toA.empty() || fromB < toA;
    return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

} // namespace

std::optional<std::string> readRoutingRuleArgs(const nlohmann::json &args, RoutingRuleRecord &rule)
{
    if (!args.is_object()) {
        return "args must be an object with the rule's fields";
    }
    for (const auto &[key, target] : { std::pair { "categoryId", &rule.categoryId },
             std::pair { "subcategoryId", &rule.subcategoryId },
             std::pair { "areaLevel", &rule.areaLevel }, std::pair { "areaId", &rule.areaId },
             std::pair { "teamId", &rule.teamId }, std::pair { "teamCode", &rule.teamCode },
             std::pair { "effectiveFrom", &rule.effectiveFrom },
             std::pair { "effectiveTo", &rule.effectiveTo }, std::pair { "note", &rule.note } }) {
        if (!readText(args, key, *target)) {
            return mustBeText(key);
        }
    }

    const auto precedence = args.find("precedence");
    if (precedence == args.end() || precedence->is_null()) {
        rule.precedence = 0;
    } else if (!precedence->is_number_integer()
        || precedence->get<std::int64_t>() < MinRulePrecedence
        || precedence->get<std::int64_t>() > MaxRulePrecedence) {
        return "args.precedence must be an integer from -1000 to 1000";
    } else {
        rule.precedence = precedence->get<int>();
    }
    return std::nullopt;
}

std::optional<std::string> readRetireNote(const nlohmann::json &args, std::string &note)
{
    if (!args.is_object() || !readText(args, "note", note)) {
        return mustBeText("note");
    }
    if (utf8Length(note) > MaxRuleNoteCharacters) {
        return "args.note must have at most 500 characters";
    }
    return std::nullopt;
}

bool isUtcIsoTime(const std::string &text)
{
    return !text.empty() && text.back() == 'Z' && toUtcIso(text).has_value();
}

std::string normalisedUtc(const std::string &text)
{
    return isUtcIsoTime(text) ? *toUtcIso(text) : std::string();
}

RoutingRuleValidator::RoutingRuleValidator(SqlSession &sql)
    : m_sql(sql)
{
}

std::optional<std::string> RoutingRuleValidator::problem(const RoutingRuleRecord &rule)
{
    for (const auto &check :
        { &RoutingRuleValidator::categoryProblem, &RoutingRuleValidator::areaProblem,
            &RoutingRuleValidator::teamProblem, &RoutingRuleValidator::periodProblem }) {
        if (auto message = (this->*check)(rule)) {
            return message;
        }
    }
    if (rule.precedence < MinRulePrecedence || rule.precedence > MaxRulePrecedence) {
        return "args.precedence must be an integer from -1000 to 1000";
    }
    if (utf8Length(rule.note) > MaxRuleNoteCharacters) {
        return "args.note must have at most 500 characters";
    }
    return overlapProblem(rule);
}

std::string RoutingRuleValidator::areaRegion(const RoutingRuleRecord &rule)
{
    std::string sql;
    if (rule.areaLevel == "region") {
        sql = "SELECT id AS region_id FROM regions WHERE id = ?";
    } else if (rule.areaLevel == "unit") {
        sql = "SELECT region_id FROM regional_units WHERE id = ?";
    } else if (rule.areaLevel == "municipality") {
        sql = "SELECT region_id FROM municipalities WHERE id = ?";
    } else {
        return {};
    }
    const auto rows = m_sql.query(sql, { rule.areaId });
    return rows.empty() ? std::string() : rows.front().text("region_id");
}

std::optional<std::string> RoutingRuleValidator::categoryProblem(const RoutingRuleRecord &rule)
{
    const auto category =
        m_sql.query("SELECT parent_id FROM categories WHERE id = ?", { rule.categoryId });
    if (category.empty()) {
        return "args.categoryId \"" + rule.categoryId + "\" is not a known category";
    }
    if (!category.front().isNull("parent_id")) {
        const std::string parent = category.front().text("parent_id");
        return "args.categoryId \"" + rule.categoryId + "\" is a subcategory of \"" + parent
            + "\"; set args.categoryId to \"" + parent + "\" and args.subcategoryId to \""
            + rule.categoryId + "\"";
    }
    if (rule.subcategoryId.empty()) {
        return std::nullopt;
    }
    const bool child = m_sql.scalar("SELECT COUNT(*) AS n FROM categories WHERE id = ? "
                                    "AND parent_id = ?",
                           { rule.subcategoryId, rule.categoryId })
        > 0;
    if (!child) {
        return "args.subcategoryId \"" + rule.subcategoryId + "\" is not a subcategory of \""
            + rule.categoryId + "\"";
    }
    return std::nullopt;
}

std::optional<std::string> RoutingRuleValidator::areaProblem(const RoutingRuleRecord &rule)
{
    static const std::map<std::string, std::string> AreaNames { { "region", "region" },
        { "unit", "regional unit" }, { "municipality", "YPES municipality code" } };

    if (rule.areaLevel == "any") {
        if (!rule.areaId.empty()) {
            return std::string("args.areaId must be null when args.areaLevel is any");
        }
        return std::nullopt;
    }
    const auto name = AreaNames.find(rule.areaLevel);
    if (name == AreaNames.end()) {
        return "args.areaLevel must be any, region, unit or municipality, not \"" + rule.areaLevel
            + "\"";
    }
    if (areaRegion(rule).empty()) {
        return "args.areaId \"" + rule.areaId + "\" is not a known " + name->second;
    }
    return std::nullopt;
}

std::optional<std::string> RoutingRuleValidator::teamProblem(const RoutingRuleRecord &rule)
{
    if (rule.teamId.empty() == rule.teamCode.empty()) {
        return std::string("exactly one of args.teamId and args.teamCode must be set");
    }
    if (!rule.teamId.empty()) {
        if (m_sql.scalar("SELECT COUNT(*) AS n FROM teams WHERE id = ?", { rule.teamId }) == 0) {
            return "args.teamId \"" + rule.teamId + "\" is not a known team";
        }
        return std::nullopt;
    }
    if (rule.areaLevel == "any") {
        if (m_sql.scalar("SELECT COUNT(*) AS n FROM teams WHERE code = ?", { rule.teamCode })
            == 0) {
            return "args.teamCode \"" + rule.teamCode + "\" is the code of no team";
        }
        return std::nullopt;
    }
    const std::string regionId = areaRegion(rule);
    if (m_sql.scalar("SELECT COUNT(*) AS n FROM teams WHERE code = ? AND region_id = ?",
            { rule.teamCode, regionId })
        == 0) {
        return "args.teamCode \"" + rule.teamCode + "\" names no team in region " + regionId
            + ", the region of the rule's area";
    }
    return std::nullopt;
}

std::optional<std::string> RoutingRuleValidator::periodProblem(const RoutingRuleRecord &rule)
{
    if (!isUtcIsoTime(rule.effectiveFrom)) {
        return "args.effectiveFrom \"" + rule.effectiveFrom
            + "\" must be an ISO 8601 UTC time such as 2027-01-01T00:00:00Z";
    }
    if (rule.effectiveTo.empty()) {
        return std::nullopt;
    }
    if (!isUtcIsoTime(rule.effectiveTo)) {
        return "args.effectiveTo \"" + rule.effectiveTo
            + "\" must be null or an ISO 8601 UTC time such as 2027-01-01T00:00:00Z";
    }
    if (normalisedUtc(rule.effectiveTo) <= normalisedUtc(rule.effectiveFrom)) {
        return std::string("args.effectiveTo must be later than args.effectiveFrom");
    }
    return std::nullopt;
}

std::optional<std::string> RoutingRuleValidator::overlapProblem(const RoutingRuleRecord &rule)
{
    const auto rows = m_sql.query(
        "SELECT id, effective_from, effective_to FROM routing_rules WHERE retired = 0 "
        "AND id <> ? AND category_id = ? AND COALESCE(subcategory_id, '') = ? "
        "AND area_level = ? AND COALESCE(area_id, '') = ? AND precedence = ? ORDER BY id",
        { rule.id, rule.categoryId, rule.subcategoryId, rule.areaLevel, rule.areaId,
            std::int64_t { rule.precedence } });
    const std::string from = normalisedUtc(rule.effectiveFrom);
    const std::string to = normalisedUtc(rule.effectiveTo);
    for (const SqlRow &row : rows) {
        if (periodsOverlap(from, to, normalisedUtc(row.text("effective_from")),
                normalisedUtc(row.text("effective_to")))) {
            return "routing rule " + row.text("id")
                + " already applies to the same category, subcategory, area and precedence "
                  "in an overlapping period; change args.precedence or the effective dates";
        }
    }
    return std::nullopt;
}

} // namespace civicdesk::server
