#include "importer/caseimport.h"

#include "domain/ids.h"
#include "importer/csvreader.h"
#include "importer/demoparties.h"
#include "importer/referencedata.h"
#include "intake/router.h"
#include "intake/textnormalizer.h"
#include "util/fnv.h"
#include "util/timeformat.h"

#include <Poco/Exception.h>
#include <algorithm>
#include <cstdio>

namespace civicdesk::server {

namespace {

// Demo parties are drawn from this many keys, so many parties have two or three cases.
constexpr std::uint64_t DemoPartyCount = 3000;
constexpr std::size_t WriteBatchSize = 500;

/** A CSV row that passed validation. */
struct SourceCase
{
    int index = 0; // position among the file's data rows
    std::string sourceId;
    std::string text;
    std::string categoryId;
    std::string createdAt;
    std::string status;
    std::string address;
    std::string number;
};

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

std::optional<std::string> rowProblem(
    const CsvTable &table, const CsvTable::Row &row, SourceCase &out)
{
    out.sourceId = table.field(row, "source_id");
    out.text = trimmed(table.field(row, "description"));
    out.address = table.field(row, "address");
    if (out.sourceId.empty()) {
        return "missing source_id";
    }
    if (out.text.empty()) {
        return "missing text (description)";
    }
    const auto createdAt = toUtcIso(table.field(row, "requested_datetime"));
    if (!createdAt) {
        return "bad date \"" + table.field(row, "requested_datetime") + "\"";
    }
    out.createdAt = *createdAt;
    const auto category = categoryForSourceLabel(table.field(row, "category"));
    if (!category) {
        return "unknown category \"" + table.field(row, "category") + "\"";
    }
    out.categoryId = *category;
    const std::string status = table.field(row, "status");
    if (status != "open" && status != "closed") {
        return "unknown status \"" + status + "\"";
    }
    out.status = status;
    return std::nullopt;
}

/** Numbers the cases "CD-<year>-<serial>", serials per year in order of request time. */
void assignNumbers(std::vector<SourceCase> &cases)
{
    std::sort(cases.begin(), cases.end(), [](const SourceCase &a, const SourceCase &b) {
        return std::tie(a.createdAt, a.sourceId) < std::tie(b.createdAt, b.sourceId);
    });
    std::map<std::string, int> serials;
    for (SourceCase &source : cases) {
        const std::string year = source.createdAt.substr(0, 4);
        char serial[16];
        std::snprintf(serial, sizeof serial, "%06d", ++serials[year]);
        source.number = "CD-" + year + "-" + serial;
    }
}

struct CaseBuilder
{
    const std::vector<MunicipalityInfo> &municipalities;
    const Router &router;
    const DemoPartyFactory &parties;
    std::map<std::uint64_t, Party> partiesByKey;
    std::map<std::string, std::string> regionOfMunicipality;
    std::map<std::string, std::string> unitOfMunicipality;
    // Demo agents who get some open cases of their teams, so "My cases" is not empty.
    std::vector<StaffUser> demoAssignees;

    /** Returns a demo agent for about one open case in three of that agent's teams. */
    std::string demoAssigneeFor(const std::string &sourceId, const std::string &teamId) const
    {
        if (demoAssignees.empty()) {
            return {};
        }
        const std::uint64_t slot = fnv1a64("assignee:" + sourceId) % (demoAssignees.size() * 3);
        if (slot >= demoAssignees.size()) {
            return {};
        }
        const StaffUser &user = demoAssignees[slot];
        const bool member =
            std::find(user.teamIds.begin(), user.teamIds.end(), teamId) != user.teamIds.end();
        return member ? user.id : std::string();
    }

