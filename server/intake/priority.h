#pragma once

#include "domain/records.h"

#include <map>
#include <string>
#include <vector>

namespace civicdesk::server {

/** A case's priority: the sum of the factors' contributions, with the factors kept. */
struct PriorityResult
{
    double score = 0;
    std::vector<PriorityFactor> factors;
};

/**
 * Scores a case as the sum of weight × value over three factors. "category" is the
 * category's weight with factor weight 10. "region" is the region's weight (default 1.0)
 * with factor weight 2. "timeOpen" is the days open, capped at 30, divided by 30, with
 * factor weight 20, and is zero once the case is resolved or closed.
 */
class PriorityCalculator
{
public:
    static constexpr double CategoryFactorWeight = 10;
    static constexpr double RegionFactorWeight = 2;
    static constexpr double TimeOpenFactorWeight = 20;
    static constexpr double TimeOpenCapDays = 30;

    PriorityCalculator(
        std::map<std::string, double> categoryWeights, std::map<std::string, double> regionWeights);

    /** Scores a case created at createdAt as of now (both UTC ISO 8601). */
    PriorityResult compute(const std::string &categoryId, const std::string &regionId,
        const std::string &status, const std::string &createdAt, const std::string &now) const;

private:
    std::map<std::string, double> m_categoryWeights;
    std::map<std::string, double> m_regionWeights;
};

} // namespace civicdesk::server
