#include "sync/changeapplier.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "corelogging.h"
#include "data/textnormalizer.h"
#include "domain/records.h"
#include "sync/caseedits.h"
#include "sync/recordvalidation.h"

#include <QLatin1String>
#include <cstring>
#include <string_view>

namespace CivicDesk {

namespace {

using civicdesk::protocol::Change;
using civicdesk::protocol::ChangeOp;
using nlohmann::json;

constexpr const char *PurgeMessage = "the case was removed from your scope on the server";

/** Returns the text of a string field, or empty text when the field is absent or not a
 *  string. The view points into record. */
std::string_view stringField(const json &record, const char *key)
{
    const auto found = record.find(key);
    if (found == record.end() || !found->is_string()) {
        return {};
    }
    return found->get_ref<const std::string &>();
}

} // namespace

ChangeApplier::ChangeApplier(Cache &cache, const QString &userId)
    : m_cache(cache)
    , m_userId(userId.toStdString())
{
}

ChangeApplier::~ChangeApplier() = default;

bool ChangeApplier::writeRow(const std::string &insertSql, const std::string &updateSql,
    const std::function<void(Statement &)> &bindRow)
{
    Statement &insert = prepared(insertSql);
    bindRow(insert);
    if (!insert.run()) {
        return false;
    }
    if (m_cache.changes() > 0) {
        return true;
    }
    Statement &update = prepared(updateSql);
    bindRow(update);
    return update.run();
}

Statement &ChangeApplier::prepared(const std::string &sql)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        found = m_statements.emplace(sql, std::make_unique<Statement>(m_cache, sql.c_str())).first;
    }
    found->second->reset();
    return *found->second;
}

const char *ChangeApplier::tableOf(const std::string &entity)
{
    static const std::pair<const char *, const char *> Tables[] = {
        { "region", "regions" },
        { "regionalUnit", "regional_units" },
        { "municipality", "municipalities" },
        { "agency", "agencies" },
        { "team", "teams" },
        { "user", "users" },
        { "category", "categories" },
        { "party", "parties" },
        { "case", "cases" },
        { "interaction", "interactions" },
        { "routingRule", "routing_rules" },
        { "routingRuleHistory", "routing_rule_history" },
        { "priorityWeights", "priority_weights" },
    };
    for (const auto &[name, table] : Tables) {
        if (entity == name) {
            return table;
        }
    }
    return "";
}

ChangeApplier::Result ChangeApplier::apply(const std::vector<Change> &changes, qint64 newCursor)
{
    Transaction transaction(m_cache);
    if (!transaction.isActive()) {
        return {};
    }
    Result result = write(changes, newCursor);
    result.ok = result.ok && transaction.commit();
    return result;
}

ChangeApplier::Result ChangeApplier::write(const std::vector<Change> &changes, qint64 newCursor)
{
    Result result;
    const qint64 cursor = m_cache.metaInteger(QLatin1String(CursorKey));
    // Writing changes adds no pending edit, so one lookup serves the whole page.
    bool caseEditsPending = false;
    if (!hasPendingCaseEdits(&caseEditsPending)) {
        return result;
    }
    for (const Change &change : changes) {
        if (change.seq <= cursor) {
            ++result.ignored;
            continue;
        }
        if (!applyOne(change, caseEditsPending, result)) {
            qCWarning(lcSync) << "writing change" << change.seq
                              << "failed:" << m_cache.lastErrorDetail();
            return result;
        }
    }

    result.ok = newCursor <= cursor
        || m_cache.setMeta(QLatin1String(CursorKey), QString::number(newCursor));
    return result;
}

