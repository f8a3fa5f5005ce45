#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/**
 * The working-day calendar of the statutory clock: Greek public holidays, a municipality's
 * feast days and a team's service hours in Europe/Athens. Instants are seconds since
 * 1970-01-01 UTC; the Athens offset follows the EU summer-time rule computed here, never the
 * machine's time zone.
 */
namespace civicdesk::server::sla {

using UtcSeconds = std::int64_t;
using Date = std::chrono::year_month_day;

/** Returns Orthodox Easter Sunday (Gregorian date) of a year in 1900-2099. */
Date orthodoxEaster(int year);

/** Returns whether a date is a Greek national public holiday, fixed or movable. */
bool isNationalHoliday(const Date &date);

/** Returns Athens's offset from UTC at an instant: 7200 (EET) or 10800 (EEST). */
int athensOffsetSeconds(UtcSeconds instant);

/** Converts an Athens wall-clock time (as if it were UTC seconds) to a UTC instant. */
UtcSeconds athensLocalToUtc(std::int64_t localSeconds);

/** A municipality's own feast day, kept every year on the same month and day. */
struct LocalHoliday
{
    int month = 1;
    int day = 1;
    std::string nameEl;
    std::string nameEn;
};

/** A team's service hours in Athens time; days[0] is Monday. */
struct ServiceHours
{
    std::array<bool, 7> days { true, true, true, true, true, false, false };
    int openMinute = 8 * 60;
    int closeMinute = 15 * 60;

    /** Reads "1111100" (Monday first); returns nothing when the text is not 7 digits 0/1. */
    static std::optional<std::array<bool, 7>> parseDays(const std::string &text);
    std::string daysText() const;
};

/** Service hours and holidays of one team working for one municipality. */
class WorkingCalendar
{
public:
    WorkingCalendar(ServiceHours hours = {}, std::vector<LocalHoliday> localHolidays = {});

    bool isWorkingDay(const Date &localDate) const;

    /** Returns whether the service is open at an instant. */
    bool isOpen(UtcSeconds instant) const;

    /** Returns the instant when seconds of working time after start have passed. */
    UtcSeconds addWorkingSeconds(UtcSeconds start, std::int64_t seconds) const;

    /** Returns the working seconds between two instants; 0 when to is not after from. */
    std::int64_t workingSecondsBetween(UtcSeconds from, UtcSeconds to) const;

private:
    /** The day's open and close instants in UTC. */
    std::pair<UtcSeconds, UtcSeconds> window(const Date &localDate) const;
    static Date localDateOf(UtcSeconds instant);

    ServiceHours m_hours;
    std::vector<LocalHoliday> m_localHolidays;
};

/** Reads a protocol time such as "2026-02-20T10:00:00.000Z"; nothing when unreadable. */
std::optional<UtcSeconds> parseUtc(const std::string &text);

/** Writes an instant as "2026-02-20T10:00:00.000Z". */
std::string formatUtc(UtcSeconds instant);

} // namespace civicdesk::server::sla
