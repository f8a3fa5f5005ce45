// Duplicate reports in SqliteStore: the candidate search of intake, linking a new case to
// the open case it duplicates, unlinking (the unlink_duplicate mutation), and linked reports
// following their original's status.
#include "domain/ids.h"
#include "priority/priority.h"
#include "store/sqlitestore.h"

#include <Poco/Logger.h>
#include <algorithm>

namespace civicdesk::server {

namespace {

// Newest first; an older case beyond this many in one category and municipality within the
// search window is not compared.
constexpr int MaxCandidates = 200;

bool isFinished(const std::string &status)
{
    return status == "resolved" || status == "closed";
}

std::int64_t nowSeconds()
{
    return priority::parseUtc(utcNowIso()).value_or(0);
}

} // namespace

std::vector<DuplicateCandidate> SqliteStore::duplicateCandidates(const std::string &categoryId,
    const std::string &municipalityId, const std::string &createdSince)
{
    std::lock_guard lock(m_readMutex);
    // The conditions on status and duplicate_of are those of the partial index
    // cases_duplicate_search (migration 10). It contains every column read here, so the
    // search reads index pages only.
    const auto rows = m_readSql->query(
        "SELECT id, number, created_at FROM cases "
        "WHERE category_id = ? AND municipality_id = ? AND created_at >= ? "
        "AND status IN ('new', 'open', 'in_progress', 'waiting') AND duplicate_of IS NULL "
        "ORDER BY created_at DESC LIMIT ?",
        { categoryId, municipalityId, createdSince, std::int64_t { MaxCandidates } });
    std::vector<DuplicateCandidate> candidates;
    candidates.reserve(rows.size());
    for (const SqlRow &row : rows) {
        candidates.push_back({ row.text("id"), row.text("number"), row.text("created_at") });
    }
    return candidates;
}

std::vector<CaseText> SqliteStore::caseTexts(const std::vector<std::string> &caseIds)
{
    std::lock_guard lock(m_readMutex);
    std::vector<CaseText> texts;
    texts.reserve(caseIds.size());
    for (const std::string &id : caseIds) {
        const auto rows =
            m_readSql->query("SELECT text, address FROM cases WHERE id = ?", { id });
        if (!rows.empty()) {
            texts.push_back({ id, rows.front().text("text"), rows.front().text("address") });
        }
    }
    return texts;
}

void SqliteStore::checkDuplicateTarget(Case &kase)
{
    if (kase.duplicateOf.empty()) {
        return;
    }
    // The original may have closed or been linked itself since intake searched.
    const auto original = readCase(kase.duplicateOf);
    if (!original || isFinished(original->kase.status) || !original->kase.duplicateOf.empty()) {
        kase.duplicateOf.clear();
    }
}

void SqliteStore::addSystemInteraction(
    const Case &kase, const std::string &authorId, const std::string &body)
{
    const Interaction interaction { generateUuid(), kase.partyId, kase.id, "status", "internal",
        body, authorId, utcNowIso() };
    insertInteraction(interaction);
    logInteraction(interaction, kase.teamId);
}

void SqliteStore::linkDuplicate(const Case &kase)
{
    if (kase.duplicateOf.empty()) {
        return;
    }
    const auto stored = readCase(kase.duplicateOf);
    if (!stored) {
        return;
    }
    Case original = stored->kase;
    original.duplicateCount += 1;
    m_sql.exec("UPDATE cases SET duplicate_count = ? WHERE id = ?",
        { std::int64_t { original.duplicateCount }, original.id });
    scoreCase(original, readPriorityWeights().weights, nowSeconds());
    writeScore(*stored, original);

    // Bodies are data in English, like the other status entries; the client translates.
    addSystemInteraction(kase, {}, "duplicate of " + original.number);
    addSystemInteraction(original, {}, "linked duplicate " + kase.number);
    Poco::Logger::get("civicdesk.server.store")
        .information("Linked case %s as a duplicate of %s (%d linked)", kase.number,
            original.number, original.duplicateCount);
}

void SqliteStore::followStatusToDuplicates(const AccessScope &scope, const Case &original)
{
    const auto rows = m_sql.query("SELECT id FROM cases WHERE duplicate_of = ?", { original.id });
    for (const SqlRow &row : rows) {
        const auto stored = readCase(row.text("id"));
        if (!stored || stored->kase.status == original.status) {
            continue;
        }
        Case next = stored->kase;
        next.status = original.status;
        next.slaPausedReason = original.slaPausedReason;
        writeCaseEdit(scope, *stored, next, {}, {});
    }
}

MutationOutcome SqliteStore::applyUnlinkDuplicate(
    const AccessScope &scope, const protocol::Mutation &, const StoredCase &stored)
{
    if (stored.kase.duplicateOf.empty()) {
        return mutationRejected(protocol::ErrorCode::MutationInvalid,
            "case " + stored.kase.number + " is not a duplicate", stored.kase);
    }
    const auto original = readCase(stored.kase.duplicateOf);

    Case unlinked = stored.kase;
    unlinked.duplicateOf.clear();
    unlinked.updatedAt = utcNowIso();
    MutationOutcome outcome;
    outcome.applied = true;
    outcome.version = stored.version + 1;
    m_sql.exec("UPDATE cases SET duplicate_of = NULL, updated_at = ?, version = ? WHERE id = ?",
        { unlinked.updatedAt, outcome.version, unlinked.id });
    outcome.seq = logCase(unlinked, outcome.version);
    if (!original) {
        return outcome;
    }

    Case next = original->kase;
    next.duplicateCount = std::max(0, next.duplicateCount - 1);
    m_sql.exec("UPDATE cases SET duplicate_count = ? WHERE id = ?",
        { std::int64_t { next.duplicateCount }, next.id });
    scoreCase(next, readPriorityWeights().weights, nowSeconds());
    writeScore(*original, next);

    addSystemInteraction(unlinked, scope.userId, "unlinked from " + next.number);
    addSystemInteraction(next, scope.userId, "unlinked from " + unlinked.number);
    return outcome;
}

} // namespace civicdesk::server
