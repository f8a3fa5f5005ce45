#include "data/recordconverter.h"

#include "cache/cache.h"
#include "cache/statement.h"

namespace CivicDesk {

using nlohmann::json;

QString jsonString(const json &record, const char *key)
{
    const auto found = record.find(key);
    if (found == record.end() || !found->is_string()) {
        return {};
    }
    return QString::fromStdString(found->get<std::string>());
}

QStringList jsonStrings(const json &record, const char *key)
{
    QStringList values;
    const auto found = record.find(key);
    if (found == record.end() || !found->is_array()) {
        return values;
    }
    for (const json &value : *found) {
        if (value.is_string()) {
            values.append(QString::fromStdString(value.get<std::string>()));
        }
    }
    return values;
}

QDateTime jsonTime(const json &record, const char *key)
{
    return QDateTime::fromString(jsonString(record, key), Qt::ISODateWithMs);
}

namespace {

double jsonNumber(const json &record, const char *key)
{
    const auto found = record.find(key);
    return found != record.end() && found->is_number() ? found->get<double>() : 0.0;
}

bool jsonBool(const json &record, const char *key)
{
    const auto found = record.find(key);
    return found != record.end() && found->is_boolean() && found->get<bool>();
}

} // namespace

RecordConverter::RecordConverter(const Cache &cache, const QString &language)
    : m_cache(cache)
    , m_language(language)
{
}

CaseInfo RecordConverter::toCase(const json &record, qint64 version, bool pendingEdits)
{
    CaseInfo info;
    info.id = jsonString(record, "id");
    info.number = jsonString(record, "number");
    info.partyId = jsonString(record, "partyId");
    info.channel = jsonString(record, "channel");
    info.text = jsonString(record, "text");
    info.categoryId = jsonString(record, "categoryId");
    info.categoryName = referenceName("categories", info.categoryId);
    info.categoryConfidence = jsonNumber(record, "categoryConfidence");
    info.categorySource = jsonString(record, "categorySource");
    info.language = jsonString(record, "language");
    info.municipalityId = jsonString(record, "municipalityId");
    info.municipalityName = referenceName("municipalities", info.municipalityId);
    info.unitId = municipalityUnit(info.municipalityId);
    info.unitName = referenceName("regional_units", info.unitId);
    info.regionName = referenceName("regions", jsonString(record, "regionId"));
    info.address = jsonString(record, "address");
    info.status = jsonString(record, "status");
    info.teamId = jsonString(record, "teamId");
    info.teamName = referenceName("teams", info.teamId);
    info.assigneeId = jsonString(record, "assigneeId");
    info.assigneeName = userName(info.assigneeId);
    info.routeRule = jsonString(record, "routeRule");
    info.priority = jsonNumber(record, "priority");
    const auto factors = record.find("priorityFactors");
    if (factors != record.end() && factors->is_array()) {
        for (const json &factor : *factors) {
            info.priorityFactors.append({ jsonString(factor, "factor"), jsonNumber(factor, "value"),
                jsonNumber(factor, "weight"), jsonNumber(factor, "contribution") });
        }
    }
    info.createdAt = jsonTime(record, "createdAt");
    info.updatedAt = jsonTime(record, "updatedAt");
    info.dueAt = jsonTime(record, "dueAt");
    info.firstResponseDueAt = jsonTime(record, "firstResponseDueAt");
    info.firstResponseAt = jsonTime(record, "firstResponseAt");
    info.updateDueAt = jsonTime(record, "updateDueAt");
    info.slaState = jsonString(record, "slaState");
    info.slaPausedReason = jsonString(record, "slaPausedReason");
    info.subcategoryId = jsonString(record, "subcategoryId");
    info.subcategoryName = referenceName("categories", info.subcategoryId);
    info.assignmentReason = jsonString(record, "assignmentReason");
    info.duplicateOf = jsonString(record, "duplicateOf");
    info.duplicateCount = int(jsonNumber(record, "duplicateCount"));
    info.version = version;
    info.pendingEdits = pendingEdits;
    return info;
}

PartyInfo RecordConverter::toParty(const json &record)
{
    PartyInfo info;
    info.id = jsonString(record, "id");
    info.kind = jsonString(record, "kind");
    if (info.kind == QLatin1String("organisation")) {
        info.displayName = jsonString(record, "legalName");
    } else {
        info.displayName =
            QStringList { jsonString(record, "firstName"), jsonString(record, "lastName") }
                .join(QLatin1Char(' '))
                .trimmed();
    }
    info.afm = jsonString(record, "afm");
    info.amka = jsonString(record, "amka");
    info.email = jsonString(record, "email");
    info.phone = jsonString(record, "phone");
    info.language = jsonString(record, "language");
    info.municipalityName = referenceName("municipalities", jsonString(record, "municipalityId"));
    info.fictitious = jsonBool(record, "fictitious");
    info.vulnerabilities = jsonStrings(record, "vulnerabilities");
    return info;
}

InteractionInfo RecordConverter::toInteraction(const json &record, bool pending)
{
    InteractionInfo info;
    info.id = jsonString(record, "id");
    info.partyId = jsonString(record, "partyId");
    info.caseId = jsonString(record, "caseId");
    info.caseNumber = caseNumber(info.caseId);
    info.kind = jsonString(record, "kind");
    info.channel = jsonString(record, "channel");
    info.body = jsonString(record, "body");
    info.authorName = userName(jsonString(record, "authorId"));
    info.createdAt = jsonTime(record, "createdAt");
    info.pending = pending;
    return info;
}

UserInfo RecordConverter::toUser(const json &record)
{
    UserInfo info;
    info.id = jsonString(record, "id");
    info.username = jsonString(record, "username");
    info.displayName = jsonString(record, "displayName");
    info.role = jsonString(record, "role");
    info.teamIds = jsonStrings(record, "teamIds");
    return info;
}

TeamInfo RecordConverter::toTeam(const json &record) const
{
    const bool english = m_language == QLatin1String("en");
    return { jsonString(record, "id"), jsonString(record, english ? "nameEn" : "nameEl"),
        jsonBool(record, "triage"), jsonString(record, "code"), jsonString(record, "regionId") };
}

QString RecordConverter::referenceName(const char *table, const QString &id)
{
    return lookup(QByteArray("SELECT data FROM ") + table + " WHERE id = ?", id, true);
}

QString RecordConverter::userName(const QString &id)
{
    return lookup("SELECT data FROM users WHERE id = ?", id, false);
}

QString RecordConverter::municipalityUnit(const QString &municipalityId)
{
    if (municipalityId.isEmpty()) {
        return {};
    }
    Statement query(m_cache, "SELECT data FROM municipalities WHERE id = ?");
    if (!query.bind(1, municipalityId).next()) {
        return {};
    }
    return jsonString(json::parse(query.bytes(0).toStdString(), nullptr, false), "unitId");
}

QString RecordConverter::caseNumber(const QString &caseId)
{
    return lookup("SELECT number FROM cases WHERE id = ?", caseId, false);
}

QString RecordConverter::lookup(const QByteArray &sql, const QString &id, bool named)
{
    if (id.isEmpty()) {
        return {};
    }
    const QString key = QString::fromLatin1(sql) + QLatin1Char('\n') + id;
    const auto cached = m_names.constFind(key);
    if (cached != m_names.constEnd()) {
        return *cached;
    }

    Statement query(m_cache, sql.constData());
    QString name;
    if (query.bind(1, id).next()) {
        if (sql.startsWith("SELECT number")) {
            name = query.text(0);
        } else {
            const json record = json::parse(query.bytes(0).toStdString(), nullptr, false);
            const bool english = m_language == QLatin1String("en");
            name = named ? jsonString(record, english ? "nameEn" : "nameEl")
                         : jsonString(record, "displayName");
        }
    }
    m_names.insert(key, name);
    return name;
}

} // namespace CivicDesk
