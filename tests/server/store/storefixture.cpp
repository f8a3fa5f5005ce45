#include "storefixture.h"

#include "domain/ids.h"

using namespace civicdesk;
using namespace civicdesk::server;

CaseBundle caseBundleFor(const std::string &teamId, const std::string &afm)
{
    CaseBundle bundle;
    bundle.party.id = generateUuid();
    bundle.party.firstName = "Άννα";
    bundle.party.lastName = "Δοκιμή";
    bundle.party.afm = afm;
    bundle.party.municipalityId = "9186";
    bundle.party.createdAt = utcNowIso();

    Case &kase = bundle.kase;
    kase.id = generateUuid();
    kase.partyId = bundle.party.id;
    kase.channel = "portal";
    kase.text = "Abandoned car outside number 12 for a month";
    kase.categoryId = "abandoned_vehicle";
    kase.categoryConfidence = 1;
    kase.categorySource = "citizen";
    kase.language = "en";
    kase.municipalityId = "9186";
    kase.regionId = "9";
    kase.status = "new";
    kase.teamId = teamId;
    kase.createdAt = utcNowIso();
    kase.updatedAt = kase.createdAt;

    bundle.submission = { generateUuid(), bundle.party.id, kase.id, "submission", "portal",
        kase.text, {}, kase.createdAt };
    return bundle;
}

StoreFixture::StoreFixture(const std::string &databasePath)
    : store(SqliteStore::openFile(databasePath))
{
    ReferenceData data;
    data.regions = { { "9", "GR-I", "Αττικής", "Attica" } };
    data.units = { { "51", "9", "Κεντρικού Τομέα Αθηνών", "Central Athens" } };
    data.municipalities = { { { "9186", "51", "9", "Αθηναίων", "Athens" }, 643452 } };
    data.agencies = { { { generateUuid(), "Υπηρεσίες", "Services" }, "9" } };
    teamA = generateUuid();
    teamB = generateUuid();
    data.teams = { { teamA, data.agencies[0].agency.id, "SHARED_SPACE_DEPARTMENT", "Α", "A", "9",
                       false },
        { teamB, data.agencies[0].agency.id, "SOLVE_DEPARTMENT", "Β", "B", "9", true } };
    data.categories = { { "abandoned_vehicle", "Εγκαταλελειμμένο όχημα", "Abandoned vehicle",
        1.5 } };
    data.users = {
        { { generateUuid(), "agent", "Μαρία", Role::Agent, { teamA } }, "pw-agent" },
        { { generateUuid(), "agent2", "Γιώργος", Role::Agent, { teamB } }, "pw-agent2" },
        { { generateUuid(), "supervisor", "Ελένη", Role::Supervisor, { teamA, teamB } }, "pw-sup" },
    };
    store->writeReferenceData(data);
    // region, unit, municipality, agency, two teams, category and three users
    referenceRows = 10;

    caseA = store->createCase(caseBundleFor(teamA, "090000045")).kase.id;
    caseB = store->createCase(caseBundleFor(teamB, "")).kase.id;
}

AccessScope StoreFixture::scope(const std::string &username)
{
    const auto account = store->findAccount(username);
    return store->scopeFor(account->user);
}
