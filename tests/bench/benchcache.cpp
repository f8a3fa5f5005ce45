#include "benchcache.h"

#include "sync/changeapplier.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDebug>
#include <algorithm>
#include <sys/resource.h>

namespace BenchCache {

using namespace TestSupport;

namespace {

constexpr int TeamCount = 12;
constexpr int ColleagueCount = 40;
constexpr int CategoryCount = 24;
constexpr int MunicipalityCount = 30;

// Words of real Greek service requests, so texts have the length and alphabet of real ones.
const char *const Words[] = { "λακκούβα", "στην", "οδό", "Πατησίων", "μπροστά", "από", "το",
    "σχολείο", "εδώ", "και", "τρεις", "εβδομάδες", "κάδοι", "απορριμμάτων", "γεμάτοι", "φωτισμός",
    "δεν", "λειτουργεί", "παρακαλώ", "επείγει", "πεζοδρόμιο", "σπασμένο", "δέντρο", "έπεσε",
    "διακοπή", "νερού", "πολυκατοικία", "αριθμός", "ηλικιωμένη", "κάτοικος" };
constexpr int WordCount = int(sizeof(Words) / sizeof(Words[0]));

} // namespace

std::unique_ptr<CivicDesk::Cache> open(const QString &path, const QByteArray &key)
{
    auto cache = openCache(path, key);
    if (!cache) {
        qWarning() << "cannot open the benchmark cache" << path;
    }
    return cache;
}

Reference makeReference()
{
    Reference reference;
    reference.userId = uuid(1);
    for (int i = 0; i < TeamCount; ++i) {
        reference.teamIds.push_back(uuid(100 + i));
    }
    for (int i = 0; i < ColleagueCount; ++i) {
        reference.colleagueIds.push_back(uuid(200 + i));
    }
    for (int i = 0; i < CategoryCount; ++i) {
        reference.categoryIds.push_back("category_" + std::to_string(i));
    }
    for (int i = 0; i < MunicipalityCount; ++i) {
        reference.municipalityIds.push_back(std::to_string(9100 + i));
    }
    return reference;
}

bool storeReferenceData(CivicDesk::Cache &cache, const Reference &reference)
{
    std::vector<civicdesk::protocol::Change> changes;
    changes.push_back(upsert(0, "user",
        userRecord(reference.userId, "agent", "Μαρία Κωνσταντίνου", "agent",
            { reference.teamIds.front() })));
    for (std::size_t i = 0; i < reference.colleagueIds.size(); ++i) {
        const std::string team = reference.teamIds[i % reference.teamIds.size()];
        changes.push_back(upsert(0, "user",
            userRecord(reference.colleagueIds[i], "user" + std::to_string(i),
                "Υπάλληλος " + std::to_string(i), "agent", { team })));
    }
    for (std::size_t i = 0; i < reference.teamIds.size(); ++i) {
        changes.push_back(upsert(0, "team",
            teamRecord(
                reference.teamIds[i], "Ομάδα " + std::to_string(i), "Team " + std::to_string(i))));
    }
    for (std::size_t i = 0; i < reference.categoryIds.size(); ++i) {
        changes.push_back(upsert(0, "category",
            categoryRecord(reference.categoryIds[i], "Κατηγορία " + std::to_string(i),
                "Category " + std::to_string(i))));
    }
    for (std::size_t i = 0; i < reference.municipalityIds.size(); ++i) {
        changes.push_back(upsert(0, "municipality",
            municipalityRecord(reference.municipalityIds[i], "Δήμος " + std::to_string(i),
                "Municipality " + std::to_string(i))));
    }
    for (std::size_t i = 0; i < changes.size(); ++i) {
        changes[i].seq = std::int64_t(i + 1);
    }
    CivicDesk::ChangeApplier applier(cache, QString::fromStdString(reference.userId));
    return applier.apply(changes, std::int64_t(changes.size())).ok;
}

std::string requestText(int number)
{
    const int length = 150 + (number * 37) % 250;
    std::string text;
    for (int word = number; int(text.size()) < length; word += 7) {
        text += Words[word % WordCount];
        text += ' ';
    }
    return text;
}

std::string isoTime(qint64 secondsSinceEpoch, int milliseconds)
{
    const QDateTime time =
        QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).addMSecs(milliseconds);
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")).toStdString();
}

int countArgument(const QStringList &arguments, int defaultCount, int maximum, bool *ok)
{
    if (arguments.size() < 2) {
        *ok = true;
        return defaultCount;
    }
    const int count = arguments.at(1).toInt(ok);
    *ok = *ok && count > 0 && count <= maximum;
    return count;
}

double peakMemoryMib()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports kibibytes
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(QList<double> samples)
{
    if (samples.isEmpty()) {
        return 0;
    }
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

double maximum(const QList<double> &samples)
{
    return samples.isEmpty() ? 0 : *std::max_element(samples.begin(), samples.end());
}

} // namespace BenchCache
