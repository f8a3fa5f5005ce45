// SqliteStore's routing table: reads, the importer's seed, and the create, update and retire
// mutations of docs/protocol.md with their history and change-log rows.
#include "domain/ids.h"
#include "store/routingrulevalidator.h"
#include "store/sqlitestore.h"

#include <algorithm>

namespace civicdesk::server {

namespace {

using protocol::ErrorCode;

RoutingRuleRecord ruleFrom(const SqlRow &row)
{
    RoutingRuleRecord rule;
    rule.id = row.text("id");
    rule.categoryId = row.text("category_id");
    rule.subcategoryId = row.text("subcategory_id");
    rule.areaLevel = row.text("area_level");
    rule.areaId = row.text("area_id");
    rule.teamId = row.text("team_id");
    rule.teamCode = row.text("team_code");
    rule.precedence = static_cast<int>(row.integer("precedence"));
    rule.effectiveFrom = row.text("effective_from");
    rule.effectiveTo = row.text("effective_to");
    rule.retired = row.integer("retired") != 0;
    rule.changedBy = row.text("changed_by");
    rule.changedAt = row.text("changed_at");
    rule.note = row.text("note");
    return rule;
}

nlohmann::json nullable(const std::string &text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

} // namespace

std::vector<RoutingRuleRecord> SqliteStore::routingRules()
{
    std::lock_guard lock(m_mutex);
    std::vector<RoutingRuleRecord> result;
    for (const SqlRow &row : m_sql.query("SELECT * FROM routing_rules ORDER BY id")) {
        result.push_back(ruleFrom(row));
    }
    return result;
}

std::optional<RoutingRuleRecord> SqliteStore::readRoutingRule(const std::string &id)
{
    const auto rows = m_sql.query("SELECT * FROM routing_rules WHERE id = ?", { id });
    if (rows.empty()) {
        return std::nullopt;
    }
    return ruleFrom(rows.front());
}

std::int64_t SqliteStore::writeRoutingRule(
    const RoutingRuleRecord &rule, std::int64_t version, const std::string &action)
{
    m_sql.exec(
        "INSERT INTO routing_rules (id, category_id, subcategory_id, area_level, area_id, "
        "team_id, team_code, precedence, effective_from, effective_to, retired, "
        "changed_by, changed_at, note, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "category_id = excluded.category_id, subcategory_id = excluded.subcategory_id, "
        "area_level = excluded.area_level, area_id = excluded.area_id, "
        "team_id = excluded.team_id, team_code = excluded.team_code, "
        "precedence = excluded.precedence, effective_from = excluded.effective_from, "
        "effective_to = excluded.effective_to, retired = excluded.retired, "
        "changed_by = excluded.changed_by, changed_at = excluded.changed_at, "
        "note = excluded.note, version = excluded.version",
        { rule.id, rule.categoryId, textOrNull(rule.subcategoryId), rule.areaLevel,
            textOrNull(rule.areaId), textOrNull(rule.teamId), textOrNull(rule.teamCode),
            std::int64_t { rule.precedence }, rule.effectiveFrom, textOrNull(rule.effectiveTo),
            std::int64_t { rule.retired }, textOrNull(rule.changedBy), rule.changedAt, rule.note,
            version });

    const std::string historyId = generateUuid();
    const nlohmann::json ruleJson = rule;
    m_sql.exec("INSERT INTO routing_rule_history (id, rule_id, rule_version, action, rule, "
               "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        { historyId, rule.id, version, action, ruleJson.dump(), textOrNull(rule.changedBy),
            rule.changedAt });
    const nlohmann::json history { { "id", historyId }, { "ruleId", rule.id },
        { "ruleVersion", version }, { "action", action }, { "rule", ruleJson },
        { "changedBy", nullable(rule.changedBy) }, { "changedAt", rule.changedAt } };

