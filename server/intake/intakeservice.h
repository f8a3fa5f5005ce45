#pragma once

#include "intake/decision.h"
#include "intake/submission.h"
#include "store/sqlitestore.h"

#include <variant>

namespace civicdesk::server {

/** A case that intake created, with the name of the team it went to. */
struct IntakeResult
{
    Case kase;
    std::string teamName;
};

/**
 * Turns a citizen's submission into a case: classify (unless the citizen chose a valid
 * category), route, prioritise, then write the case, its party and the submission in one
 * transaction. The model's top three guesses are stored as the case's category candidates,
 * and a guess below its category's confidence threshold sends the case to the region's
 * triage team instead. Reference data is read once, at construction. Thread-safe.
 */
class IntakeService
{
public:
    IntakeService(SqliteStore &store, const TextClassifier &classifier,
        ConfidenceThresholds thresholds = {});

    /** Returns the new case, or the field that is invalid (nothing is stored then). */
    std::variant<IntakeResult, FieldError> submit(const Submission &submission);

private:
    SqliteStore &m_store;
    DecisionMaker m_decisions;
    std::map<std::string, Category> m_categories;
};

} // namespace civicdesk::server
