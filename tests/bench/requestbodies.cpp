#include "requestbodies.h"

#include "importer/demoparties.h"
#include "importer/referencedata.h"
#include "intake/classifiertraining.h"
#include "intake/submission.h"

#include <nlohmann/json.hpp>

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

RequestBodies buildRequestBodies(const std::string &resourceDir)
{
    const ReferenceData reference = loadReferenceData(resourceDir);
    const std::vector<TrainingExample> examples = loadTrainingExamples(resourceDir);
    const DemoPartyFactory parties = DemoPartyFactory::load(resourceDir + "/demo/greek_names.csv");

    RequestBodies result;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        const TrainingExample &example = examples[i];
        // 97 is prime and does not divide the municipality count, so texts and places mix.
        const Municipality &municipality =
            reference.municipalities[(i * 97) % reference.municipalities.size()].municipality;
        const Party party =
            parties.partyForKey(i % DistinctContacts, municipality.id, "2026-01-01T00:00:00Z");

        nlohmann::json body { { "text", example.text }, { "municipalityId", municipality.id },
            { "contact", contactFor(party, i) } };
        if (i % 5 == 0) {
            body["language"] = example.language;
        }
        if (std::holds_alternative<FieldError>(parseSubmission(body))) {
            ++result.rejected;
            continue;
        }
        if (body["contact"].contains("afm")) {
            ++result.withAfm;
        }
        countScript(result, example.script);
        result.bodies.push_back(body.dump());
    }
    return result;
}

} // namespace civicdesk::bench
