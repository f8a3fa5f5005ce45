// Writes of SqliteStore: reference data, cases with their parties and timelines, and the
// change-log rows that every write appends in the same transaction.
#include "auth/passwords.h"
#include "domain/ids.h"
#include "priority/priority.h"
#include "sla/slarecords.h"
#include "store/sqlitestore.h"

#include <Poco/String.h>
#include <Poco/UTF8String.h>

#include <cstdio>
#include <utility>
#include <vector>

namespace civicdesk::server {

namespace {

// Tables whose rows carry a version that the change log reports.
const std::set<std::string> VersionedTables { "regions", "regional_units", "municipalities",
    "agencies", "teams", "users", "categories", "parties" };

} // namespace

bool SqliteStore::upsertRow(const std::string &table,
    const std::vector<std::pair<std::string, SqlValue>> &columns,
    const std::set<std::string> &insertOnly)
{
    std::string names;
    std::string placeholders;
    std::string updates;
    std::string differs;
    std::vector<SqlValue> params;
    for (const auto &[name, value] : columns) {
        names += (names.empty() ? "" : ", ") + name;
        placeholders += placeholders.empty() ? "?" : ", ?";
        params.push_back(value);
        if (name == columns.front().first || insertOnly.count(name) != 0) {
            continue;
        }
        updates += (updates.empty() ? "" : ", ") + name + " = excluded." + name;
        differs +=
            (differs.empty() ? "" : " OR ") + table + "." + name + " IS NOT excluded." + name;
    }
    if (VersionedTables.count(table) != 0) {
        updates += ", version = " + table + ".version + 1";
    }
    const std::string sql = "INSERT INTO " + table + " (" + names + ") VALUES (" + placeholders
        + ") ON CONFLICT (" + columns.front().first + ") DO UPDATE SET " + updates + " WHERE "
        + differs;
    return m_sql.exec(sql, params) > 0;
}

std::int64_t SqliteStore::rowVersion(const std::string &table, const std::string &id)
{
    return m_sql.scalar("SELECT version FROM " + table + " WHERE id = ?", { id }, 1);
}

std::map<std::string, int> SqliteStore::writeReferenceData(const ReferenceData &data)
{
    std::map<std::string, int> changed;
    const auto publish = [&](const std::string &entity, const std::string &table,
                             const std::string &id, const nlohmann::json &record) {
        ++changed[entity];
        appendChange(entity, id, rowVersion(table, id), "upsert", "public", record);
    };

    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        for (const Region &r : data.regions) {
            if (upsertRow("regions",
                    { { "id", r.id }, { "iso", r.iso }, { "name_el", r.nameEl },
                        { "name_en", r.nameEn } })) {
                publish("region", "regions", r.id, r);
            }
        }
        for (const RegionalUnit &u : data.units) {
            if (upsertRow("regional_units",
                    { { "id", u.id }, { "region_id", u.regionId }, { "name_el", u.nameEl },
                        { "name_en", u.nameEn } })) {
                publish("regionalUnit", "regional_units", u.id, u);
            }
        }
        for (const MunicipalityInfo &info : data.municipalities) {
            const Municipality &m = info.municipality;
            if (upsertRow("municipalities",
                    { { "id", m.id }, { "unit_id", m.unitId }, { "region_id", m.regionId },
                        { "name_el", m.nameEl }, { "name_en", m.nameEn },
                        { "population", info.population } })) {
                publish("municipality", "municipalities", m.id, m);
            }
        }
        for (const AgencyInfo &info : data.agencies) {
            const Agency &a = info.agency;
            if (upsertRow("agencies",
                    { { "id", a.id }, { "region_id", textOrNull(info.regionId) },
                        { "name_el", a.nameEl }, { "name_en", a.nameEn } })) {
                publish("agency", "agencies", a.id, a);
            }
        }
        for (const Team &t : data.teams) {
            if (upsertRow("teams",
                    { { "id", t.id }, { "agency_id", t.agencyId }, { "code", t.code },
                        { "name_el", t.nameEl }, { "name_en", t.nameEn },
                        { "region_id", textOrNull(t.regionId) },
                        { "triage", std::int64_t { t.triage } },
                        { "assignment_mode", t.assignmentMode } })) {
                publish("team", "teams", t.id, t);
            }
        }
        for (const Category &c : data.categories) {
            if (upsertRow("categories",
                    { { "id", c.id }, { "name_el", c.nameEl }, { "name_en", c.nameEn },
                        { "weight", c.weight }, { "parent_id", textOrNull(c.parentId) } })) {
                publish("category", "categories", c.id, c);
            }
        }
        // Rules reach clients through the change log, but region weights are server
        // configuration that clients do not sync.
        if (const int seeded = seedRoutingRules(data.rules); seeded > 0) {
            changed["routingRule"] += seeded;
        }
        for (const auto &[regionId, weight] : data.regionWeights) {
            if (upsertRow("region_weights", { { "region_id", regionId }, { "weight", weight } })) {
                ++changed["regionWeight"];
            }
        }
        for (const UserSeed &seed : data.users) {
            writeUser(seed, changed);
        }
    });
    // Teams may have changed, so intake rebuilds its router.
    ++m_routingGeneration;
    lock.unlock();

    notifyListener();
    return changed;
}

