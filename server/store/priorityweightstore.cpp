// Priority weights and case scores of SqliteStore: the stored weights, the priorityWeights
// "set" mutation, and scoring cases with the shared calculator of shared/priority.
#include "domain/ids.h"
#include "priority/priority.h"
#include "store/sqlitestore.h"

#include <Poco/Logger.h>
#include <cmath>
#include <set>

namespace civicdesk::server {

namespace {

using protocol::ErrorCode;
using nlohmann::json;

const char *const ValueMaps[] = { "categoryValues", "regionValues", "subRegionValues",
    "channelValues", "vulnerabilityValues" };

Poco::Logger &storeLogger()
{
    return Poco::Logger::get("civicdesk.server.store");
}

std::optional<std::string> readValueMap(
    const json &args, const std::string &key, std::map<std::string, double> &out)
{
    const auto found = args.find(key);
    if (found == args.end()) {
        return std::nullopt;
    }
    if (!found->is_object()) {
        return "args." + key + " must be an object of numbers";
    }
    for (const auto &[name, value] : found->items()) {
        if (!value.is_number()) {
            return "args." + key + "." + name + " must be a number";
        }
        out[name] = value.get<double>();
    }
    return std::nullopt;
}

std::optional<std::string> readAgeing(const json &args, AgeingCurve &out)
{
    const auto found = args.find("ageing");
    if (found == args.end()) {
        return "args.ageing is missing";
    }
    if (!found->is_object()) {
        return "args.ageing must be an object {kind, capDays}";
    }
    const auto kind = found->find("kind");
    if (kind == found->end() || !kind->is_string()) {
        return "args.ageing.kind must be a string";
    }
    const auto capDays = found->find("capDays");
    if (capDays == found->end() || !capDays->is_number()) {
        return "args.ageing.capDays must be a number";
    }
    out.kind = kind->get<std::string>();
    out.capDays = capDays->get<double>();
    return std::nullopt;
}

/** Reads the args of a "set" into weights; returns the first field that is wrong. */
std::optional<std::string> readWeightsArgs(const json &args, PriorityWeights &weights)
{
    if (!args.is_object()) {
        return "args must be an object";
    }
    std::set<std::string> known { "factorWeights", "ageing", "id", "changedBy", "changedAt" };
    known.insert(std::begin(ValueMaps), std::end(ValueMaps));
    for (const auto &[key, value] : args.items()) {
        if (known.count(key) == 0) {
            return "args." + key + " is not a field of the priority weights";
        }
    }
    if (!args.contains("factorWeights")) {
        return "args.factorWeights is missing";
    }
    if (auto error = readValueMap(args, "factorWeights", weights.factorWeights)) {
        return error;
    }
    std::map<std::string, double> *const maps[] = { &weights.categoryValues,
        &weights.regionValues, &weights.subRegionValues, &weights.channelValues,
        &weights.vulnerabilityValues };
    for (std::size_t i = 0; i < std::size(ValueMaps); ++i) {
        if (auto error = readValueMap(args, ValueMaps[i], *maps[i])) {
            return error;
        }
    }
    return readAgeing(args, weights.ageing);
}

} // namespace

StoredPriorityWeights SqliteStore::priorityWeights()
{
    std::lock_guard lock(m_mutex);
    return readPriorityWeights();
}

StoredPriorityWeights SqliteStore::readPriorityWeights()
{
    if (m_weights) {
        return *m_weights;
    }
    const auto rows = m_sql.query("SELECT data, version FROM priority_weights WHERE id = 'current'");
    if (!rows.empty()) {
        m_weights = StoredPriorityWeights { json::parse(rows.front().text("data")),
            rows.front().integer("version") };
        return *m_weights;
    }

    // Nothing stored yet (the importer seeds the row): not cached, so categories and region
    // weights written later still count.
    StoredPriorityWeights fallback { priority::defaultWeights(), 0 };
    // Only top-level categories: a case's category factor reads its categoryId.
    for (const SqlRow &row :
        m_sql.query("SELECT id, weight FROM categories WHERE parent_id IS NULL")) {
        fallback.weights.categoryValues[row.text("id")] = row.real("weight");
    }
    for (const SqlRow &row : m_sql.query("SELECT region_id, weight FROM region_weights")) {
        fallback.weights.regionValues[row.text("region_id")] = row.real("weight");
    }
    return fallback;
}

bool SqliteStore::seedPriorityWeights(const PriorityWeights &weights)
{
    bool written = false;
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        if (m_sql.scalar("SELECT COUNT(*) AS n FROM priority_weights") > 0) {
            return;
        }
        PriorityWeights seeded = weights;
        seeded.id = "current";
        seeded.changedBy.clear();
        seeded.changedAt = utcNowIso();
        m_sql.exec("INSERT INTO priority_weights (id, data, version, changed_by, changed_at) "
                   "VALUES ('current', ?, 1, NULL, ?)",
            { json(seeded).dump(), seeded.changedAt });
        appendChange("priorityWeights", "current", 1, "upsert", "public", seeded);
        m_weights = StoredPriorityWeights { seeded, 1 };
        written = true;
    });
    lock.unlock();

    if (written) {
        notifyListener();
    }
    return written;
}