bool ChangeApplier::applyOne(const Change &change, bool caseEditsPending, Result &result)
{
    if (std::strlen(tableOf(change.entity)) == 0) {
        qCWarning(lcSync) << "skipping change" << change.seq << "of unknown entity"
                          << QString::fromStdString(change.entity);
        ++result.ignored;
        return true;
    }

    std::string why;
    if (change.op == ChangeOp::Upsert && !isValidRecord(change.entity, change.data, &why)) {
        // NOTE: a record this client cannot read is skipped rather than blocking every later
        // change. The warning names it so the server side can be fixed.
        qCWarning(lcSync) << "skipping invalid" << QString::fromStdString(change.entity)
                          << QString::fromStdString(change.id) << ":"
                          << QString::fromStdString(why);
        ++result.ignored;
        return true;
    }

    const bool written = change.op == ChangeOp::Upsert ? upsert(change, caseEditsPending)
                                                       : purge(change, result);
    if (!written) {
        return false;
    }
    ++result.applied;
    const QString entity = QString::fromStdString(change.entity);
    if (!result.entities.contains(entity)) {
        result.entities.append(entity);
    }
    return true;
}

bool ChangeApplier::upsert(const Change &change, bool caseEditsPending)
{
    if (change.entity == "case") {
        return storeCase(change.data, change.version, caseEditsPending);
    }
    if (change.entity == "party") {
        return storeParty(change.data, change.version);
    }
    if (change.entity == "interaction") {
        return storeInteraction(change.data, change.version);
    }
    return storeReference(tableOf(change.entity), change.id, change.data, change.version);
}

bool ChangeApplier::hasPendingCaseEdits(bool *pending)
{
    Statement any(m_cache, "SELECT 1 FROM outbox WHERE entity = 'case' AND state = 'pending' "
                           "LIMIT 1");
    *pending = any.next();
    return any.ok();
}

bool ChangeApplier::applyPendingEdits(
    const json &record, std::string_view id, std::optional<json> *edited)
{
    Statement &pending = prepared("SELECT op, args FROM outbox WHERE entity = 'case' "
                                  "AND entity_id = ? AND state = 'pending' ORDER BY seq");
    pending.bindText(1, id);
    while (pending.next()) {
        if (!*edited) {
            *edited = record;
        }
        const json args = json::parse(pending.bytes(1).toStdString(), nullptr, false);
        CaseEdits::apply(**edited, pending.text(0).toStdString(), args, m_userId);
    }
    return pending.ok();
}

bool ChangeApplier::storeCase(const json &record, qint64 version)
{
    return storeCase(record, version, true);
}

bool ChangeApplier::storeCase(const json &record, qint64 version, bool caseEditsPending)
{
    const std::string_view id = stringField(record, "id");
    if (id.empty()) {
        m_cache.setError(Cache::Error::QueryFailed, QStringLiteral("case record without id"));
        return false;
    }
    std::optional<json> edited;
    if (caseEditsPending && !applyPendingEdits(record, id, &edited)) {
        return false;
    }

    // Without pending edits the case is stored as the server sent it, serialised once.
    const json &shown = edited ? *edited : record;
    const std::string serverData = record.dump();
    const std::string editedData = edited ? edited->dump() : std::string();
    const std::string &data = edited ? editedData : serverData;
    const auto priority = shown.find("priority");
    return writeRow("INSERT OR IGNORE INTO cases (id, version, number, party_id, team_id, "
                    "assignee_id, status, priority, created_at, data, server_data) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        "UPDATE cases SET version = ?2, number = ?3, party_id = ?4, team_id = ?5, "
        "assignee_id = ?6, status = ?7, priority = ?8, created_at = ?9, data = ?10, "
        "server_data = ?11 WHERE id = ?1",
        [&](Statement &row) {
            row.bindText(1, id).bind(2, version);
            row.bindText(3, stringField(shown, "number"));
            row.bindOptionalText(4, stringField(shown, "partyId"));
            row.bindOptionalText(5, stringField(shown, "teamId"));
            row.bindOptionalText(6, stringField(shown, "assigneeId"));
            row.bindText(7, stringField(shown, "status"));
            row.bind(8,
                priority != shown.end() && priority->is_number() ? priority->get<double>() : 0.0);
            row.bindText(9, stringField(shown, "createdAt"));
            row.bindText(10, data).bindText(11, serverData);
        });
}