void SqliteStore::writeUser(const UserSeed &seed, std::map<std::string, int> &changed)
{
    const StaffUser &user = seed.user;
    const auto existing = m_sql.query("SELECT password_hash FROM users WHERE id = ?", { user.id });
    // The password is set only when the account is created, so a re-import never resets it.
    const std::string hash =
        existing.empty() ? hashPassword(seed.password) : existing.front().text("password_hash");

    const bool rowChanged = upsertRow("users",
        { { "id", user.id }, { "username", user.username }, { "display_name", user.displayName },
            { "role", toString(user.role) }, { "password_hash", hash },
            { "active", std::int64_t { 1 } },
            { "languages", nlohmann::json(user.languages).dump() },
            { "skills", nlohmann::json(user.skills).dump() },
            { "capacity", std::int64_t { user.capacity } } },
        { "password_hash" });
    const bool membersChanged = syncTeamMembers(user.id, user.teamIds);
    if (!rowChanged && !membersChanged) {
        return;
    }
    if (!rowChanged) {
        m_sql.exec("UPDATE users SET version = version + 1 WHERE id = ?", { user.id });
    }

    StaffUser stored = user;
    stored.teamIds = teamIdsOf(user.id);
    ++changed["user"];
    appendChange("user", user.id, rowVersion("users", user.id), "upsert", "public", stored);
}

bool SqliteStore::syncTeamMembers(
    const std::string &userId, const std::vector<std::string> &teamIds)
{
    const std::vector<std::string> current = teamIdsOf(userId);
    const std::set<std::string> wanted(teamIds.begin(), teamIds.end());
    if (std::set<std::string>(current.begin(), current.end()) == wanted) {
        return false;
    }
    m_sql.exec("DELETE FROM team_members WHERE user_id = ?", { userId });
    for (const std::string &teamId : wanted) {
        m_sql.exec("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", { teamId, userId });
    }
    return true;
}

bool SqliteStore::insertParty(const Party &p)
{
    return m_sql.exec("INSERT OR IGNORE INTO parties (id, kind, first_name, last_name, legal_name, "
                      "afm, amka, email, phone, language, municipality_id, fictitious, created_at, "
                      "vulnerabilities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               { p.id, std::string(p.kind == PartyKind::Person ? "person" : "organisation"),
                   p.firstName, p.lastName, p.legalName, p.afm, p.amka, p.email, p.phone,
                   p.language, textOrNull(p.municipalityId), std::int64_t { p.fictitious },
                   p.createdAt, nlohmann::json(p.vulnerabilities).dump() })
        > 0;
}

void SqliteStore::insertCase(const Case &c, const std::string &categoryCandidates)
{
    m_sql.exec("INSERT INTO cases (id, number, party_id, channel, text, category_id, "
               "category_confidence, category_source, model_version, language, municipality_id, "
               "region_id, address, status, team_id, assignee_id, route_rule, priority, "
               "priority_factors, created_at, updated_at, source_id, assignment_reason, "
               "duplicate_of, duplicate_count, subcategory_id, category_candidates) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
               "?)",
        { c.id, c.number, textOrNull(c.partyId), c.channel, c.text, c.categoryId,
            c.categoryConfidence, c.categorySource, c.modelVersion, c.language,
            textOrNull(c.municipalityId), textOrNull(c.regionId), c.address, c.status,
            textOrNull(c.teamId), textOrNull(c.assigneeId), c.routeRule, c.priority,
            nlohmann::json(c.priorityFactors).dump(), c.createdAt, c.updatedAt,
            textOrNull(c.sourceId), c.assignmentReason, textOrNull(c.duplicateOf),
            std::int64_t { c.duplicateCount }, textOrNull(c.subcategoryId),
            categoryCandidates.empty() ? std::string("[]") : categoryCandidates });
}