    // Intake rebuilds its router when this grows. Readers wait for the lock held here, so
    // they read the rule only after the transaction commits.
    ++m_routingGeneration;
    const std::int64_t seq =
        appendChange("routingRule", rule.id, version, "upsert", "public", rule);
    appendChange("routingRuleHistory", historyId, 1, "upsert", "public", history);
    return seq;
}

int SqliteStore::seedRoutingRules(const std::vector<RoutingRuleRecord> &rules)
{
    int written = 0;
    for (const RoutingRuleRecord &rule : rules) {
        const bool present =
            m_sql.scalar("SELECT COUNT(*) AS n FROM routing_rules WHERE id = ? OR (retired = 0 "
                         "AND category_id = ? AND COALESCE(subcategory_id, '') = ? "
                         "AND area_level = ? AND COALESCE(area_id, '') = ? AND precedence = ?)",
                { rule.id, rule.categoryId, rule.subcategoryId, rule.areaLevel, rule.areaId,
                    std::int64_t { rule.precedence } })
            > 0;
        if (!present) {
            writeRoutingRule(rule, 1, "create");
            ++written;
        }
    }
    return written;
}

MutationOutcome SqliteStore::applyRoutingRuleMutation(
    const AccessScope &scope, const protocol::Mutation &mutation)
{
    if (scope.role == Role::Agent) {
        return mutationRejected(ErrorCode::MutationForbidden,
            "only supervisors and administrators may edit routing rules");
    }
    if (mutation.op != "create" && mutation.op != "update" && mutation.op != "retire") {
        return mutationRejected(ErrorCode::MutationInvalid,
            "mutation.op \"" + mutation.op + "\" is not create, update or retire");
    }
    if (!isUuid(mutation.entityId)) {
        return mutationRejected(ErrorCode::MutationInvalid,
            "mutation.entityId \"" + mutation.entityId + "\" must be the rule's UUID");
    }

    const std::optional<RoutingRuleRecord> stored = readRoutingRule(mutation.entityId);
    if (auto refused = checkRuleBase(scope, mutation, stored)) {
        return *refused;
    }

    RoutingRuleRecord next = stored.value_or(RoutingRuleRecord {});
    if (auto refused = buildRuleEdit(scope, mutation, next)) {
        return *refused;
    }

    next.changedBy = scope.userId;
    next.changedAt = utcNowIso();
    const std::int64_t version = stored ? rowVersion("routing_rules", next.id) + 1 : 1;
    MutationOutcome outcome;
    outcome.applied = true;
    outcome.version = version;
    outcome.seq = writeRoutingRule(next, version, mutation.op);
    return outcome;
}

std::optional<MutationOutcome> SqliteStore::checkRuleBase(const AccessScope &scope,
    const protocol::Mutation &mutation, const std::optional<RoutingRuleRecord> &stored)
{
    if (mutation.op == "create") {
        if (mutation.baseVersion != 0) {
            return mutationRejected(ErrorCode::MutationInvalid,
                "mutation.baseVersion must be 0 for a new routing rule");
        }
        if (stored) {
            return mutationRejected(ErrorCode::MutationConflict,
                "routing rule " + stored->id + " already exists", *stored);
        }
        return std::nullopt;
    }
    if (!stored) {
        return mutationRejected(
            ErrorCode::MutationNotFound, "routing rule " + mutation.entityId + " not found");
    }
    const std::int64_t version = rowVersion("routing_rules", stored->id);
    if (mutation.baseVersion != version) {
        return mutationRejected(ErrorCode::MutationConflict,
            "routing rule " + stored->id + " is at version " + std::to_string(version) + ", not "
                + std::to_string(mutation.baseVersion) + "; edit the current rule again",
            *stored);
    }
    if (stored->retired) {
        return mutationRejected(ErrorCode::MutationInvalid,
            "routing rule " + stored->id + " is retired; create a new rule instead", *stored);
    }
    return ruleScopeProblem(scope, *stored);
}

std::optional<MutationOutcome> SqliteStore::buildRuleEdit(
    const AccessScope &scope, const protocol::Mutation &mutation, RoutingRuleRecord &next)
{
    if (mutation.op == "retire") {
        std::string note;
        if (auto message = readRetireNote(mutation.args, note)) {
            return mutationRejected(ErrorCode::MutationInvalid, *message);
        }
        next.retired = true;
        next.note = note.empty() ? next.note : note;
        return std::nullopt;
    }

    next.id = mutation.entityId;
    next.retired = false;
    if (auto message = readRoutingRuleArgs(mutation.args, next)) {
        return mutationRejected(ErrorCode::MutationInvalid, *message);
    }
    if (auto message = RoutingRuleValidator(m_sql).problem(next)) {
        return mutationRejected(ErrorCode::MutationInvalid, *message);
    }
    return ruleScopeProblem(scope, next);
}

std::optional<MutationOutcome> SqliteStore::ruleScopeProblem(
    const AccessScope &scope, const RoutingRuleRecord &rule)
{
    if (scope.everything) {
        return std::nullopt;
    }
    if (rule.areaLevel == "any") {
        return mutationRejected(ErrorCode::MutationForbidden,
            "only administrators may write routing rules for any area");
    }
    const std::string regionId = RoutingRuleValidator(m_sql).areaRegion(rule);
    for (const std::string &teamId : scope.teamIds) {
        if (m_sql.scalar("SELECT COUNT(*) AS n FROM teams WHERE id = ? AND region_id = ?",
                { teamId, regionId })
            > 0) {
            return std::nullopt;
        }
    }
    return mutationRejected(ErrorCode::MutationForbidden,
        "routing rule area " + rule.areaLevel + " " + rule.areaId + " lies in region " + regionId
            + ", where none of your teams works");
}

} // namespace civicdesk::server
