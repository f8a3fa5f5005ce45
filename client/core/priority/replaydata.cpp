#include "priority/replaydata.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "data/repository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace CivicDesk {

namespace {

// Times compare as text to the second, since some records carry milliseconds and some not.
constexpr const char *CasesSince = "SELECT data FROM cases "
                                   "WHERE status NOT IN ('resolved', 'closed') "
                                   "AND substr(created_at, 1, 19) >= ?";
constexpr const char *PartiesOfCasesSince =
    "SELECT data FROM parties WHERE id IN (SELECT party_id FROM cases "
    "WHERE status NOT IN ('resolved', 'closed') AND substr(created_at, 1, 19) >= ?)";

// NOTE: QJsonDocument rather than nlohmann-json here: the replay parses every open case of
// the window, and Qt's parser (built optimised) reads the demo cache several times faster
// in a debug build.
QJsonObject parseRecord(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

std::string stdString(const QJsonObject &record, QLatin1StringView key)
{
    return record.value(key).toString().toStdString();
}

std::optional<std::int64_t> secondsOf(const QJsonObject &record, QLatin1StringView key)
{
    const QDateTime time = QDateTime::fromString(record.value(key).toString(), Qt::ISODateWithMs);
    if (!time.isValid()) {
        return std::nullopt;
    }
    return time.toSecsSinceEpoch();
}

QHash<QString, std::string> unitsOfMunicipalities(const Cache &cache)
{
    QHash<QString, std::string> units;
    Statement query(cache, "SELECT data FROM municipalities");
    while (query.next()) {
        const QJsonObject record = parseRecord(query.bytes(0));
        units.insert(record.value(QLatin1String("id")).toString(),
            stdString(record, QLatin1String("unitId")));
    }
    return units;
}

QHash<QString, std::vector<std::string>> vulnerabilitiesOfParties(
    const Cache &cache, const QString &since)
{
    QHash<QString, std::vector<std::string>> flags;
    Statement query(cache, PartiesOfCasesSince);
    query.bind(1, since);
    while (query.next()) {
        const QJsonObject record = parseRecord(query.bytes(0));
        const QJsonArray found = record.value(QLatin1String("vulnerabilities")).toArray();
        std::vector<std::string> partyFlags;
        for (const QJsonValue &flag : found) {
            if (flag.isString()) {
                partyFlags.push_back(flag.toString().toStdString());
            }
        }
        flags.insert(record.value(QLatin1String("id")).toString(), partyFlags);
    }
    return flags;
}

civicdesk::priority::CaseFacts factsOf(const QJsonObject &record)
{
    civicdesk::priority::CaseFacts facts;
    facts.categoryId = stdString(record, QLatin1String("categoryId"));
    facts.regionId = stdString(record, QLatin1String("regionId"));
    facts.municipalityId = stdString(record, QLatin1String("municipalityId"));
    facts.channel = stdString(record, QLatin1String("channel"));
    facts.status = stdString(record, QLatin1String("status"));
    facts.createdAt = secondsOf(record, QLatin1String("createdAt")).value_or(0);
    facts.dueAt = secondsOf(record, QLatin1String("dueAt"));
    facts.duplicateCount = record.value(QLatin1String("duplicateCount")).toInt();
    return facts;
}

} // namespace

QList<ReplayCase> ReplayData::openCases(const Cache &cache, int days, const QDateTime &now)
{
    const int clamped = std::clamp(days, MinimumDays, MaximumDays);
    const QString since =
        now.toUTC().addDays(-clamped).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    const QHash<QString, std::string> units = unitsOfMunicipalities(cache);
    const QHash<QString, std::vector<std::string>> flags = vulnerabilitiesOfParties(cache, since);

    QList<ReplayCase> cases;
    Statement query(cache, CasesSince);
    query.bind(1, since);
    while (query.next()) {
        const QJsonObject record = parseRecord(query.bytes(0));
        if (record.isEmpty()) {
            continue;
        }
        ReplayCase replayCase { record.value(QLatin1String("id")).toString(),
            record.value(QLatin1String("number")).toString(),
            record.value(QLatin1String("text")).toString(),
            record.value(QLatin1String("teamId")).toString(), factsOf(record) };
        replayCase.facts.unitId =
            units.value(record.value(QLatin1String("municipalityId")).toString());
        replayCase.facts.vulnerabilities =
            flags.value(record.value(QLatin1String("partyId")).toString());
        cases.append(replayCase);
    }
    return cases;
}

QDateTime ReplayData::newestOpenCaseTime(const Cache &cache)
{
    Statement query(cache,
        "SELECT max(substr(created_at, 1, 19)) FROM cases "
        "WHERE status NOT IN ('resolved', 'closed')");
    if (!query.next() || query.isNull(0)) {
        return {};
    }
    QDateTime newest = QDateTime::fromString(query.text(0), Qt::ISODate);
    newest.setTimeSpec(Qt::UTC);
    return newest;
}

QDateTime Repository::newestOpenCaseTime() const
{
    return ReplayData::newestOpenCaseTime(m_cache);
}

QList<ReplayCase> Repository::replayCases(int days, const QDateTime &now) const
{
    return ReplayData::openCases(m_cache, days, now);
}

} // namespace CivicDesk