void SqliteStore::insertInteraction(const Interaction &i)
{
    m_sql.exec("INSERT INTO interactions (id, party_id, case_id, kind, channel, body, author_id, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        { i.id, textOrNull(i.partyId), textOrNull(i.caseId), i.kind, i.channel, i.body,
            textOrNull(i.authorId), i.createdAt });
}

bool SqliteStore::teamHasOtherCaseOfParty(
    const std::string &partyId, const std::string &teamId, const std::string &exceptCaseId)
{
    return m_sql.scalar("SELECT COUNT(*) AS n FROM cases WHERE party_id = ? AND team_id = ? "
                        "AND id <> ?",
               { partyId, teamId, exceptCaseId })
        > 0;
}

std::int64_t SqliteStore::logCase(const Case &kase, std::int64_t version)
{
    return appendChange("case", kase.id, version, "upsert", teamScope(kase.teamId), kase);
}

void SqliteStore::logParty(const std::string &partyId, const std::string &teamId)
{
    const auto party = readParty(partyId);
    if (party) {
        appendChange(
            "party", partyId, rowVersion("parties", partyId), "upsert", teamScope(teamId), *party);
    }
}

void SqliteStore::logInteraction(const Interaction &interaction, const std::string &teamId)
{
    appendChange("interaction", interaction.id, 1, "upsert", teamScope(teamId), interaction);
}

SqliteStore::BundleWrite SqliteStore::writeCaseBundle(const CaseBundle &bundle)
{
    BundleWrite written;
    Case &kase = written.kase;
    kase = bundle.kase;
    written.partyCreated = insertParty(bundle.party);
    // The clock sets the due time, and the score needs it together with the weights in force
    // and the party's vulnerability flags (priorityweightstore.cpp). Both are worked out
    // before the INSERT, so the row is written once and not updated twice after.
    sla::SlaRecords clocks(m_sql);
    const sla::SlaClock clock = clocks.firstClock(kase);
    sla::SlaRecords::copyToCase(clock, kase);
    scoreCase(kase, readPriorityWeights().weights, priority::parseUtc(utcNowIso()).value_or(0));
    insertCase(kase, bundle.categoryCandidates);
    clocks.writeClock(kase.id, clock);
    if (!kase.partyId.empty() && !teamHasOtherCaseOfParty(kase.partyId, kase.teamId, kase.id)) {
        logParty(kase.partyId, kase.teamId);
    }
    written.seq = logCase(kase, 1);
    insertInteraction(bundle.submission);
    logInteraction(bundle.submission, kase.teamId);
    for (const Interaction &event : bundle.history) {
        insertInteraction(event);
        logInteraction(event, kase.teamId);
    }
    return written;
}

int SqliteStore::writeImportedCases(const std::vector<CaseBundle> &bundles)
{
    int written = 0;
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        for (const CaseBundle &bundle : bundles) {
            if (m_sql.scalar(
                    "SELECT COUNT(*) AS n FROM cases WHERE source_id = ?", { bundle.kase.sourceId })
                > 0) {
                continue;
            }
            writeCaseBundle(bundle);
            ++written;
        }
    });
    lock.unlock();

    if (written > 0) {
        notifyListener();
    }
    return written;
}

namespace {

std::string caseNumber(const std::string &prefix, std::int64_t serial)
{
    char digits[24];
    std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(serial));
    return prefix + digits;
}

} // namespace

std::string SqliteStore::nextCaseNumber(const std::string &createdAt)
{
    const std::string prefix = "CD-" + createdAt.substr(0, 4) + "-";
    // The serial after the last one this process committed is usually the next number, and
    // checking that it is free costs one index look-up. The scan of every number of the year runs
    // only at the first case of a year or when another writer (an import) took the number.
    const auto remembered = m_lastCaseSerials.find(prefix);
    if (remembered != m_lastCaseSerials.end()) {
        const std::string candidate = caseNumber(prefix, remembered->second + 1);
        if (m_sql.scalar("SELECT COUNT(*) AS n FROM cases WHERE number = ?", { candidate }) == 0) {
            return candidate;
        }
    }
    const std::int64_t last =
        m_sql.scalar("SELECT MAX(CAST(substr(number, ?) AS INTEGER)) AS n FROM cases "
                     "WHERE number LIKE ?",
            { std::int64_t(prefix.size() + 1), prefix + "%" }, 0);
    return caseNumber(prefix, last + 1);
}

