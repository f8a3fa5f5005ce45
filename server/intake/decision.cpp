#include "intake/decision.h"

#include <cstdio>

namespace civicdesk::server {

namespace {

std::string twoDecimals(double value)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

} // namespace

double ConfidenceThresholds::forCategory(const std::string &categoryId) const
{
    const auto found = perCategory.find(categoryId);
    return found == perCategory.end() ? defaultThreshold : found->second;
}

DecisionMaker::DecisionMaker(
    const TextClassifier &classifier, Router router, ConfidenceThresholds thresholds)
    : m_classifier(classifier)
    , m_router(std::make_shared<const Router>(std::move(router)))
    , m_thresholds(std::move(thresholds))
{
}

IntakeDecision DecisionMaker::decide(const std::string &text,
    const std::string &citizenCategoryId, const RouteRequest &place) const
{
    const std::shared_ptr<const Router> router = m_router.load();
    const std::string &regionId = place.regionId;
    RouteRequest request = place;
    IntakeDecision decision;
    if (!citizenCategoryId.empty()) {
        decision.categoryId = citizenCategoryId;
        decision.confidence = 1.0;
        decision.source = "citizen";
        request.categoryId = decision.categoryId;
        decision.route = router->route(request);
    } else {
        decision.candidates = m_classifier.predict(text, 3);
        const bool guessed = !decision.candidates.empty();
        decision.categoryId = guessed ? decision.candidates.front().categoryId : "other";
        decision.confidence = guessed ? decision.candidates.front().probability : 0.0;
        decision.source = "model";
        decision.modelVersion = m_classifier.modelVersion();

        request.categoryId = decision.categoryId;
        const double threshold = m_thresholds.forCategory(decision.categoryId);
        decision.route = decision.confidence < threshold
            ? router->routeToTriage(regionId,
                  "confidence " + twoDecimals(decision.confidence) + " below threshold "
                      + twoDecimals(threshold) + " for " + decision.categoryId)
            : router->route(request);
    }
    return decision;
}

} // namespace civicdesk::server
