#include "importer/referencedata.h"

#include "domain/ids.h"
#include "importer/csvreader.h"
#include "importer/taxonomy.h"

#include <Poco/NumberParser.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>

namespace civicdesk::server {

namespace {

// The Attica region (ISO 3166-2 GR-I), where the demo staff work.
const std::string AtticaIso = "GR-I";

std::int64_t parsePopulation(const std::string &text)
{
    Poco::Int64 value = 0;
    return Poco::NumberParser::tryParse64(text, value) ? value : 0;
}

struct RegionTeams
{
    std::string regionId;
    std::string iso;
};

void addAdminDivisions(
    ReferenceData &data, const std::string &adminDir, std::vector<RegionTeams> &regionsWithTeams)
{
    const CsvTable regions = CsvTable::load(adminDir + "/greece_regions.csv");
    for (const auto &row : regions.rows()) {
        Region region { regions.field(row, "region_id"), regions.field(row, "iso_3166_2"),
            regions.field(row, "name_el"), regions.field(row, "name_en") };
        data.regions.push_back(region);
        // Mount Athos is self-governed and has no municipalities, so it gets no agency.
        if (regions.field(row, "is_self_governed_athos") != "1") {
            regionsWithTeams.push_back({ region.id, region.iso });
        }
    }

    const CsvTable units = CsvTable::load(adminDir + "/greece_regional_units.csv");
    for (const auto &row : units.rows()) {
        data.units.push_back({ units.field(row, "unit_id"), units.field(row, "region_id"),
            units.field(row, "name_el"), units.field(row, "name_en") });
    }

    const CsvTable municipalities = CsvTable::load(adminDir + "/greece_municipalities.csv");
    for (const auto &row : municipalities.rows()) {
        MunicipalityInfo info;
        info.municipality = { municipalities.field(row, "ypes_code"),
            municipalities.field(row, "unit_id"), municipalities.field(row, "region_id"),
            municipalities.field(row, "name_el"), municipalities.field(row, "name_en") };
        info.population = parsePopulation(municipalities.field(row, "pop_2021_provisional"));
        data.municipalities.push_back(info);
    }
}

const Region &regionById(const ReferenceData &data, const std::string &id)
{
    for (const Region &region : data.regions) {
        if (region.id == id) {
            return region;
        }
    }
    throw Poco::NotFoundException("region", id);
}

std::string teamId(const std::string &regionId, const std::string &code)
{
    return stableId("team:" + regionId + ":" + code);
}

void addAgenciesAndTeams(ReferenceData &data, const std::string &taxonomyDir,
    const std::vector<RegionTeams> &regionsWithTeams)
{
    const CsvTable departments = CsvTable::load(taxonomyDir + "/sensecity_patras_departments.csv");
    for (const RegionTeams &entry : regionsWithTeams) {
        const Region &region = regionById(data, entry.regionId);
        const Agency agency { stableId("agency:" + region.id),
            "Δημοτικές υπηρεσίες Περιφέρειας " + region.nameEl,
            "Municipal services, " + region.nameEn };
        data.agencies.push_back({ agency, region.id });
        for (const auto &row : departments.rows()) {
            Team team;
            team.code = departments.field(row, "department_key");
            team.id = teamId(region.id, team.code);
            team.agencyId = agency.id;
            team.nameEl = departments.field(row, "department_el") + " – " + region.nameEl;
            team.nameEn = departments.field(row, "department_en_label") + " – " + region.nameEn;
            team.regionId = region.id;
            team.triage = team.code == RegionTriageCode;
            data.teams.push_back(team);
        }
    }

    const Agency national { stableId("agency:national"), "Εθνική υπηρεσία διαλογής αιτημάτων",
        "National request triage service" };
    data.agencies.push_back({ national, {} });
    data.teams.push_back({ teamId("", NationalTriageCode), national.id, NationalTriageCode,
        "Εθνική ομάδα διαλογής", "National triage team", {}, true });
}

void addRulesAndWeights(ReferenceData &data)
{
    const std::string seededAt = utcNowIso();
    for (const CategoryDefinition &definition : categoryDefinitions()) {
        RoutingRuleRecord rule;
        rule.id = stableId("routing-rule:" + definition.category.id);
        rule.categoryId = definition.category.id;
        rule.areaLevel = "any";
        rule.teamCode = definition.departmentCode;
        rule.effectiveFrom = SeedRulesEffectiveFrom;
        rule.changedAt = seededAt;
        data.rules.push_back(rule);
    }
    // Attica weighs more for its density; the island regions for their travel distances.
    const std::map<std::string, double> weightsByIso { { AtticaIso, 1.2 }, { "GR-F", 1.1 },
        { "GR-K", 1.1 }, { "GR-L", 1.1 }, { "GR-M", 1.1 } };
    for (const Region &region : data.regions) {
        const auto found = weightsByIso.find(region.iso);
        data.regionWeights[region.id] = found == weightsByIso.end() ? 1.0 : found->second;
    }
}

void addUsers(ReferenceData &data)
{
    std::string atticaId;
    for (const Region &region : data.regions) {
        if (region.iso == AtticaIso) {
            atticaId = region.id;
        }
    }
    std::vector<std::string> agentTeams;
    for (const char *code :
        { "POLICY_PROTECTION_DEPARTMENT", "SOLVE_DEPARTMENT", "SHARED_SPACE_DEPARTMENT" }) {
        agentTeams.push_back(teamId(atticaId, code));
    }
    std::vector<std::string> atticaTeams;
    for (const Team &team : data.teams) {
        if (team.regionId == atticaId) {
            atticaTeams.push_back(team.id);
        }
    }

    // The demo agents' teams assign new cases to them; the other teams work by claiming.
    for (Team &team : data.teams) {
        if (std::find(agentTeams.begin(), agentTeams.end(), team.id) != agentTeams.end()) {
            team.assignmentMode = "push";
        }
    }

    const auto user = [&](const std::string &username, const std::string &displayName, Role role,
                          std::vector<std::string> teams, std::vector<std::string> languages,
                          int capacity) {
        StaffUser staff { stableId("user:" + username), username, displayName, role,
            std::move(teams), std::move(languages), {}, capacity };
        // Demo passwords of the shipped data set, documented for the demo; never for production.
        data.users.push_back({ staff, "civicdesk-" + username });
    };
    user("agent", "Μαρία Παπαδοπούλου", Role::Agent, agentTeams, { "el", "en" }, 40);
    user("agent2", "Γιώργος Νικολάου", Role::Agent, agentTeams, { "el" }, 30);
    user("supervisor", "Ελένη Γεωργίου", Role::Supervisor, atticaTeams, { "el", "en" }, 0);
    user("admin", "Νίκος Δημητρίου", Role::Admin, {}, { "el", "en" }, 0);
}

} // namespace

const std::vector<CategoryDefinition> &categoryDefinitions()
{
    // Weights scale the category term of the priority score.
    static const std::vector<CategoryDefinition> definitions {
        { { "abandoned_vehicle", "Εγκαταλελειμμένο όχημα", "Abandoned vehicle", 1.5 },
            "Abandoned Vehicle", "SHARED_SPACE_DEPARTMENT" },
        { { "illegal_parking", "Παράνομη στάθμευση", "Illegal parking", 1.0 }, "Illegal Parking",
            "SHARED_SPACE_DEPARTMENT" },
        { { "sidewalk_snow", "Μη καθαρισμένο πεζοδρόμιο", "Sidewalk not cleared", 1.5 },
            "Sidewalk Not Shoveled", "ROAD_DEPARTMENT" },
        { { "dangerous_condition", "Επικίνδυνη κατάσταση", "Dangerous condition", 3.0 },
            "Unsafe Dangerous Conditions", "POLICY_PROTECTION_DEPARTMENT" },
        { { "other", "Άλλο αίτημα", "Other request", 1.0 }, "Other", "SOLVE_DEPARTMENT" },
    };
    return definitions;
}

std::optional<std::string> categoryForSourceLabel(const std::string &label)
{
    for (const CategoryDefinition &definition : categoryDefinitions()) {
        if (definition.sourceLabel == label) {
            return definition.category.id;
        }
    }
    return std::nullopt;
}

std::string stableId(const std::string &name)
{
    // A fixed namespace of this product, so ids never collide with other name-based UUIDs.
    static const Poco::UUID Namespace("3c1f6f0e-8e0a-4a57-9a3e-5c0de5c1d3a1");
    return Poco::UUIDGenerator::defaultGenerator().createFromName(Namespace, name).toString();
}

ReferenceData loadReferenceData(const std::string &resourceDir)
{
    ReferenceData data;
    std::vector<RegionTeams> regionsWithTeams;
    addAdminDivisions(data, resourceDir + "/data/admin", regionsWithTeams);
    addAgenciesAndTeams(data, resourceDir + "/data/taxonomies", regionsWithTeams);
    // Categories and subcategories come from the product's taxonomy file; the model's
    // categories (categoryDefinitions) must be among its top-level categories.
    std::vector<std::string> modelCategories;
    for (const CategoryDefinition &definition : categoryDefinitions()) {
        modelCategories.push_back(definition.category.id);
    }
    data.categories = loadTaxonomy(resourceDir, modelCategories);
    addRulesAndWeights(data);
    addUsers(data);
    return data;
}

} // namespace civicdesk::server