bool ChangeApplier::storeParty(const json &record, qint64 version)
{
    const civicdesk::Party party = record.get<civicdesk::Party>();
    const QString name = normalizeForSearch(QString::fromStdString(party.displayName()));
    const std::string data = record.dump();
    return writeRow("INSERT OR IGNORE INTO parties (id, version, name_normalized, afm, amka, "
                    "data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        "UPDATE parties SET version = ?2, name_normalized = ?3, afm = ?4, amka = ?5, "
        "data = ?6 WHERE id = ?1",
        [&](Statement &row) {
            row.bindText(1, party.id).bind(2, version).bind(3, name);
            row.bindOptionalText(4, party.afm);
            row.bindOptionalText(5, party.amka);
            row.bindText(6, data);
        });
}

bool ChangeApplier::storeInteraction(const json &record, qint64 version)
{
    const std::string data = record.dump();
    return writeRow("INSERT OR IGNORE INTO interactions (id, version, party_id, case_id, "
                    "created_at, pending, data) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6)",
        "UPDATE interactions SET version = ?2, party_id = ?3, case_id = ?4, created_at = ?5, "
        "pending = 0, data = ?6 WHERE id = ?1",
        [&](Statement &row) {
            row.bindText(1, stringField(record, "id")).bind(2, version);
            row.bindOptionalText(3, stringField(record, "partyId"));
            row.bindOptionalText(4, stringField(record, "caseId"));
            row.bindText(5, stringField(record, "createdAt")).bindText(6, data);
        });
}

bool ChangeApplier::storeReference(
    const char *table, const std::string &id, const json &record, qint64 version)
{
    const std::string data = record.dump();
    return writeRow(std::string("INSERT OR IGNORE INTO ") + table
            + " (id, version, data) VALUES (?1, ?2, ?3)",
        std::string("UPDATE ") + table + " SET version = ?2, data = ?3 WHERE id = ?1",
        [&](Statement &row) { row.bindText(1, id).bind(2, version).bindText(3, data); });
}

bool ChangeApplier::storeServerRecord(
    const std::string &entity, const std::string &id, const json &record, qint64 version)
{
    const char *table = tableOf(entity);
    std::string why;
    if (std::strlen(table) == 0 || entity == "case" || entity == "party"
        || entity == "interaction" || !isValidRecord(entity, record, &why)) {
        // Like an invalid change, the record is skipped, and the change feed still brings it.
        qCWarning(lcSync) << "not storing the server's" << QString::fromStdString(entity)
                          << QString::fromStdString(id) << QString::fromStdString(why);
        return true;
    }
    return storeReference(table, id, record, version);
}

bool ChangeApplier::purge(const Change &change, Result &result)
{
    const QByteArray id = QByteArray::fromStdString(change.id);
    const QByteArray sql = QByteArray("DELETE FROM ") + tableOf(change.entity) + " WHERE id = ?";
    Statement remove(m_cache, sql.constData());
    if (!remove.bind(1, id).run()) {
        return false;
    }
    if (change.entity == "party") {
        Statement interactions(m_cache, "DELETE FROM interactions WHERE party_id = ?");
        return interactions.bind(1, id).run();
    }
    if (change.entity != "case") {
        return true;
    }

    Statement interactions(m_cache, "DELETE FROM interactions WHERE case_id = ?");
    Statement reject(m_cache,
        "UPDATE outbox SET state = 'rejected', "
        "reject_code = 'mutation.forbidden', reject_message = ? "
        "WHERE entity_id = ? AND state = 'pending'");
    reject.bind(1, QByteArray(PurgeMessage)).bind(2, id);
    if (!interactions.bind(1, id).run() || !reject.run()) {
        return false;
    }
    if (m_cache.changes() > 0) {
        result.rejectedCaseIds.append(QString::fromUtf8(id));
        qCInfo(lcSync) << "case" << id << "purged; its queued edits are now rejected";
    }
    return true;
}

} // namespace CivicDesk
