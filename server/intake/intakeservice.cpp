#include "intake/intakeservice.h"

#include "domain/ids.h"
#include "intake/assigner.h"
#include "intake/duplicates.h"
#include "intake/languagedetector.h"

#include <Poco/Logger.h>
#include <nlohmann/json.hpp>

namespace civicdesk::server {

namespace {

// Fingerprints kept for the duplicate search, a few hundred bytes each, so about 30 MiB in
// all. A case whose fingerprint was dropped costs one read of its text when it is compared.
constexpr std::size_t FingerprintCapacity = 100000;

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

/** The citizen's category must be top-level and the subcategory one of its children. */
std::optional<FieldError> checkCategory(
    const std::map<std::string, Category> &categories, const Submission &submission)
{
    const auto category = categories.find(submission.categoryId);
    if (!submission.categoryId.empty()
        && (category == categories.end() || !category->second.parentId.empty())) {
        return FieldError { "category",
            "category \"" + submission.categoryId + "\" is not a top-level category" };
    }
    const auto subcategory = categories.find(submission.subcategoryId);
    if (!submission.subcategoryId.empty()
        && (subcategory == categories.end()
            || subcategory->second.parentId != submission.categoryId)) {
        return FieldError { "subcategoryId",
            "subcategoryId \"" + submission.subcategoryId + "\" is not a subcategory of "
                + submission.categoryId };
    }
    return std::nullopt;
}

void applyDecision(Case &kase, const IntakeDecision &decision)
{
    kase.categoryId = decision.categoryId;
    kase.categoryConfidence = decision.confidence;
    kase.categorySource = decision.source;
    kase.modelVersion = decision.modelVersion;
    kase.teamId = decision.route.teamId;
    kase.routeRule = decision.route.rule;
}

} // namespace

IntakeService::IntakeService(
    SqliteStore &store, const TextClassifier &classifier, ConfidenceThresholds thresholds)
    : m_store(store)
    , m_decisions(classifier, Router({}, {}), std::move(thresholds))
    , m_routerGeneration(store.routingGeneration())
    , m_fingerprints(FingerprintCapacity)
{
    m_decisions.setRouter(std::make_shared<const Router>(store.routingRules(), store.teams()));
    for (const Category &category : store.categories()) {
        m_categories[category.id] = category;
    }
}

std::variant<IntakeResult, FieldError> IntakeService::submit(const Submission &submission)
{
    const SqliteStore::IntakeCount running(m_store);
    if (auto error = checkCategory(m_categories, submission)) {
        return *error;
    }
    const auto municipality = m_store.findMunicipality(submission.municipalityId);
    if (!municipality) {
        return FieldError { "municipalityId",
            "municipalityId \"" + submission.municipalityId
                + "\" is not a YPES municipality code" };
    }

    Case kase;
    kase.id = generateUuid();
    kase.channel = submission.channel;
    kase.text = submission.text;
    kase.language = detectLanguage(submission.text);
    kase.address = submission.address;
    kase.subcategoryId = submission.subcategoryId;
    kase.municipalityId = municipality->id;
    kase.regionId = municipality->regionId;
    kase.status = "new";
    kase.createdAt = utcNowIso();
    kase.updatedAt = kase.createdAt;

    refreshRouter();
    const std::shared_ptr<const Router> router = m_decisions.router();
    const RouteRequest place { {}, kase.subcategoryId, kase.regionId, municipality->unitId,
        kase.municipalityId, kase.createdAt };
    const IntakeDecision decision =
        m_decisions.decide(submission.text, submission.categoryId, place);
    applyDecision(kase, decision);
    assign(kase, *router);
    const auto fingerprint = markDuplicate(kase);

    CaseBundle bundle;
    bundle.party = partyFrom(submission, kase);
    bundle.kase = kase;
    bundle.submission = { generateUuid(), bundle.party.id, kase.id, "submission", kase.channel,
        kase.text, {}, kase.createdAt };
    bundle.categoryCandidates = candidatesJson(decision.candidates);
    const CaseWriteResult written = m_store.createCase(std::move(bundle));
    m_fingerprints.insert(written.kase.id, fingerprint);

    const Team *team = router->team(written.kase.teamId);
    Poco::Logger::get("civicdesk.server.intake")
        .information("Created case %s (%s, confidence %.2f) for team %s", written.kase.number,
            written.kase.categoryId, written.kase.categoryConfidence,
            team ? team->code : written.kase.teamId);
    return IntakeResult { written.kase, team ? team->nameEl : std::string() };
}

void IntakeService::refreshRouter()
{
    if (m_store.routingGeneration() == m_routerGeneration.load()) {
        return;
    }
    std::lock_guard lock(m_refreshMutex);
    // Read the counter before the rules, so a write in between triggers another rebuild.
    const std::uint64_t generation = m_store.routingGeneration();
    if (generation == m_routerGeneration.load()) {
        return;
    }
    m_decisions.setRouter(std::make_shared<const Router>(m_store.routingRules(), m_store.teams()));
    m_routerGeneration.store(generation);
    Poco::Logger::get("civicdesk.server.intake")
        .information("Rebuilt the router for routing generation %s", std::to_string(generation));
}

std::shared_ptr<const TextFingerprint> IntakeService::markDuplicate(Case &kase)
{
    auto fingerprint =
        std::make_shared<const TextFingerprint>(fingerprintOf(kase.text, kase.address));
    // A read of at most a few hundred index entries; the store checks the original again
    // when it writes the link.
    const auto found = m_store.duplicateCandidates(
        kase.categoryId, kase.municipalityId, duplicateWindowStart(kase.createdAt));
    std::vector<FingerprintedCandidate> candidates;
    candidates.reserve(found.size());
    std::vector<std::string> unknown;
    for (const DuplicateCandidate &candidate : found) {
        candidates.push_back({ candidate.id, candidate.number, m_fingerprints.find(candidate.id) });
        if (!candidates.back().fingerprint) {
            unknown.push_back(candidate.id);
        }
    }
    if (!unknown.empty()) {
        std::map<std::string, std::shared_ptr<const TextFingerprint>> loaded;
        for (const CaseText &text : m_store.caseTexts(unknown)) {
            auto made =
                std::make_shared<const TextFingerprint>(fingerprintOf(text.text, text.address));
            m_fingerprints.insert(text.id, made);
            loaded.emplace(text.id, std::move(made));
        }
        for (FingerprintedCandidate &candidate : candidates) {
            if (!candidate.fingerprint) {
                const auto entry = loaded.find(candidate.id);
                candidate.fingerprint = entry == loaded.end() ? nullptr : entry->second;
            }
        }
        // A case deleted since the search has no text left to compare.
        std::erase_if(candidates, [](const FingerprintedCandidate &candidate) {
            return !candidate.fingerprint;
        });
    }
    if (const auto match = findDuplicate(*fingerprint, candidates)) {
        kase.duplicateOf = match->caseId;
        Poco::Logger::get("civicdesk.server.intake")
            .information("New request duplicates case %s (similarity %.2f)", match->number,
                match->similarity);
    }
    return fingerprint;
}

void IntakeService::assign(Case &kase, const Router &router)
{
    const Team *team = router.team(kase.teamId);
    if (!team) {
        return;
    }
    // NOTE: loads are read outside the transaction that writes the case, so two requests
    // submitted at the same moment may both go to an agent with one free place.
    const std::vector<TeamMemberLoad> members = team->assignmentMode == "push"
        ? m_store.teamMemberLoads(team->id)
        : std::vector<TeamMemberLoad> {};
    const Assignment assignment = assignCase(*team, kase.language, kase.categoryId, members);
    kase.assigneeId = assignment.assigneeId;
    kase.assignmentReason = assignment.reason;
}

} // namespace civicdesk::server
