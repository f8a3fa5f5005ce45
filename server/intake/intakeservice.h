#pragma once

#include "intake/priority.h"
#include "intake/router.h"
#include "intake/submission.h"
#include "intake/textclassifier.h"
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
 * transaction. Reference data is read once, at construction. Thread-safe.
 */
class IntakeService
{
public:
    IntakeService(SqliteStore &store, const TextClassifier &classifier);

    /** Returns the new case, or the field that is invalid (nothing is stored then). */
    std::variant<IntakeResult, FieldError> submit(const Submission &submission);

private:
    SqliteStore &m_store;
    const TextClassifier &m_classifier;
    Router m_router;
    PriorityCalculator m_priority;
    std::map<std::string, Category> m_categories;
};

} // namespace civicdesk::server