void SqliteStore::rememberCaseNumber(const std::string &number)
{
    const auto serialStart = number.rfind('-') + 1;
    m_lastCaseSerials[number.substr(0, serialStart)] = std::stoll(number.substr(serialStart));
}

namespace {

/** Compares two names ignoring case and Greek accents. */
bool sameName(const std::string &left, const std::string &right)
{
    static const std::vector<std::pair<std::string, std::string>> Unaccented {
        { "ά", "α" }, { "έ", "ε" }, { "ή", "η" }, { "ί", "ι" }, { "ό", "ο" }, { "ύ", "υ" },
        { "ώ", "ω" }, { "ϊ", "ι" }, { "ϋ", "υ" }, { "ΐ", "ι" }, { "ΰ", "υ" }, { "ς", "σ" },
    };
    const auto fold = [](const std::string &name) {
        std::string folded = Poco::UTF8::toLower(Poco::trim(name));
        for (const auto &[accented, plain] : Unaccented) {
            Poco::replaceInPlace(folded, accented, plain);
        }
        return folded;
    };
    return fold(left) == fold(right);
}

} // namespace

// Runs inside the group commit's transaction (casebatch.cpp), which holds m_mutex.
CaseWriteResult SqliteStore::writeSubmittedCase(CaseBundle &bundle)
{
    CaseWriteResult result;
    // A request joins an existing party only when the AFM and the name both match.
    // Otherwise a new party keeps the submitted contact, so a mistyped or borrowed AFM
    // cannot put a request in a stranger's file.
    if (!bundle.party.afm.empty()) {
        // "afm <> ''" lets SQLite use the partial index parties_afm; without it,
        // the look-up scans every party.
        const auto rows = m_sql.query("SELECT id, first_name, last_name FROM parties "
                                      "WHERE afm = ? AND afm <> '' ORDER BY created_at",
            { bundle.party.afm });
        for (const auto &row : rows) {
            if (sameName(row.text("first_name"), bundle.party.firstName)
                && sameName(row.text("last_name"), bundle.party.lastName)) {
                bundle.party.id = row.text("id");
                break;
            }
        }
    }
    bundle.kase.partyId = bundle.party.id;
    bundle.submission.partyId = bundle.party.id;
    bundle.kase.number = nextCaseNumber(bundle.kase.createdAt);
    checkDuplicateTarget(bundle.kase);
    BundleWrite written = writeCaseBundle(bundle);
    linkDuplicate(written.kase);
    result.seq = written.seq;
    result.kase = std::move(written.kase);
    result.partyCreated = written.partyCreated;
    return result;
}

bool SqliteStore::moveCaseToTeam(
    const std::string &caseId, const std::string &teamId, const std::string &routeRule)
{
    bool moved = false;
    std::unique_lock lock(m_mutex);
    inTransaction([&] {
        auto stored = readCase(caseId);
        if (!stored || stored->kase.teamId == teamId) {
            return;
        }
        Case &kase = stored->kase;
        const std::string oldTeam = kase.teamId;
        const std::int64_t version = stored->version + 1;
        kase.teamId = teamId;
        kase.routeRule = routeRule;
        kase.updatedAt = utcNowIso();
        m_sql.exec("UPDATE cases SET team_id = ?, route_rule = ?, updated_at = ?, version = ? "
                   "WHERE id = ?",
            { teamId, routeRule, kase.updatedAt, version, caseId });

        // Purges first, so a user in both teams ends with the upserts that follow.
        appendChange("case", caseId, version, "purge", teamScope(oldTeam), nullptr);
        if (!kase.partyId.empty() && !teamHasOtherCaseOfParty(kase.partyId, oldTeam, caseId)) {
            appendChange("party", kase.partyId, rowVersion("parties", kase.partyId), "purge",
                teamScope(oldTeam), nullptr);
        }
        if (!kase.partyId.empty() && !teamHasOtherCaseOfParty(kase.partyId, teamId, caseId)) {
            logParty(kase.partyId, teamId);
        }
        logCase(kase, version);
        for (const Interaction &interaction : readInteractions(caseId)) {
            logInteraction(interaction, teamId);
        }
        moved = true;
    });
    lock.unlock();

    if (moved) {
        notifyListener();
    }
    return moved;
}

} // namespace civicdesk::server
