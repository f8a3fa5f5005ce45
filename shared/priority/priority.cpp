#include "priority/priority.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace civicdesk::priority {

namespace {

constexpr double SecondsPerDay = 86400.0;
constexpr double SlaHorizonHours = 168.0; // one week: a due time further away scores 0
constexpr int DuplicateCap = 10;
constexpr double MaxWeight = 100.0;

/** Rounds to four decimals, so scores print as 17.4 and not 17.400000000000002. */
double round4(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

double valueOr(const std::map<std::string, double> &values, const std::string &key, double fallback)
{
    const auto found = values.find(key);
    return found == values.end() ? fallback : found->second;
}

bool isFinished(const std::string &status)
{
    return status == "resolved" || status == "closed";
}

double subRegionValue(const PriorityWeights &weights, const CaseFacts &facts)
{
    const auto municipality = weights.subRegionValues.find(facts.municipalityId);
    if (!facts.municipalityId.empty() && municipality != weights.subRegionValues.end()) {
        return municipality->second;
    }
    const auto unit = weights.subRegionValues.find(facts.unitId);
    if (!facts.unitId.empty() && unit != weights.subRegionValues.end()) {
        return unit->second;
    }
    return 1.0;
}

double timeOpenValue(const AgeingCurve &ageing, const CaseFacts &facts, std::int64_t now)
{
    if (isFinished(facts.status) || ageing.capDays <= 0) {
        return 0;
    }
    const double days = std::max(0.0, static_cast<double>(now - facts.createdAt) / SecondsPerDay);
    const double capped = std::min(days, ageing.capDays);
    if (ageing.kind == "logarithmic") {
        return std::log1p(capped) / std::log1p(ageing.capDays);
    }
    if (ageing.kind == "step") {
        return std::floor(4.0 * capped / ageing.capDays) / 4.0;
    }
    return capped / ageing.capDays;
}

double slaTimeLeftValue(const CaseFacts &facts, std::int64_t now)
{
    if (isFinished(facts.status) || !facts.dueAt) {
        return 0;
    }
    const double hoursLeft = static_cast<double>(*facts.dueAt - now) / 3600.0;
    return std::clamp(1.0 - hoursLeft / SlaHorizonHours, 0.0, 1.0);
}

double vulnerabilityValue(const PriorityWeights &weights, const CaseFacts &facts)
{
    double highest = 0;
    for (const std::string &flag : facts.vulnerabilities) {
        highest = std::max(highest, valueOr(weights.vulnerabilityValues, flag, 0.0));
    }
    return highest;
}

std::optional<std::string> checkNumber(const std::string &field, double value)
{
    if (!std::isfinite(value)) {
        return field + " must be a finite number";
    }
    if (value < 0) {
        return field + " must not be negative";
    }
    if (value > MaxWeight) {
        return field + " must be at most 100";
    }
    return std::nullopt;
}

std::optional<std::string> checkValues(
    const std::string &mapName, const std::map<std::string, double> &values)
{
    for (const auto &[key, value] : values) {
        if (key.empty()) {
            return mapName + " has an empty key";
        }
        if (auto error = checkNumber(mapName + "." + key, value)) {
            return error;
        }
    }
    return std::nullopt;
}

/** Reads exactly `count` decimal digits at text[position]; -1 when one is not a digit. */
int readDigits(const std::string &text, std::size_t position, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[position + static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

int daysInMonth(int year, int month)
{
    static const int Days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : Days[month - 1];
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
std::int64_t daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return static_cast<std::int64_t>(era) * 146097 + dayOfEra - 719468;
}

} // namespace

const std::vector<std::string> &factorNames()
{
    static const std::vector<std::string> names { "category", "region", "subRegion", "timeOpen",
        "slaTimeLeft", "vulnerability", "duplicates", "channel" };
    return names;
}

PriorityWeights defaultWeights()
{
    PriorityWeights weights;
    weights.factorWeights = { { "category", 10 }, { "region", 2 }, { "subRegion", 2 },
        { "timeOpen", 20 }, { "slaTimeLeft", 15 }, { "vulnerability", 8 }, { "duplicates", 5 },
        { "channel", 2 } };
    weights.channelValues = { { "phone", 0.5 }, { "visit", 0.5 }, { "email", 0.2 },
        { "portal", 0.2 } };
    weights.vulnerabilityValues = { { "elderly", 1 }, { "disability", 1 }, { "low_income", 0.6 },
        { "single_parent", 0.5 } };
    weights.ageing = { "linear", 30 };
    return weights;
}

Result compute(const PriorityWeights &weights, const CaseFacts &facts, std::int64_t now)
{
    const double values[] = {
        valueOr(weights.categoryValues, facts.categoryId, 1.0),
        valueOr(weights.regionValues, facts.regionId, 1.0),
        subRegionValue(weights, facts),
        timeOpenValue(weights.ageing, facts, now),
        slaTimeLeftValue(facts, now),
        vulnerabilityValue(weights, facts),
        static_cast<double>(std::clamp(facts.duplicateCount, 0, DuplicateCap)) / DuplicateCap,
        valueOr(weights.channelValues, facts.channel, 0.0),
    };

    Result result;
    double sum = 0;
    for (std::size_t i = 0; i < factorNames().size(); ++i) {
        const std::string &name = factorNames()[i];
        const double weight = valueOr(weights.factorWeights, name, 0.0);
        const double value = round4(values[i]);
        const double contribution = round4(value * weight);
        result.factors.push_back({ name, value, weight, contribution });
        sum += contribution;
    }
    result.score = round4(sum);
    return result;
}

std::optional<std::string> validate(const PriorityWeights &weights)
{
    const std::set<std::string> known(factorNames().begin(), factorNames().end());
    for (const auto &[name, weight] : weights.factorWeights) {
        if (known.count(name) == 0) {
            return "factorWeights." + name + " is not a priority factor";
        }
        if (auto error = checkNumber("factorWeights." + name, weight)) {
            return error;
        }
    }

    const std::pair<const char *, const std::map<std::string, double> *> maps[] = {
        { "categoryValues", &weights.categoryValues },
        { "regionValues", &weights.regionValues },
        { "subRegionValues", &weights.subRegionValues },
        { "channelValues", &weights.channelValues },
        { "vulnerabilityValues", &weights.vulnerabilityValues },
    };
    for (const auto &[name, values] : maps) {
        if (auto error = checkValues(name, *values)) {
            return error;
        }
    }

    const AgeingCurve &ageing = weights.ageing;
    if (ageing.kind != "linear" && ageing.kind != "logarithmic" && ageing.kind != "step") {
        return "ageing.kind \"" + ageing.kind + "\" is not linear, logarithmic or step";
    }
    if (!std::isfinite(ageing.capDays) || ageing.capDays < 1 || ageing.capDays > 365) {
        return "ageing.capDays must be between 1 and 365";
    }
    return std::nullopt;
}

std::optional<std::int64_t> parseUtc(const std::string &text)
{
    // "YYYY-MM-DDTHH:MM:SS" is 19 characters; a fraction ".d+" may follow, then "Z".
    if (text.size() < 20 || text.back() != 'Z' || text[4] != '-' || text[7] != '-'
        || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
        return std::nullopt;
    }
    const std::string fraction = text.substr(19, text.size() - 20);
    if (!fraction.empty()
        && (fraction.size() < 2 || fraction[0] != '.'
            || !std::all_of(fraction.begin() + 1, fraction.end(),
                [](char c) { return c >= '0' && c <= '9'; }))) {
        return std::nullopt;
    }

    const int year = readDigits(text, 0, 4);
    const int month = readDigits(text, 5, 2);
    const int day = readDigits(text, 8, 2);
    const int hour = readDigits(text, 11, 2);
    const int minute = readDigits(text, 14, 2);
    const int second = readDigits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
        return std::nullopt;
    }
    if (day > daysInMonth(year, month)) {
        return std::nullopt;
    }
    return daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

} // namespace civicdesk::priority
