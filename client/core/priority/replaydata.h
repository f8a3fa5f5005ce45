#pragma once

#include "priority/replayengine.h"

#include <QDateTime>
#include <QList>

namespace CivicDesk {

class Cache;

/**
 * Reads the cases a priority replay scores from the local cache: those created in the
 * given number of days before now that are neither resolved nor closed, with the regional
 * unit of their municipality and their party's vulnerability flags.
 */
class ReplayData
{
public:
    static constexpr int MinimumDays = 1;
    static constexpr int MaximumDays = 365;

    /** days is clamped to MinimumDays..MaximumDays. */
    static QList<ReplayCase> openCases(const Cache &cache, int days, const QDateTime &now);
    /** Returns the creation time of the newest open case, invalid when there is none. */
    static QDateTime newestOpenCaseTime(const Cache &cache);
};

} // namespace CivicDesk
