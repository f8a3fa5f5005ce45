#pragma once

#include "data/clientrecords.h"

#include <QHash>
#include <nlohmann/json.hpp>

namespace CivicDesk {

class Cache;

/**
 * Turns cached record JSON into the read-side records of clientrecords.h, looking up the
 * names of categories, municipalities, regions, teams and users in the display language.
 * Keeps the names it looked up, so make one per query, not one per application.
 */
class RecordConverter
{
public:
    RecordConverter(const Cache &cache, const QString &language); // cache not owned

    CaseInfo toCase(const nlohmann::json &record, qint64 version, bool pendingEdits);
    PartyInfo toParty(const nlohmann::json &record);
    InteractionInfo toInteraction(const nlohmann::json &record, bool pending);
    static UserInfo toUser(const nlohmann::json &record);
    TeamInfo toTeam(const nlohmann::json &record) const;

    /** nameEl or nameEn of a record in a reference table (by table name), cached. */
    QString referenceName(const char *table, const QString &id);
    QString userName(const QString &id);
    QString caseNumber(const QString &caseId);
    /** Returns the regional unit id of a municipality, or an empty string when unknown. */
    QString municipalityUnit(const QString &municipalityId);

private:
    QString lookup(const QByteArray &sql, const QString &id, bool named);

    const Cache &m_cache;
    QString m_language;
    QHash<QString, QString> m_names;
};

/** Reads a string field; a missing or null field reads as empty. */
QString jsonString(const nlohmann::json &record, const char *key);
QDateTime jsonTime(const nlohmann::json &record, const char *key);
/** Reads an array of strings. Other values in it are skipped, and a missing field is empty. */
QStringList jsonStrings(const nlohmann::json &record, const char *key);

} // namespace CivicDesk
