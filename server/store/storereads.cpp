// Read-only look-ups of SqliteStore used by the importer, intake and mutations.
#include "sla/slarecords.h"
#include "store/sqlitestore.h"

namespace civicdesk::server {

namespace {

Municipality municipalityFrom(const SqlRow &row)
{
    return { row.text("id"), row.text("unit_id"), row.text("region_id"), row.text("name_el"),
        row.text("name_en") };
}

Team teamFrom(const SqlRow &row)
{
    Team team;
    team.id = row.text("id");
    team.agencyId = row.text("agency_id");
    team.code = row.text("code");
    team.nameEl = row.text("name_el");
    team.nameEn = row.text("name_en");
    team.regionId = row.text("region_id");
    team.triage = row.integer("triage") != 0;
    team.assignmentMode = row.text("assignment_mode");
    return team;
}

Case caseFrom(const SqlRow &row)
{
    Case kase;
    kase.id = row.text("id");
    kase.number = row.text("number");
    kase.partyId = row.text("party_id");
    kase.channel = row.text("channel");
    kase.text = row.text("text");
    kase.categoryId = row.text("category_id");
    kase.categoryConfidence = row.real("category_confidence");
    kase.categorySource = row.text("category_source");
    kase.modelVersion = row.text("model_version");
    kase.language = row.text("language");
    kase.municipalityId = row.text("municipality_id");
    kase.regionId = row.text("region_id");
    kase.address = row.text("address");
    kase.status = row.text("status");
    kase.teamId = row.text("team_id");
    kase.assigneeId = row.text("assignee_id");
    kase.routeRule = row.text("route_rule");
    kase.priority = row.real("priority");
    kase.priorityFactors =
        nlohmann::json::parse(row.text("priority_factors")).get<std::vector<PriorityFactor>>();
    kase.createdAt = row.text("created_at");
    kase.updatedAt = row.text("updated_at");
    kase.sourceId = row.text("source_id");
    kase.assignmentReason = row.text("assignment_reason");
    kase.duplicateOf = row.text("duplicate_of");
    kase.duplicateCount = static_cast<int>(row.integer("duplicate_count"));
    kase.subcategoryId = row.text("subcategory_id");
    sla::SlaRecords::readIntoCase(row, kase);
    return kase;
}

Party partyFrom(const SqlRow &row)
{
    Party party;
    party.id = row.text("id");
    party.kind = row.text("kind") == "organisation" ? PartyKind::Organisation : PartyKind::Person;
    party.firstName = row.text("first_name");
    party.lastName = row.text("last_name");
    party.legalName = row.text("legal_name");
    party.afm = row.text("afm");
    party.amka = row.text("amka");
    party.email = row.text("email");
    party.phone = row.text("phone");
    party.language = row.text("language");
    party.municipalityId = row.text("municipality_id");
    party.fictitious = row.integer("fictitious") != 0;
    party.createdAt = row.text("created_at");
    party.vulnerabilities =
        nlohmann::json::parse(row.text("vulnerabilities")).get<std::vector<std::string>>();
    return party;
}

Interaction interactionFrom(const SqlRow &row)
{
    Interaction interaction;
    interaction.id = row.text("id");
    interaction.partyId = row.text("party_id");
    interaction.caseId = row.text("case_id");
    interaction.kind = row.text("kind");
    interaction.channel = row.text("channel");
    interaction.body = row.text("body");
    interaction.authorId = row.text("author_id");
    interaction.createdAt = row.text("created_at");
    return interaction;
}

} // namespace

std::vector<MunicipalityInfo> SqliteStore::municipalities()
{
    std::lock_guard lock(m_mutex);
    std::vector<MunicipalityInfo> result;
    for (const SqlRow &row : m_sql.query("SELECT * FROM municipalities ORDER BY id")) {
        result.push_back({ municipalityFrom(row), row.integer("population") });
    }
    return result;
}

std::optional<Municipality> SqliteStore::findMunicipality(const std::string &id)
{
    std::lock_guard lock(m_readMutex);
    const auto rows = m_readSql->query("SELECT * FROM municipalities WHERE id = ?", { id });
    if (rows.empty()) {
        return std::nullopt;
    }
    return municipalityFrom(rows.front());
}

std::vector<Category> SqliteStore::categories()
{
    std::lock_guard lock(m_mutex);
    std::vector<Category> result;
    for (const SqlRow &row : m_sql.query("SELECT * FROM categories ORDER BY id")) {
        result.push_back({ row.text("id"), row.text("name_el"), row.text("name_en"),
            row.real("weight"), row.text("parent_id") });
    }
    return result;
}

std::vector<Team> SqliteStore::teams()
{
    std::lock_guard lock(m_mutex);
    std::vector<Team> result;
    for (const SqlRow &row : m_sql.query("SELECT * FROM teams ORDER BY region_id, code")) {
        result.push_back(teamFrom(row));
    }
    return result;
}

std::optional<Team> SqliteStore::findTeam(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    const auto rows = m_sql.query("SELECT * FROM teams WHERE id = ?", { id });
    if (rows.empty()) {
        return std::nullopt;
    }
    return teamFrom(rows.front());
}

std::map<std::string, double> SqliteStore::regionWeights()
{
    std::lock_guard lock(m_mutex);
    std::map<std::string, double> result;
    for (const SqlRow &row : m_sql.query("SELECT region_id, weight FROM region_weights")) {
        result[row.text("region_id")] = row.real("weight");
    }
    return result;
}

std::optional<StoredCase> SqliteStore::findCase(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    return readCase(id);
}

std::optional<Party> SqliteStore::findParty(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    return readParty(id);
}

std::set<std::string> SqliteStore::importedSourceIds()
{
    std::lock_guard lock(m_mutex);
    std::set<std::string> ids;
    for (const SqlRow &row :
        m_sql.query("SELECT source_id FROM cases WHERE source_id IS NOT NULL")) {
        ids.insert(row.text("source_id"));
    }
    return ids;
}

std::int64_t SqliteStore::countRows(const std::string &table)
{
    static const std::set<std::string> tables { "regions", "regional_units", "municipalities",
        "agencies", "teams", "users", "team_members", "categories", "routing_rules",
        "routing_rule_history", "region_weights", "parties", "cases", "interactions",
        "change_log", "applied_mutations", "access_log" };
    if (tables.count(table) == 0) {
        throw Poco::InvalidArgumentException("unknown table", table);
    }
    std::lock_guard lock(m_mutex);
    return m_sql.scalar("SELECT COUNT(*) AS n FROM " + table);
}

std::optional<StoredCase> SqliteStore::readCase(const std::string &id)
{
    const auto rows = m_sql.query("SELECT * FROM cases WHERE id = ?", { id });
    if (rows.empty()) {
        return std::nullopt;
    }
    const SqlRow &row = rows.front();
    return StoredCase { caseFrom(row), row.integer("version"), row.integer("status_version"),
        row.integer("assignee_version") };
}

std::optional<Party> SqliteStore::readParty(const std::string &id)
{
    const auto rows = m_sql.query("SELECT * FROM parties WHERE id = ?", { id });
    if (rows.empty()) {
        return std::nullopt;
    }
    return partyFrom(rows.front());
}

std::vector<Interaction> SqliteStore::readInteractions(const std::string &caseId)
{
    std::vector<Interaction> result;
    for (const SqlRow &row : m_sql.query("SELECT * FROM interactions WHERE case_id = ? "
                                         "ORDER BY created_at, id",
             { caseId })) {
        result.push_back(interactionFrom(row));
    }
    return result;
}

std::optional<std::string> SqliteStore::usernameOf(const std::string &userId)
{
    const auto rows = m_sql.query("SELECT username FROM users WHERE id = ?", { userId });
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows.front().text("username");
}

} // namespace civicdesk::server
