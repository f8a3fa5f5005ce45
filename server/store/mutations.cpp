// SqliteStore::applyMutation: validation, field-level merge and idempotent outcomes of the
// client edits of docs/protocol.md (claim, assign, status, note).
#include "domain/ids.h"
#include "sla/slarecords.h"
#include "store/sqlitestore.h"

#include <algorithm>

namespace civicdesk::server {

namespace {

using protocol::ErrorCode;

constexpr std::size_t MaxNoteCharacters = 10000;

MutationOutcome rejected(ErrorCode code, std::string message, nlohmann::json current = nullptr)
{
    return mutationRejected(code, std::move(message), std::move(current));
}

nlohmann::json outcomeToJson(const MutationOutcome &outcome)
{
    if (outcome.applied) {
        return { { "applied", true }, { "version", outcome.version }, { "seq", outcome.seq } };
    }
    return { { "applied", false }, { "code", std::string(protocol::toString(outcome.code)) },
        { "message", outcome.message }, { "current", outcome.current } };
}

MutationOutcome outcomeFromJson(const nlohmann::json &json)
{
    MutationOutcome outcome;
    outcome.applied = json.at("applied").get<bool>();
    if (outcome.applied) {
        outcome.version = json.at("version").get<std::int64_t>();
        outcome.seq = json.at("seq").get<std::int64_t>();
        return outcome;
    }
    protocol::errorCodeFromString(json.at("code").get<std::string>(), outcome.code);
    outcome.message = json.at("message").get<std::string>();
    outcome.current = json.at("current");
    return outcome;
}

std::size_t utf8Length(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(),
        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool isBlank(const std::string &text)
{
    return std::all_of(
        text.begin(), text.end(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

std::string stringArg(const nlohmann::json &args, const char *key)
{
    const auto found = args.find(key);
    if (found == args.end() || !found->is_string()) {
        return {};
    }
    return found->get<std::string>();
}

} // namespace

MutationOutcome mutationRejected(
    protocol::ErrorCode code, std::string message, nlohmann::json current)
{
    MutationOutcome outcome;
    outcome.applied = false;
    outcome.code = code;
    outcome.message = std::move(message);
    outcome.current = std::move(current);
    return outcome;
}

MutationOutcome SqliteStore::applyMutation(
    const AccessScope &scope, const protocol::Mutation &mutation)
{
    MutationOutcome outcome;
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        outcome = applyMutationLocked(scope, mutation);
        if (!outcome.applied) {
            attachCurrentRecord(scope, mutation, outcome);
        }
    });
    lock.unlock();

    if (outcome.applied) {
        notifyListener();
    }
    return outcome;
}

MutationOutcome SqliteStore::applyMutationLocked(
    const AccessScope &scope, const protocol::Mutation &mutation)
{
    const auto seen =
        m_sql.query("SELECT outcome FROM applied_mutations WHERE mutation_id = ?", { mutation.id });
    if (!seen.empty()) {
        return outcomeFromJson(nlohmann::json::parse(seen.front().text("outcome")));
    }

    MutationOutcome outcome;
    std::optional<StoredCase> stored;
    if (!isUuid(mutation.id)) {
        // An id that is not a UUID cannot be recorded as applied-once, so nothing is stored.
        return rejected(ErrorCode::MutationInvalid, "mutation.id must be a UUID");
    }
    if (mutation.entity == "routingRule") {
        outcome = applyRoutingRuleMutation(scope, mutation);
    } else if (mutation.entity == "priorityWeights") {
        outcome = applyPriorityWeightsMutation(scope, mutation);
    } else if (mutation.entity != "case") {
        outcome = rejected(ErrorCode::MutationInvalid,
            "mutation.entity must be case, routingRule or priorityWeights, not \""
                + mutation.entity + "\"");
    } else if (stored = readCase(mutation.entityId); !stored) {
        outcome = rejected(ErrorCode::MutationNotFound, "case " + mutation.entityId + " not found");
    } else if (!scope.everything
        && std::find(scope.teamIds.begin(), scope.teamIds.end(), stored->kase.teamId)
            == scope.teamIds.end()) {
        outcome = rejected(ErrorCode::MutationForbidden,
            "case " + stored->kase.number + " belongs to a team outside your scope");
    } else if (mutation.baseVersion < 1 || mutation.baseVersion > stored->version) {
        outcome = rejected(ErrorCode::MutationInvalid,
            "mutation.baseVersion " + std::to_string(mutation.baseVersion)
                + " is not a version of case " + stored->kase.number + " (current version "
                + std::to_string(stored->version) + ")",
            stored->kase);
    } else {
        outcome = applyCaseOp(scope, mutation, *stored);
    }
    recordOutcome(mutation, scope.userId, outcome);
    return outcome;
}

void SqliteStore::attachCurrentRecord(
    const AccessScope &scope, const protocol::Mutation &mutation, MutationOutcome &outcome)
{
    // Read now, also for a replayed outcome, so that an edit sent again on this version is
    // not rejected again for the version alone.
    outcome.current = nullptr;
    outcome.version = 0;
    if (mutation.entity == "case") {
        const std::optional<StoredCase> stored = readCase(mutation.entityId);
        // A case outside the user's scope is not shown, as in the change feed.
        if (stored && scope.allows(teamScope(stored->kase.teamId))) {
            outcome.current = stored->kase;
            outcome.version = stored->version;
        }
    } else if (mutation.entity == "routingRule") {
        if (const std::optional<RoutingRuleRecord> rule = readRoutingRule(mutation.entityId)) {
            outcome.current = *rule;
            outcome.version = rowVersion("routing_rules", rule->id);
        }
    } else if (mutation.entity == "priorityWeights" && mutation.entityId == "current") {
        const StoredPriorityWeights stored = readPriorityWeights();
        if (stored.version > 0) {
            outcome.current = stored.weights;
            outcome.version = stored.version;
        }
    }
}

MutationOutcome SqliteStore::applyCaseOp(
    const AccessScope &scope, const protocol::Mutation &mutation, StoredCase stored)
{
    const Case &before = stored.kase;
    const nlohmann::json current = before;
    Case next = before;
    std::string noteText;
    std::string noteId;

    if (mutation.op == "claim") {
        next.assigneeId = scope.userId;
        next.assignmentReason = "claimed by " + usernameOf(scope.userId).value_or(scope.userId);
        if (next.status == "new") {
            next.status = "open";
        }
    } else if (mutation.op == "assign") {
        next.assigneeId = stringArg(mutation.args, "assigneeId");
        const bool member =
            m_sql.scalar("SELECT COUNT(*) AS n FROM team_members m JOIN users u "
                         "ON u.id = m.user_id WHERE m.team_id = ? AND u.id = ? AND u.active = 1",
                { before.teamId, next.assigneeId })
            > 0;
        if (!member) {
            return rejected(ErrorCode::MutationInvalid,
                "args.assigneeId must be an active member of the case's team", current);
        }
        next.assignmentReason = "assigned to "
            + usernameOf(next.assigneeId).value_or(next.assigneeId) + " by "
            + usernameOf(scope.userId).value_or(scope.userId);
    } else if (mutation.op == "status") {
        next.status = stringArg(mutation.args, "status");
        if (!isCaseStatus(next.status)) {
            return rejected(ErrorCode::MutationInvalid,
                "args.status \"" + next.status + "\" is not a case status", current);
        }
        // The statutory clock pauses on "waiting" for the reason given (server/sla).
        next.slaPausedReason = stringArg(mutation.args, "reason");
        if (!next.slaPausedReason.empty() && !sla::isPauseReason(next.slaPausedReason)) {
            return rejected(ErrorCode::MutationInvalid,
                "args.reason must be waiting_for_citizen or referred", current);
        }
    } else if (mutation.op == "note") {
        noteText = stringArg(mutation.args, "text");
        noteId = stringArg(mutation.args, "interactionId");
        if (isBlank(noteText) || utf8Length(noteText) > MaxNoteCharacters) {
            return rejected(
                ErrorCode::MutationInvalid, "args.text must have 1 to 10000 characters", current);
        }
        if (!isUuid(noteId)
            || m_sql.scalar("SELECT COUNT(*) AS n FROM interactions WHERE id = ?", { noteId })
                > 0) {
            return rejected(
                ErrorCode::MutationInvalid, "args.interactionId must be a new UUID", current);
        }
    } else if (mutation.op == "recategorise") {
        return applyRecategorise(scope, mutation, stored);
    } else if (mutation.op == "unlink_duplicate") {
        return applyUnlinkDuplicate(scope, mutation, stored);
    } else {
        return rejected(ErrorCode::MutationInvalid,
            "mutation.op \"" + mutation.op
                + "\" is not claim, assign, status, note, recategorise or unlink_duplicate",
            current);
    }

    // Field-level merge: an edit made on an old version conflicts only when the field it
    // changes was changed after that version. Notes never conflict.
    const bool touchesStatus = mutation.op == "status";
    const bool touchesAssignee = mutation.op == "claim" || mutation.op == "assign";
    if ((touchesStatus && stored.statusVersion > mutation.baseVersion)
        || (touchesAssignee && stored.assigneeVersion > mutation.baseVersion)) {
        return rejected(ErrorCode::MutationConflict,
            "case " + before.number + " changed the same field after version "
                + std::to_string(mutation.baseVersion),
            current);
    }

    const bool statusChanged = next.status != before.status;
    const bool assigneeChanged = next.assigneeId != before.assigneeId;
    if (!statusChanged && !assigneeChanged && noteText.empty()) {
        MutationOutcome outcome;
        outcome.applied = true;
        outcome.version = stored.version;
        outcome.seq = m_sql.scalar("SELECT MAX(seq) AS s FROM change_log WHERE entity = 'case' "
                                   "AND entity_id = ?",
            { before.id });
        return outcome;
    }
    const MutationOutcome outcome = writeCaseEdit(scope, stored, next, noteId, noteText);
    if (statusChanged) {
        followStatusToDuplicates(scope, next); // linked reports keep their citizens informed
    }
    return outcome;
}

MutationOutcome SqliteStore::writeCaseEdit(const AccessScope &scope, const StoredCase &stored,
    Case next, const std::string &noteId, const std::string &noteText)
{
    const Case &before = stored.kase;
    const std::int64_t version = stored.version + 1;
    const bool statusChanged = next.status != before.status;
    const bool assigneeChanged = next.assigneeId != before.assigneeId;
    next.updatedAt = utcNowIso();
    sla::SlaRecords(m_sql).followEdit(before, next, noteText.empty() ? "" : "note");

    m_sql.exec("UPDATE cases SET status = ?, assignee_id = ?, assignment_reason = ?, "
               "updated_at = ?, version = ?, status_version = ?, assignee_version = ? WHERE id = ?",
        { next.status, textOrNull(next.assigneeId), next.assignmentReason, next.updatedAt,
            version, statusChanged ? version : stored.statusVersion,
            assigneeChanged ? version : stored.assigneeVersion, next.id });

    MutationOutcome outcome;
    outcome.applied = true;
    outcome.version = version;
    outcome.seq = logCase(next, version);

    const auto addInteraction = [&](const std::string &id, const std::string &kind,
                                    const std::string &body) {
        const Interaction interaction { id, next.partyId, next.id, kind, "internal", body,
            scope.userId, next.updatedAt };
        insertInteraction(interaction);
        logInteraction(interaction, next.teamId);
    };
    // Bodies of status and assignment entries are data in English; the client translates.
    if (statusChanged) {
        addInteraction(generateUuid(), "status", "status: " + before.status + " → " + next.status);
    }
    if (assigneeChanged) {
        const std::string from = before.assigneeId.empty()
            ? std::string("none")
            : usernameOf(before.assigneeId).value_or(before.assigneeId);
        const std::string to = usernameOf(next.assigneeId).value_or(next.assigneeId);
        addInteraction(generateUuid(), "assignment", "assignee: " + from + " → " + to);
    }
    if (!noteText.empty()) {
        addInteraction(noteId, "note", noteText);
    }
    return outcome;
}

void SqliteStore::recordOutcome(
    const protocol::Mutation &mutation, const std::string &userId, const MutationOutcome &outcome)
{
    m_sql.exec("INSERT INTO applied_mutations (mutation_id, user_id, outcome, applied_at) "
               "VALUES (?, ?, ?, ?)",
        { mutation.id, userId, outcomeToJson(outcome).dump(), utcNowIso() });
}

} // namespace civicdesk::server
