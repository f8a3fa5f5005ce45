#pragma once

#include "cache/cache.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

/** Encrypted client caches filled in bulk, and timing helpers, for the client benchmarks. */
namespace BenchCache {

/** Ids of the reference records storeReferenceData writes. */
struct Reference
{
    std::string userId; // the signed-in agent, member of teamIds.front()
    std::vector<std::string> teamIds;
    std::vector<std::string> colleagueIds;
    std::vector<std::string> categoryIds;
    std::vector<std::string> municipalityIds;
};

/** Opens the cache at path, creating it if needed. Prints the error and returns null on
 *  failure. */
std::unique_ptr<CivicDesk::Cache> open(const QString &path, const QByteArray &key);

/** Stores teams, staff, categories and municipalities through the real ChangeApplier. */
bool storeReferenceData(CivicDesk::Cache &cache, const Reference &reference);
Reference makeReference();

/** Returns a case request text of 150 to 400 characters, varied by number. */
std::string requestText(int number);
/** Returns an ISO 8601 UTC time with milliseconds, as the server writes createdAt. */
std::string isoTime(qint64 secondsSinceEpoch, int milliseconds);

/** Returns the process's peak resident set size in MiB (getrusage ru_maxrss). */
/** Returns the first argument after the program name as a count from 1 to maximum, or
 *  defaultCount when there is none. Sets ok to false when the argument is not such a count. */
int countArgument(const QStringList &arguments, int defaultCount, int maximum, bool *ok);

double peakMemoryMib();
/** Returns the elapsed time in milliseconds with microsecond resolution. */
double milliseconds(const QElapsedTimer &timer);

/** Returns the median of the samples, or 0 for none. */
double median(QList<double> samples);
double maximum(const QList<double> &samples);

} // namespace BenchCache
