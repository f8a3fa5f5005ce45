#include "intake/intakeservice.h"

#include "domain/ids.h"
#include "intake/textnormalizer.h"

#include <Poco/Logger.h>

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

} // namespace

IntakeService::IntakeService(SqliteStore &store, const TextClassifier &classifier)
    : m_store(store)
    , m_classifier(classifier)
    , m_router(store.routingRules(), store.teams())
    , m_priority(categoryWeights(store.categories()), store.regionWeights())
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

    if (!submission.categoryId.empty()) {
        kase.categoryId = submission.categoryId;
        kase.categoryConfidence = 1.0;
        kase.categorySource = "citizen";
    } else {
        const auto guesses = m_classifier.predict(submission.text);
        kase.categoryId = guesses.empty() ? "other" : guesses.front().categoryId;
        kase.categoryConfidence = guesses.empty() ? 0.0 : guesses.front().probability;
        kase.categorySource = "model";
        kase.modelVersion = m_classifier.modelVersion();
    }

    const RouteDecision route = m_router.route(kase.categoryId, kase.regionId);
    kase.teamId = route.teamId;
    kase.routeRule = route.rule;
    const PriorityResult priority = m_priority.compute(
        kase.categoryId, kase.regionId, kase.status, kase.createdAt, kase.createdAt);
    kase.priority = priority.score;
    kase.priorityFactors = priority.factors;

    CaseBundle bundle;
    bundle.party = partyFrom(submission, kase);
    bundle.kase = kase;
    bundle.submission = { generateUuid(), bundle.party.id, kase.id, "submission", "portal",
        kase.text, {}, kase.createdAt };
    const CaseWriteResult written = m_store.createCase(std::move(bundle));

    const Team *team = m_router.team(written.kase.teamId);
    Poco::Logger::get("civicdesk.server.intake")
        .information("Created case %s (%s, confidence %.2f) for team %s", written.kase.number,
            written.kase.categoryId, written.kase.categoryConfidence,
            team ? team->code : written.kase.teamId);
    return IntakeResult { written.kase, team ? team->nameEl : std::string() };
}

} // namespace civicdesk::server
