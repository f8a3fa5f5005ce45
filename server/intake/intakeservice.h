#pragma once

#include "intake/decision.h"
#include "intake/duplicates.h"
#include "intake/submission.h"
#include "store/sqlitestore.h"

#include <atomic>
#include <mutex>
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
 * category), route, then write the case, its party and the submission in one transaction,
 * in which the store scores the case with the weights in force. The model's top three
 * guesses are stored as the case's category candidates, and a guess below its category's
 * confidence threshold sends the case to the region's triage team instead. A report like an
 * open case of the same category and municipality from the last 14 days is linked to it as
 * a duplicate. A team that works by push gets the case assigned to one of its agents. Categories are read once, at construction; the router is rebuilt before a
 * submission whenever routing rules or teams changed. Thread-safe.
 */
class IntakeService
{
public:
    IntakeService(SqliteStore &store, const TextClassifier &classifier,
        ConfidenceThresholds thresholds = {});

    /** Returns the new case, or the field that is invalid (nothing is stored then). */
    std::variant<IntakeResult, FieldError> submit(const Submission &submission);

private:
    /** Rebuilds the router when the store's routing rules or teams changed. */
    void refreshRouter();
    /** Gives the case to an agent when its team works by push (intake/assigner.h). */
    void assign(Case &kase, const Router &router);
    /**
     * Links the case to the open case it duplicates, if any (intake/duplicates.h), and
     * returns the case's fingerprint.
     */
    std::shared_ptr<const TextFingerprint> markDuplicate(Case &kase);

    SqliteStore &m_store;
    DecisionMaker m_decisions;
    std::map<std::string, Category> m_categories;
    std::mutex m_refreshMutex;
    std::atomic<std::uint64_t> m_routerGeneration;
    FingerprintCache m_fingerprints;
};

} // namespace civicdesk::server
