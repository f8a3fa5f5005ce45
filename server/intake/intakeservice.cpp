#include "intake/intakeservice.h"

#include "domain/ids.h"
#include "intake/languagedetector.h"

#include <Poco/Logger.h>
#include <nlohmann/json.hpp>

namespace civicdesk::server {

namespace {

std::map<std::string, double> categoryWeights(const std::vector<Category> &categories)
{
    std::map<std::string, double> weights;
    for (const Category &category : categories) {
        weights[category.id] = category.weight;
    }
    return weights;
}

Party partyFrom(const Submission &submission, const Case &kase)
{
    Party party;
    party.id = generateUuid();
    party.kind = PartyKind::Person;
    party.firstName = submission.firstName;
    party.lastName = submission.lastName;
    party.afm = submission.afm;
    party.amka = submission.amka;
    party.email = submission.email;
    party.phone = submission.phone;
    party.language = submission.language.empty() ? kase.language : submission.language;
    party.municipalityId = kase.municipalityId;
    party.createdAt = kase.createdAt;
    return party;
}

/** The candidates as stored in cases.category_candidates: [{categoryId, probability}]. */
std::string candidatesJson(const std::vector<CategoryGuess> &guesses)
{
    nlohmann::json candidates = nlohmann::json::array();
    for (const CategoryGuess &guess : guesses) {
        candidates.push_back(
            { { "categoryId", guess.categoryId }, { "probability", guess.probability } });
    }
    return candidates.dump();
}

void applyDecision(Case &kase, const IntakeDecision &decision)
{
    kase.categoryId = decision.categoryId;
    kase.categoryConfidence = decision.confidence;
    kase.categorySource = decision.source;
    kase.modelVersion = decision.modelVersion;
    kase.teamId = decision.route.teamId;
    kase.routeRule = decision.route.rule;
    kase.priority = decision.priority.score;
    kase.priorityFactors = decision.priority.factors;
}

} // namespace

IntakeService::IntakeService(
    SqliteStore &store, const TextClassifier &classifier, ConfidenceThresholds thresholds)
    : m_store(store)
    , m_decisions(classifier, Router(store.routingRules(), store.teams()),
          PriorityCalculator(categoryWeights(store.categories()), store.regionWeights()),
          std::move(thresholds))
{
    for (const Category &category : store.categories()) {
        m_categories[category.id] = category;
    }
}

std::variant<IntakeResult, FieldError> IntakeService::submit(const Submission &submission)
{
    if (!submission.categoryId.empty() && m_categories.count(submission.categoryId) == 0) {
        return FieldError { "category", "category \"" + submission.categoryId + "\" is unknown" };
    }
    const auto municipality = m_store.findMunicipality(submission.municipalityId);
    if (!municipality) {
        return FieldError { "municipalityId",
            "municipalityId \"" + submission.municipalityId
                + "\" is not a YPES municipality code" };
    }

    Case kase;
    kase.id = generateUuid();
    kase.channel = "portal";
    kase.text = submission.text;
    kase.language = detectLanguage(submission.text);
    kase.municipalityId = municipality->id;
    kase.regionId = municipality->regionId;
    kase.status = "new";
    kase.createdAt = utcNowIso();
    kase.updatedAt = kase.createdAt;

    const IntakeDecision decision = m_decisions.decide(
        submission.text, submission.categoryId, kase.regionId, kase.createdAt);
    applyDecision(kase, decision);

    CaseBundle bundle;
    bundle.party = partyFrom(submission, kase);
    bundle.kase = kase;
    bundle.submission = { generateUuid(), bundle.party.id, kase.id, "submission", "portal",
        kase.text, {}, kase.createdAt };
    bundle.categoryCandidates = candidatesJson(decision.candidates);
    const CaseWriteResult written = m_store.createCase(std::move(bundle));

    const Team *team = m_decisions.router().team(written.kase.teamId);
    Poco::Logger::get("civicdesk.server.intake")
        .information("Created case %s (%s, confidence %.2f) for team %s", written.kase.number,
            written.kase.categoryId, written.kase.categoryConfidence,
            team ? team->code : written.kase.teamId);
    return IntakeResult { written.kase, team ? team->nameEl : std::string() };
}

} // namespace civicdesk::server
