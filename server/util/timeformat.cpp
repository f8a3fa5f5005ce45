#include "util/timeformat.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

namespace civicdesk::server {

namespace {

std::optional<Poco::DateTime> parseIso(const std::string &text)
{
    Poco::DateTime time;
    int zoneDifferential = 0;
    if (!Poco::DateTimeParser::tryParse(
            Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, time, zoneDifferential)) {
        return std::nullopt;
    }
    time.makeUTC(zoneDifferential);
    return time;
}

} // namespace

std::optional<std::string> toUtcIso(const std::string &text)
{
    // NOTE: DateTimeParser accepts partial input such as "2019", so a date and a time are
    // required explicitly before parsing.
    if (text.size() < 19 || text[4] != '-' || text[10] != 'T') {
        return std::nullopt;
    }
    const auto time = parseIso(text);
    if (!time) {
        return std::nullopt;
    }
    return Poco::DateTimeFormatter::format(*time, "%Y-%m-%dT%H:%M:%S.%iZ");
}

double daysBetween(const std::string &from, const std::string &to)
{
    const auto start = parseIso(from);
    const auto end = parseIso(to);
    if (!start || !end || *end < *start) {
        return 0;
    }
    return static_cast<double>((*end - *start).totalSeconds()) / 86400.0;
}

} // namespace civicdesk::server
