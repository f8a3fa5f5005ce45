#pragma once

#include "intake/priority.h"
#include "intake/router.h"
#include "intake/textclassifier.h"

#include <map>
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
    PriorityResult priority;
};

/**
 * The decision path of intake with no I/O: classify (unless the citizen chose the category),
 * send a guess below its threshold to the region's triage team, else route by the rules,
 * then prioritise. Thread-safe.
 */
class DecisionMaker
{
public:
    DecisionMaker(const TextClassifier &classifier, Router router, PriorityCalculator priority,
        ConfidenceThresholds thresholds);

    /** Decides for a new case; citizenCategoryId empty means the model classifies. */
    IntakeDecision decide(const std::string &text, const std::string &citizenCategoryId,
        const std::string &regionId, const std::string &createdAt) const;

    const Router &router() const { return m_router; }

private:
    const TextClassifier &m_classifier;
    Router m_router;
    PriorityCalculator m_priority;
    ConfidenceThresholds m_thresholds;
};

} // namespace civicdesk::server
