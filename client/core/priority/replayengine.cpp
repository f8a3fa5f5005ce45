#include "priority/replayengine.h"

#include <QHash>
#include <QMap>
#include <algorithm>
#include <numeric>

namespace CivicDesk {

namespace {

// Positions of cases sorted by score, highest first, then oldest, then by id.
QList<int> rankOrder(const QList<ReplayCase> &cases, const QList<double> &scores)
{
    QList<int> order(cases.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (scores.at(a) != scores.at(b)) {
            return scores.at(a) > scores.at(b);
        }
        if (cases.at(a).facts.createdAt != cases.at(b).facts.createdAt) {
            return cases.at(a).facts.createdAt < cases.at(b).facts.createdAt;
        }
        return cases.at(a).id < cases.at(b).id;
    });
    return order;
}

// Returns the rank (0-based) of each case given the order of their positions.
QList<int> ranksOf(const QList<int> &order)
{
    QList<int> ranks(order.size());
    for (int rank = 0; rank < order.size(); ++rank) {
        ranks[order.at(rank)] = rank;
    }
    return ranks;
}

// Counts the pairs i < j with values[i] > values[j] by merge sort, so long queues stay fast.
qint64 countInversions(QList<int> &values, QList<int> &buffer, int begin, int end)
{
    if (end - begin < 2) {
        return 0;
    }
    const int middle = begin + (end - begin) / 2;
    qint64 count = countInversions(values, buffer, begin, middle)
        + countInversions(values, buffer, middle, end);

    int left = begin;
    int right = middle;
    int out = begin;
    while (left < middle || right < end) {
        if (right == end || (left < middle && values.at(left) <= values.at(right))) {
            buffer[out++] = values.at(left++);
        } else {
            count += middle - left;
            buffer[out++] = values.at(right++);
        }
    }
    std::copy(buffer.begin() + begin, buffer.begin() + end, values.begin() + begin);
    return count;
}

void markLargestMoves(ReplayQueue &queue)
{
    int bestRise = 0;
    int bestFall = 0;
    for (int i = 0; i < queue.rows.size(); ++i) {
        const int rise = queue.rows.at(i).rise();
        if (rise > bestRise) {
            bestRise = rise;
            queue.largestRise = i;
        } else if (-rise > bestFall) {
            bestFall = -rise;
            queue.largestFall = i;
        }
    }
}

} // namespace

double ReplayEngine::kendallTau(const QList<int> &newRanks)
{
    const qint64 count = newRanks.size();
    if (count < 2) {
        return 1;
    }
    QList<int> values = newRanks;
    QList<int> buffer(values.size());
    const qint64 discordant = countInversions(values, buffer, 0, int(values.size()));
    const double pairs = double(count) * double(count - 1) / 2;
    return 1 - 2 * double(discordant) / pairs;
}

ReplayQueue ReplayEngine::compareOrders(
    const QList<ReplayCase> &cases, const QList<double> &oldScores, const QList<double> &newScores)
{
    const QList<int> oldOrder = rankOrder(cases, oldScores);
    const QList<int> newRanks = ranksOf(rankOrder(cases, newScores));

    ReplayQueue queue;
    QList<int> newRanksInOldOrder;
    for (int oldRank = 0; oldRank < oldOrder.size(); ++oldRank) {
        const int position = oldOrder.at(oldRank);
        const ReplayCase &replayCase = cases.at(position);
        const int newRank = newRanks.at(position);
        queue.rows.append({ replayCase.id, replayCase.number, replayCase.text, oldRank + 1,
            newRank + 1, oldScores.at(position), newScores.at(position) });
        newRanksInOldOrder.append(newRank);
        queue.changedCount += newRank != oldRank ? 1 : 0;
    }

    queue.kendallTau = kendallTau(newRanksInOldOrder);
    markLargestMoves(queue);
    return queue;
}

QList<ReplayQueue> ReplayEngine::replay(const QList<ReplayCase> &cases,
    const civicdesk::PriorityWeights &current, const civicdesk::PriorityWeights &edited,
    std::int64_t now)
{
    QMap<QString, QList<ReplayCase>> byTeam;
    for (const ReplayCase &replayCase : cases) {
        byTeam[replayCase.teamId].append(replayCase);
    }

    QList<ReplayQueue> queues;
    for (auto team = byTeam.cbegin(); team != byTeam.cend(); ++team) {
        QList<double> oldScores;
        QList<double> newScores;
        for (const ReplayCase &replayCase : team.value()) {
            oldScores.append(civicdesk::priority::compute(current, replayCase.facts, now).score);
            newScores.append(civicdesk::priority::compute(edited, replayCase.facts, now).score);
        }
        ReplayQueue queue = compareOrders(team.value(), oldScores, newScores);
        queue.teamId = team.key();
        queues.append(queue);
    }
    return queues;
}

} // namespace CivicDesk
