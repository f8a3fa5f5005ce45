// SqliteStore::applyRecategorise: a person corrects a case's category. The correction is
// kept as a labelled example that the next `civicdesk-server train` learns from.
#include "domain/ids.h"
#include "sla/slarecords.h"
#include "store/sqlitestore.h"

namespace civicdesk::server {

namespace {

using protocol::ErrorCode;

std::string stringArg(const nlohmann::json &args, const char *key)
{
    const auto found = args.find(key);
    return found != args.end() && found->is_string() ? found->get<std::string>() : std::string();
}

/** The category and subcategory of a case as the timeline shows them: "a" or "a/b". */
std::string categoryPath(const std::string &categoryId, const std::string &subcategoryId)
{
    return subcategoryId.empty() ? categoryId : categoryId + "/" + subcategoryId;
}

} // namespace

MutationOutcome SqliteStore::applyRecategorise(
    const AccessScope &scope, const protocol::Mutation &mutation, const StoredCase &stored)
{
    const Case &before = stored.kase;
    const nlohmann::json current = before;
    Case next = before;
    next.categoryId = stringArg(mutation.args, "categoryId");
    next.subcategoryId = stringArg(mutation.args, "subcategoryId");

    const bool topLevel = !next.categoryId.empty()
        && m_sql.scalar("SELECT COUNT(*) AS n FROM categories WHERE id = ? AND parent_id IS NULL",
               { next.categoryId })
            > 0;
    if (!topLevel) {
        return mutationRejected(ErrorCode::MutationInvalid,
            "args.categoryId \"" + next.categoryId + "\" is not a top-level category", current);
    }
    const bool child = next.subcategoryId.empty()
        || m_sql.scalar("SELECT COUNT(*) AS n FROM categories WHERE id = ? AND parent_id = ?",
               { next.subcategoryId, next.categoryId })
            > 0;
    if (!child) {
        return mutationRejected(ErrorCode::MutationInvalid,
            "args.subcategoryId \"" + next.subcategoryId + "\" is not a subcategory of "
                + next.categoryId,
            current);
    }

    if (next.categoryId == before.categoryId && next.subcategoryId == before.subcategoryId
        && before.categorySource == "agent") {
        MutationOutcome outcome; // a person already set this category: nothing to do
        outcome.applied = true;
        outcome.version = stored.version;
        outcome.seq = m_sql.scalar(
            "SELECT MAX(seq) AS s FROM change_log WHERE entity = 'case' AND entity_id = ?",
            { before.id });
        return outcome;
    }

    const std::int64_t version = stored.version + 1;
    next.categorySource = "agent";
    next.categoryConfidence = 1.0;
    next.updatedAt = utcNowIso();
    sla::SlaRecords(m_sql).recompute(next); // the targets depend on the category
    m_sql.exec("UPDATE cases SET category_id = ?, subcategory_id = ?, category_source = ?, "
               "category_confidence = ?, category_confirmed = 1, updated_at = ?, version = ? "
               "WHERE id = ?",
        { next.categoryId, textOrNull(next.subcategoryId), next.categorySource,
            next.categoryConfidence, next.updatedAt, version, next.id });
    m_sql.exec("INSERT INTO labelled_examples (id, case_id, text, category_id, language, "
               "previous_category_id, labelled_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        { generateUuid(), next.id, next.text, next.categoryId, next.language,
            textOrNull(before.categoryId), textOrNull(scope.userId), next.updatedAt });

    MutationOutcome outcome;
    outcome.applied = true;
    outcome.version = version;
    outcome.seq = logCase(next, version);

    // The body is data in English, like status and assignment entries; the client translates.
    const Interaction entry { generateUuid(), next.partyId, next.id, "status", "internal",
        "category: " + categoryPath(before.categoryId, before.subcategoryId) + " → "
            + categoryPath(next.categoryId, next.subcategoryId),
        scope.userId, next.updatedAt };
    insertInteraction(entry);
    logInteraction(entry, next.teamId);
    return outcome;
}

std::vector<LabelledExample> SqliteStore::labelledExamples()
{
    std::lock_guard lock(m_mutex);
    std::vector<LabelledExample> examples;
    // Times have whole seconds, so the insertion order (rowid) breaks ties.
    for (const SqlRow &row : m_sql.query(
             "SELECT case_id, text, category_id, previous_category_id, language, created_at "
             "FROM labelled_examples ORDER BY created_at, rowid")) {
        examples.push_back({ row.text("case_id"), row.text("text"), row.text("category_id"),
            row.text("previous_category_id"), row.text("language"), row.text("created_at") });
    }
    return examples;
}

} // namespace civicdesk::server
