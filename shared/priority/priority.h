#pragma once

#include "domain/records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/**
 * A case's priority: the sum over explicit factors of weight × value, each value in 0..1
 * except the per-key values of PriorityWeights, which a supervisor sets. The server scores
 * cases with it and the client replays queues under weights a supervisor is editing, so both
 * give the same figures.
 *
 * Factors and their values:
 * - category: categoryValues[categoryId] (1.0 when missing)
 * - region: regionValues[regionId] (1.0 when missing)
 * - subRegion: subRegionValues of the municipality, else of the regional unit (1.0 when
 *   neither is set)
 * - timeOpen: days open through the ageing curve, 0..1 (0 once resolved or closed)
 * - slaTimeLeft: 1 - hours left to the resolution due time / 168, clamped to 0..1, so an
 *   overdue case has 1 (0 without a due time, or once resolved or closed)
 * - vulnerability: the highest vulnerabilityValues of the party's flags (0 without flags)
 * - duplicates: linked duplicate reports, capped at 10, divided by 10
 * - channel: channelValues[channel] (0 when missing)
 */
namespace civicdesk::priority {

/** The factor names above, in the order a case's breakdown lists them. */
const std::vector<std::string> &factorNames();

/** The weights a new store starts with. */
PriorityWeights defaultWeights();

/** Inputs to the score of one case. Times are seconds since 1970 UTC. */
struct CaseFacts
{
    std::string categoryId;
    std::string regionId;
    std::string unitId;
    std::string municipalityId;
    std::string channel;
    std::string status;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> dueAt;
    std::vector<std::string> vulnerabilities;
    int duplicateCount = 0;
};

struct Result
{
    double score = 0;
    std::vector<PriorityFactor> factors; // one per factor name, in factorNames() order
};

/** Scores a case as of now. */
Result compute(const PriorityWeights &weights, const CaseFacts &facts, std::int64_t now);

/**
 * Returns why the weights are invalid, naming the field (an unknown factor, a negative or
 * non-finite number, a weight above 100, an unknown ageing curve, capDays outside 1..365),
 * or nothing when they are valid.
 */
std::optional<std::string> validate(const PriorityWeights &weights);

/** Parses "YYYY-MM-DDTHH:MM:SSZ" (fractions allowed); nothing when it is not such a time. */
std::optional<std::int64_t> parseUtc(const std::string &text);

} // namespace civicdesk::priority