    CaseBundle build(const SourceCase &source)
    {
        Case kase;
        kase.id = stableId("case:boston311:" + source.sourceId);
        kase.number = source.number;
        kase.channel = "portal";
        kase.text = source.text;
        kase.categoryId = source.categoryId;
        kase.categoryConfidence = 1.0;
        kase.categorySource = "import";
        kase.language = detectLanguage(source.text);
        kase.municipalityId = municipalityForSource(source.sourceId, municipalities);
        kase.regionId = regionOfMunicipality[kase.municipalityId];
        kase.address = source.address;
        kase.status = source.status;
        const RouteDecision route = router.route({ kase.categoryId, kase.subcategoryId,
            kase.regionId, unitOfMunicipality[kase.municipalityId], kase.municipalityId,
            source.createdAt });
        kase.teamId = route.teamId;
        kase.routeRule = route.rule;
        if (kase.status == "open") {
            kase.assigneeId = demoAssigneeFor(source.sourceId, kase.teamId);
        }
        // The store scores the case as it writes it, with the weights in force.
        kase.createdAt = source.createdAt;
        kase.updatedAt = source.createdAt;
        kase.sourceId = source.sourceId;

        const std::uint64_t key = fnv1a64(source.sourceId) % DemoPartyCount;
        auto found = partiesByKey.find(key);
        if (found == partiesByKey.end()) {
            found = partiesByKey
                        .emplace(key, parties.partyForKey(key, kase.municipalityId, kase.createdAt))
                        .first;
        }
        kase.partyId = found->second.id;

        const Interaction submission { stableId("interaction:submission:" + source.sourceId),
            kase.partyId, kase.id, "submission", "portal", kase.text, {}, kase.createdAt };
        return { kase, found->second, submission };
    }
};

} // namespace

std::string municipalityForSource(
    const std::string &sourceId, const std::vector<MunicipalityInfo> &municipalities)
{
    std::uint64_t total = 0;
    for (const MunicipalityInfo &info : municipalities) {
        total += static_cast<std::uint64_t>(std::max<std::int64_t>(info.population, 0));
    }
    if (total == 0) {
        throw Poco::IllegalStateException("no municipality populations; import the regions first");
    }
    std::uint64_t target = fnv1a64(sourceId) % total;
    for (const MunicipalityInfo &info : municipalities) {
        const auto population =
            static_cast<std::uint64_t>(std::max<std::int64_t>(info.population, 0));
        if (target < population) {
            return info.municipality.id;
        }
        target -= population;
    }
    return municipalities.back().municipality.id;
}

CaseImportResult importCases(SqliteStore &store, const std::string &resourceDir, int limit)
{
    const CsvTable table = CsvTable::load(resourceDir + "/data/requests/boston_bos311_sample.csv");
    CaseImportResult result;
    std::vector<SourceCase> valid;
    for (std::size_t i = 0; i < table.rows().size(); ++i) {
        const bool selected = limit < 0 || static_cast<int>(i) < limit;
        SourceCase source;
        source.index = static_cast<int>(i);
        const auto problem = rowProblem(table, table.rows()[i], source);
        if (selected) {
            ++result.read;
        }
        if (problem && selected) {
            result.rejected.push_back({ table.rows()[i].line, source.sourceId, *problem });
        } else if (!problem) {
            valid.push_back(std::move(source));
        }
    }
    assignNumbers(valid);

    const auto municipalities = store.municipalities();
    const Router router(store.routingRules(), store.teams());
    const DemoPartyFactory parties = DemoPartyFactory::load(resourceDir + "/demo/greek_names.csv");
    CaseBuilder builder { municipalities, router, parties, {}, {} };
    for (const MunicipalityInfo &info : municipalities) {
        builder.regionOfMunicipality[info.municipality.id] = info.municipality.regionId;
        builder.unitOfMunicipality[info.municipality.id] = info.municipality.unitId;
    }
    for (const char *username : { "agent", "agent2" }) {
        if (const auto account = store.findAccount(username)) {
            builder.demoAssignees.push_back(account->user);
        }
    }

    const std::set<std::string> present = store.importedSourceIds();
    std::vector<CaseBundle> batch;
    for (const SourceCase &source : valid) {
        if (limit >= 0 && source.index >= limit) {
            continue;
        }
        if (present.count(source.sourceId) != 0) {
            ++result.alreadyPresent;
            continue;
        }
        batch.push_back(builder.build(source));
        if (batch.size() == WriteBatchSize) {
            result.imported += store.writeImportedCases(batch);
            batch.clear();
        }
    }
    result.imported += store.writeImportedCases(batch);
    std::sort(result.rejected.begin(), result.rejected.end(),
        [](const RejectedRow &a, const RejectedRow &b) { return a.line < b.line; });
    return result;
}

} // namespace civicdesk::server
