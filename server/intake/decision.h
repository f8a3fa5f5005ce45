#pragma once

#include "intake/router.h"
#include "intake/textclassifier.h"

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace civicdesk::server {

/**
 * Minimum top-category probability for the model's guess to choose the team, per category
 * (config intake.threshold.<category>) with a default (intake.threshold.default, 0.5).
 */
struct ConfidenceThresholds
{
    std::map<std::string, double> perCategory;
    double defaultThreshold = 0.5;

    double forCategory(const std::string &categoryId) const;
};

/** Intake's decision for one request, made before anything is stored. */
struct IntakeDecision
{
    std::string categoryId;
    double confidence = 0;
    std::string source; // "citizen" or "model"
    std::string modelVersion; // empty when the citizen chose the category
    std::vector<CategoryGuess> candidates; // the model's top three
    RouteDecision route;
};

/**
 * The decision path of intake with no I/O: classify (unless the citizen chose the category),
 * send a guess below its threshold to the region's triage team, else route by the rules.
 * The store scores the case when it writes it (shared/priority). Thread-safe, including
 * setRouter() while other threads decide.
 */
class DecisionMaker
{
public:
    DecisionMaker(
        const TextClassifier &classifier, Router router, ConfidenceThresholds thresholds);

    /**
     * Decides for a new case. citizenCategoryId empty means the model classifies; place
     * gives the case's subcategory, region, regional unit, municipality and creation time
     * (its categoryId is ignored).
     */
    IntakeDecision decide(const std::string &text, const std::string &citizenCategoryId,
        const RouteRequest &place) const;

    /** Returns the router in use; a later setRouter() does not change the one returned. */
    std::shared_ptr<const Router> router() const { return m_router.load(); }

    /** Replaces the router, for routing rules or teams that changed. */
    void setRouter(std::shared_ptr<const Router> router) { m_router.store(std::move(router)); }

private:
    const TextClassifier &m_classifier;
    std::atomic<std::shared_ptr<const Router>> m_router;
    ConfidenceThresholds m_thresholds;
};

} // namespace civicdesk::server
