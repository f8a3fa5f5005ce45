#pragma once

#include "domain/records.h"
#include "priority/priority.h"

#include <QList>
#include <QString>
#include <cstdint>

namespace CivicDesk {

/** One cached open case as the replay scores it: its queue and its priority facts. */
struct ReplayCase
{
    QString id;
    QString number;
    QString text;
    QString teamId;
    civicdesk::priority::CaseFacts facts;
};

/** One case of a replayed queue: its rank (1 is first) and score under both weights. */
struct ReplayRow
{
    QString caseId;
    QString number;
    QString text;
    int oldRank = 0;
    int newRank = 0;
    double oldScore = 0;
    double newScore = 0;

    /** Places moved up (positive) or down (negative) under the edited weights. */
    int rise() const { return oldRank - newRank; }
};

/** A queue replayed under the current and the edited weights. */
struct ReplayQueue
{
    QString teamId;
    QList<ReplayRow> rows; // in the current order
    int changedCount = 0; // cases whose rank differs
    double kendallTau = 1; // 1: same order, -1: reversed
    int largestRise = -1; // index into rows of the case that moves up most, -1 when none
    int largestFall = -1; // index into rows of the case that moves down most, -1 when none
};

/**
 * Compares the queue orders that two sets of priority weights give, using the shared
 * calculator civicdesk::priority::compute, so a supervisor can check an edit before saving it.
 * Pure and synchronous. A queue orders by score, highest first, then by creation time, oldest
 * first, then by case id, as Repository::caseIds does.
 */
class ReplayEngine
{
public:
    /** Groups cases by team and compares each queue's orders; queues sorted by team id. */
    static QList<ReplayQueue> replay(const QList<ReplayCase> &cases,
        const civicdesk::PriorityWeights &current, const civicdesk::PriorityWeights &edited,
        std::int64_t now);

    /**
     * Builds one queue from cases already scored: oldScores and newScores hold one score per
     * case, in the order of cases.
     */
    static ReplayQueue compareOrders(const QList<ReplayCase> &cases, const QList<double> &oldScores,
        const QList<double> &newScores);

    /**
     * Kendall's tau between the order 0..n-1 and an order given as the new rank (0-based) of
     * each position: 1 - 2 × discordant pairs / all pairs; 1 for fewer than two items.
     */
    static double kendallTau(const QList<int> &newRanks);
};

} // namespace CivicDesk
