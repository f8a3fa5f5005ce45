#include "seeddata.h"

#include "domain/ids.h"
#include "store/sqlitestore.h"

namespace civicdesk::server {

namespace {

constexpr auto CreatedAt = "2024-03-01T09:00:00.000Z";

SeedAccount makeAccount(const std::string &username, const std::string &teamId)
{
    return SeedAccount { generateUuid(), username, username + "-secret-1", teamId };
}

UserSeed userSeed(const SeedAccount &account)
{
    StaffUser user { account.id, account.username, account.username, Role::Agent,
        { account.teamId } };
    return UserSeed { user, account.password };
}

ReferenceData referenceData(const SeedData &seed)
{
    ReferenceData data;
    data.regions.push_back(
        { "1", "GR-A", "Ανατολική Μακεδονία και Θράκη", "Eastern Macedonia and Thrace" });
    const std::string agencyId = generateUuid();
    data.agencies.push_back({ { agencyId, "Υπηρεσία", "Service" }, {} });
    data.teams.push_back({ seed.teamA, agencyId, "roads", "Οδοί", "Roads", "1", false });
    data.teams.push_back({ seed.teamB, agencyId, "parks", "Πάρκα", "Parks", "1", false });
    data.categories.push_back(
        { "abandoned_vehicle", "Εγκαταλελειμμένο όχημα", "Abandoned vehicle", 1.0 });
    data.users = { userSeed(seed.alice), userSeed(seed.bob), userSeed(seed.carol) };
    return data;
}

CaseBundle caseBundle(const std::string &teamId, int serial)
{
    CaseBundle bundle;
    bundle.party.id = generateUuid();
    bundle.party.firstName = "Test";
    bundle.party.lastName = "Citizen " + std::to_string(serial);
    bundle.party.fictitious = true;
    bundle.party.createdAt = CreatedAt;

    Case &kase = bundle.kase;
    kase.id = generateUuid();
    kase.number = "CD-2024-" + std::to_string(100000 + serial);
    kase.partyId = bundle.party.id;
    kase.channel = "portal";
    kase.text = "An abandoned car has blocked the road for a week.";
    kase.categoryId = "abandoned_vehicle";
    kase.categorySource = "import";
    kase.language = "en";
    kase.regionId = "1";
    kase.status = "new";
    kase.teamId = teamId;
    kase.routeRule = "test";
    kase.createdAt = CreatedAt;
    kase.updatedAt = CreatedAt;
    kase.sourceId = "test-" + std::to_string(serial);

    bundle.submission = { generateUuid(), bundle.party.id, kase.id, "submission", "portal",
        kase.text, {}, CreatedAt };
    return bundle;
}

} // namespace

SeedData seedStore(SqliteStore &store, int casesPerTeam)
{
    SeedData seed;
    seed.teamA = generateUuid();
    seed.teamB = generateUuid();
    seed.alice = makeAccount("alice", seed.teamA);
    seed.bob = makeAccount("bob", seed.teamA);
    seed.carol = makeAccount("carol", seed.teamB);
    store.writeReferenceData(referenceData(seed));

    std::vector<CaseBundle> bundles;
    for (int i = 0; i < casesPerTeam * 2; ++i) {
        const bool teamA = i % 2 == 0;
        bundles.push_back(caseBundle(teamA ? seed.teamA : seed.teamB, i));
        (teamA ? seed.teamACases : seed.teamBCases).push_back(bundles.back().kase.id);
    }
    store.writeImportedCases(bundles);
    return seed;
}

} // namespace civicdesk::server
