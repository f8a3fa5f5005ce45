#include "sla/calendar.h"

#include "util/timeformat.h"

#include <Poco/Exception.h>
#include <algorithm>
#include <cstdio>

namespace civicdesk::server::sla {

namespace {

using namespace std::chrono;

constexpr std::int64_t SecondsPerDay = 86400;
// A calendar with no working day would never reach a due time; a ten-year horizon ends the
// search with an error instead.
constexpr int MaxDaysSearched = 3660;

struct MonthDay
{
    unsigned month;
    unsigned day;
};

// New Year, Epiphany, Independence Day, Labour Day, Dormition, Ochi Day, Christmas and the
// Synaxis of the Theotokos.
constexpr MonthDay FixedHolidays[] = { { 1, 1 }, { 1, 6 }, { 3, 25 }, { 5, 1 }, { 8, 15 },
    { 10, 28 }, { 12, 25 }, { 12, 26 } };

// Clean Monday, Good Friday, Easter Monday and Whit Monday, in days from Easter Sunday.
constexpr int MovableHolidayOffsets[] = { -48, -2, 1, 50 };

std::int64_t daysOf(const Date &date)
{
    return sys_days(date).time_since_epoch().count();
}

UtcSeconds lastSundayAt1Utc(int year, unsigned month)
{
    const sys_days sunday { std::chrono::year(year) / std::chrono::month(month) / Sunday[last] };
    return sunday.time_since_epoch().count() * SecondsPerDay + 3600;
}

} // namespace

Date orthodoxEaster(int year)
{
    // Meeus's Julian algorithm; the Julian calendar runs 13 days behind in 1900-2099.
    const int a = year % 4;
    const int b = year % 7;
    const int c = year % 19;
    const int d = (19 * c + 15) % 30;
    const int e = (2 * a + 4 * b - d + 34) % 7;
    const int month = (d + e + 114) / 31;
    const int day = (d + e + 114) % 31 + 1;
    const sys_days julianAsGregorian { std::chrono::year(year)
        / std::chrono::month(static_cast<unsigned>(month))
        / std::chrono::day(static_cast<unsigned>(day)) };
    return Date { julianAsGregorian + days(13) };
}

bool isNationalHoliday(const Date &date)
{
    const unsigned month = static_cast<unsigned>(date.month());
    const unsigned day = static_cast<unsigned>(date.day());
    for (const MonthDay &fixed : FixedHolidays) {
        if (fixed.month == month && fixed.day == day) {
            return true;
        }
    }

    const std::int64_t easter = daysOf(orthodoxEaster(static_cast<int>(date.year())));
    const std::int64_t today = daysOf(date);
    return std::any_of(std::begin(MovableHolidayOffsets), std::end(MovableHolidayOffsets),
        [&](int offset) { return easter + offset == today; });
}

int athensOffsetSeconds(UtcSeconds instant)
{
    const Date date { sys_days { days { instant / SecondsPerDay } } };
    const int year = static_cast<int>(date.year());
    const bool summer = instant >= lastSundayAt1Utc(year, 3) && instant < lastSundayAt1Utc(year, 10);
    return summer ? 10800 : 7200;
}

UtcSeconds athensLocalToUtc(std::int64_t localSeconds)
{
    // Service hours never fall in the hour that the change to or from summer time skips or
    // repeats, so the offset in force two hours earlier in UTC terms is the right one.
    return localSeconds - athensOffsetSeconds(localSeconds - 7200);
}

std::optional<std::array<bool, 7>> ServiceHours::parseDays(const std::string &text)
{
    if (text.size() != 7) {
        return std::nullopt;
    }
    std::array<bool, 7> result {};
    for (std::size_t i = 0; i < 7; ++i) {
        if (text[i] != '0' && text[i] != '1') {
            return std::nullopt;
        }
        result[i] = text[i] == '1';
    }
    return result;
}

std::string ServiceHours::daysText() const
{
    std::string text;
    for (bool open : days) {
        text += open ? '1' : '0';
    }
    return text;
}

WorkingCalendar::WorkingCalendar(ServiceHours hours, std::vector<LocalHoliday> localHolidays)
    : m_hours(hours)
    , m_localHolidays(std::move(localHolidays))
{
}

bool WorkingCalendar::isWorkingDay(const Date &localDate) const
{
    const unsigned isoDay = weekday(sys_days(localDate)).iso_encoding(); // 1 = Monday
    if (!m_hours.days[isoDay - 1] || isNationalHoliday(localDate)) {
        return false;
    }
    return std::none_of(m_localHolidays.begin(), m_localHolidays.end(), [&](const auto &holiday) {
        return static_cast<unsigned>(localDate.month()) == static_cast<unsigned>(holiday.month)
            && static_cast<unsigned>(localDate.day()) == static_cast<unsigned>(holiday.day);
    });
}

std::pair<UtcSeconds, UtcSeconds> WorkingCalendar::window(const Date &localDate) const
{
    const std::int64_t midnight = daysOf(localDate) * SecondsPerDay;
    return { athensLocalToUtc(midnight + m_hours.openMinute * 60),
        athensLocalToUtc(midnight + m_hours.closeMinute * 60) };
}

Date WorkingCalendar::localDateOf(UtcSeconds instant)
{
    const std::int64_t local = instant + athensOffsetSeconds(instant);
    return Date { sys_days { days { local / SecondsPerDay } } };
}

bool WorkingCalendar::isOpen(UtcSeconds instant) const
{
    const Date date = localDateOf(instant);
    if (!isWorkingDay(date)) {
        return false;
    }
    const auto [open, close] = window(date);
    return instant >= open && instant < close;
}

UtcSeconds WorkingCalendar::addWorkingSeconds(UtcSeconds start, std::int64_t seconds) const
{
    std::int64_t remaining = std::max<std::int64_t>(seconds, 0);
    if (remaining == 0) {
        return start;
    }
    sys_days day { localDateOf(start) };
    for (int searched = 0; searched < MaxDaysSearched; ++searched, day += days(1)) {
        if (!isWorkingDay(Date { day })) {
            continue;
        }
        const auto [open, close] = window(Date { day });
        const UtcSeconds from = std::max(start, open);
        if (from >= close) {
            continue;
        }
        if (remaining <= close - from) {
            return from + remaining;
        }
        remaining -= close - from;
    }
    throw Poco::InvalidArgumentException("service hours have no working time in ten years");
}

std::int64_t WorkingCalendar::workingSecondsBetween(UtcSeconds from, UtcSeconds to) const
{
    std::int64_t total = 0;
    const sys_days last { localDateOf(to) };
    for (sys_days day { localDateOf(from) }; from < to && day <= last; day += days(1)) {
        if (!isWorkingDay(Date { day })) {
            continue;
        }
        const auto [open, close] = window(Date { day });
        total += std::max<std::int64_t>(0, std::min(close, to) - std::max(open, from));
    }
    return total;
}

std::optional<UtcSeconds> parseUtc(const std::string &text)
{
    const auto utc = toUtcIso(text);
    int year = 0;
    unsigned month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    if (!utc
        || std::sscanf(utc->c_str(), "%4d-%2u-%2uT%2d:%2d:%2d", &year, &month, &day, &hour,
               &minute, &second)
            != 6) {
        return std::nullopt;
    }
    const Date date { std::chrono::year(year) / std::chrono::month(month) / std::chrono::day(day) };
    if (!date.ok()) {
        return std::nullopt;
    }
    return daysOf(date) * SecondsPerDay + hour * 3600 + minute * 60 + second;
}

std::string formatUtc(UtcSeconds instant)
{
    const std::int64_t dayNumber = (instant >= 0 ? instant : instant - SecondsPerDay + 1) / SecondsPerDay;
    const Date date { sys_days { days { dayNumber } } };
    const std::int64_t inDay = instant - dayNumber * SecondsPerDay;
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.000Z",
        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
        static_cast<unsigned>(date.day()), static_cast<int>(inDay / 3600),
        static_cast<int>(inDay / 60 % 60), static_cast<int>(inDay % 60));
    return text;
}

} // namespace civicdesk::server::sla
