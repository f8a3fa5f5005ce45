#include "requestbodies.h"

#include "importer/demoparties.h"
#include "importer/referencedata.h"
#include "intake/classifiertraining.h"
#include "intake/submission.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace civicdesk::bench {

using namespace civicdesk::server;

namespace {

// Contacts repeat after this many keys, so some AFMs recur and intake joins their parties.
constexpr std::uint64_t DistinctContacts = 1500;

nlohmann::json contactFor(const Party &party, std::size_t index)
{
    nlohmann::json contact { { "firstName", party.firstName }, { "lastName", party.lastName } };
    if (index % 2 == 0) {
        contact["email"] = party.email;
    } else {
        contact["phone"] = party.phone;
    }
    if (index % 3 == 0) {
        contact["afm"] = party.afm;
    }
    if (index % 7 == 0) {
        contact["amka"] = party.amka;
    }
    return contact;
}

void countScript(RequestBodies &result, const std::string &script)
{
    if (script == "greek") {
        ++result.greek;
    } else if (script == "greek_noaccents") {
        ++result.greekNoAccents;
    } else if (script == "greeklish") {
        ++result.greeklish;
    } else {
        ++result.english;
    }
}

} // namespace

RequestBodies buildRequestBodies(const std::string &resourceDir, int rounds)
{
    const ReferenceData reference = loadReferenceData(resourceDir);
    const std::vector<TrainingExample> examples = loadTrainingExamples(resourceDir);
    const DemoPartyFactory parties = DemoPartyFactory::load(resourceDir + "/demo/greek_names.csv");
    const std::size_t places = reference.municipalities.size();

    RequestBodies result;
    result.rounds = std::max(rounds, 1);
    for (int round = 0; round < result.rounds; ++round) {
        for (std::size_t i = 0; i < examples.size(); ++i) {
            const TrainingExample &example = examples[i];
            // 97 is prime and does not divide the municipality count, so texts and places mix.
            // Each round moves every text one municipality on, so a text comes back to the
            // same place only after as many rounds as there are municipalities.
            const Municipality &municipality =
                reference.municipalities[(i * 97 + std::size_t(round)) % places].municipality;
            const Party party =
                parties.partyForKey(i % DistinctContacts, municipality.id, "2026-01-01T00:00:00Z");

            nlohmann::json body { { "text", example.text }, { "municipalityId", municipality.id },
                { "contact", contactFor(party, i) } };
            if (i % 5 == 0) {
                body["language"] = example.language;
            }
            if (std::holds_alternative<FieldError>(parseSubmission(body))) {
                result.rejected += round == 0 ? 1 : 0;
                continue;
            }
            if (round == 0) {
                result.withAfm += body["contact"].contains("afm") ? 1 : 0;
                countScript(result, example.script);
            }
            result.bodies.push_back(body.dump());
        }
    }
    return result;
}

} // namespace civicdesk::bench
