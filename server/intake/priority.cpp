#include "intake/priority.h"

#include "util/timeformat.h"

#include <algorithm>
#include <cmath>

namespace civicdesk::server {

namespace {

double weightOr(
    const std::map<std::string, double> &weights, const std::string &key, double fallback)
{
    const auto found = weights.find(key);
    return found == weights.end() ? fallback : found->second;
}

/** Rounds to four decimals, so scores print as 17.4 and not 17.400000000000002. */
double round4(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

} // namespace

PriorityCalculator::PriorityCalculator(
    std::map<std::string, double> categoryWeights, std::map<std::string, double> regionWeights)
    : m_categoryWeights(std::move(categoryWeights))
    , m_regionWeights(std::move(regionWeights))
{
}

PriorityResult PriorityCalculator::compute(const std::string &categoryId,
    const std::string &regionId, const std::string &status, const std::string &createdAt,
    const std::string &now) const
{
    const bool finished = status == "resolved" || status == "closed";
    const bool justCreated = createdAt == now; // intake's case: skip parsing two dates
    const double daysOpen = finished || justCreated
        ? 0
        : std::min(daysBetween(createdAt, now), TimeOpenCapDays);

    PriorityResult result;
    const auto add = [&](const std::string &factor, double value, double weight) {
        value = round4(value);
        const double contribution = round4(value * weight);
        result.factors.push_back({ factor, value, weight, contribution });
        result.score += contribution;
    };
    add("category", weightOr(m_categoryWeights, categoryId, 1.0), CategoryFactorWeight);
    add("region", weightOr(m_regionWeights, regionId, 1.0), RegionFactorWeight);
    add("timeOpen", daysOpen / TimeOpenCapDays, TimeOpenFactorWeight);
    result.score = round4(result.score);
    return result;
}

} // namespace civicdesk::server