MutationOutcome SqliteStore::applyPriorityWeightsMutation(
    const AccessScope &scope, const protocol::Mutation &mutation)
{
    if (scope.role == Role::Agent) {
        return mutationRejected(ErrorCode::MutationForbidden,
            "only supervisors and administrators may change the priority weights");
    }
    if (mutation.entityId != "current") {
        return mutationRejected(ErrorCode::MutationNotFound,
            "priorityWeights " + mutation.entityId + " not found; the only id is \"current\"");
    }
    const StoredPriorityWeights stored = readPriorityWeights();
    if (mutation.op != "set") {
        return mutationRejected(ErrorCode::MutationInvalid,
            "mutation.op \"" + mutation.op + "\" is not set", stored.weights);
    }

    PriorityWeights next;
    if (auto error = readWeightsArgs(mutation.args, next)) {
        return mutationRejected(ErrorCode::MutationInvalid, *error, stored.weights);
    }
    if (auto error = priority::validate(next)) {
        return mutationRejected(ErrorCode::MutationInvalid, *error, stored.weights);
    }
    if (mutation.baseVersion != stored.version) {
        return mutationRejected(ErrorCode::MutationConflict,
            "the priority weights changed after version " + std::to_string(mutation.baseVersion)
                + " (current version " + std::to_string(stored.version) + ")",
            stored.weights);
    }

    next.id = "current";
    next.changedBy = scope.userId;
    next.changedAt = utcNowIso();
    const std::int64_t version = stored.version + 1;
    m_sql.exec("INSERT INTO priority_weights (id, data, version, changed_by, changed_at) "
               "VALUES ('current', ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
               "data = excluded.data, version = excluded.version, "
               "changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        { json(next).dump(), version, textOrNull(next.changedBy), next.changedAt });

    MutationOutcome outcome;
    outcome.applied = true;
    outcome.version = version;
    outcome.seq = appendChange("priorityWeights", "current", version, "upsert", "public", next);
    // A rollback of this transaction drops the cache (inTransaction), so the next read goes
    // to the table.
    m_weights = StoredPriorityWeights { next, version };

    const auto now = priority::parseUtc(next.changedAt).value_or(0);
    const int rescored = rescoreOpenCasesLocked(next, now, 0);
    storeLogger().information("Priority weights version %s set by user %s; %d open cases scored "
                              "again",
        std::to_string(version), scope.userId, rescored);
    return outcome;
}

void SqliteStore::scoreCase(Case &kase, const PriorityWeights &weights, std::int64_t now)
{
    priority::CaseFacts facts;
    facts.categoryId = kase.categoryId;
    facts.regionId = kase.regionId;
    facts.municipalityId = kase.municipalityId;
    facts.channel = kase.channel;
    facts.status = kase.status;
    facts.createdAt = priority::parseUtc(kase.createdAt).value_or(now);
    facts.dueAt = priority::parseUtc(kase.dueAt);
    facts.duplicateCount = kase.duplicateCount;

    const auto units = m_sql.query(
        "SELECT unit_id FROM municipalities WHERE id = ?", { kase.municipalityId });
    if (!units.empty()) {
        facts.unitId = units.front().text("unit_id");
    }
    const auto parties =
        m_sql.query("SELECT vulnerabilities FROM parties WHERE id = ?", { kase.partyId });
    if (!parties.empty()) {
        facts.vulnerabilities =
            json::parse(parties.front().text("vulnerabilities")).get<std::vector<std::string>>();
    }

    const priority::Result result = priority::compute(weights, facts, now);
    kase.priority = result.score;
    kase.priorityFactors = result.factors;
}

std::int64_t SqliteStore::writeScore(const StoredCase &stored, const Case &scored)
{
    // Only the version moves: status and assignee versions stay, so client edits made on
    // the old version still merge.
    const std::int64_t version = stored.version + 1;
    m_sql.exec("UPDATE cases SET priority = ?, priority_factors = ?, version = ? WHERE id = ?",
        { scored.priority, json(scored.priorityFactors).dump(), version, scored.id });
    return logCase(scored, version);
}

int SqliteStore::rescoreOpenCasesLocked(
    const PriorityWeights &weights, std::int64_t now, double minimumChange)
{
    int logged = 0;
    const auto rows = m_sql.query("SELECT id FROM cases WHERE status NOT IN ('resolved', 'closed') "
                                  "ORDER BY created_at, id");
    for (const SqlRow &row : rows) {
        const auto stored = readCase(row.text("id"));
        if (!stored) {
            continue;
        }
        Case scored = stored->kase;
        scoreCase(scored, weights, now);
        // minimumChange 0: any change of the breakdown counts, such as a new factor weight
        // whose factor has value 0 on this case.
        const bool changed = minimumChange > 0
            ? std::abs(scored.priority - stored->kase.priority) >= minimumChange
            : json(scored.priorityFactors) != json(stored->kase.priorityFactors);
        if (changed) {
            writeScore(*stored, scored);
            ++logged;
        }
    }
    return logged;
}

int SqliteStore::rescoreOpenCases(std::int64_t now, double minimumChange)
{
    int logged = 0;
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        const PriorityWeights weights = readPriorityWeights().weights;
        logged = rescoreOpenCasesLocked(weights, now, minimumChange);
    });
    lock.unlock();

    if (logged > 0) {
        notifyListener();
    }
    return logged;
}

} // namespace civicdesk::server
