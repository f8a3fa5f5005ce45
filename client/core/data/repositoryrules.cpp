// Repository reads for the routing rules and priority weights editors.
#include "data/repository.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "data/recordconverter.h"

#include <algorithm>

namespace CivicDesk {

using nlohmann::json;

namespace {

json parseRecord(const QByteArray &text)
{
    return json::parse(text.toStdString(), nullptr, false);
}

QString ruleSortKey(const json &rule)
{
    return jsonString(rule, "categoryId") + QLatin1Char('\n') + jsonString(rule, "subcategoryId")
        + QLatin1Char('\n') + jsonString(rule, "id");
}

template<typename Info>
void sortByName(QList<Info> &items)
{
    std::sort(items.begin(), items.end(), [](const Info &a, const Info &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
}

} // namespace

QList<json> Repository::routingRules() const
{
    QList<json> rules;
    Statement query(m_cache, "SELECT data, version FROM routing_rules");
    while (query.next()) {
        json rule = parseRecord(query.bytes(0));
        if (rule.is_object()) {
            rule["version"] = query.integer(1);
            rules.append(std::move(rule));
        }
    }
    std::sort(rules.begin(), rules.end(),
        [](const json &a, const json &b) { return ruleSortKey(a) < ruleSortKey(b); });
    return rules;
}

QList<json> Repository::routingRuleHistory(const QString &ruleId) const
{
    // NOTE: SQLite 3.15 has no JSON1, so the rule filter and the order by changedAt run here.
    QList<json> entries;
    Statement query(m_cache, "SELECT data FROM routing_rule_history");
    while (query.next()) {
        json entry = parseRecord(query.bytes(0));
        if (entry.is_object() && (ruleId.isEmpty() || jsonString(entry, "ruleId") == ruleId)) {
            entries.append(std::move(entry));
        }
    }
    std::sort(entries.begin(), entries.end(), [](const json &a, const json &b) {
        const QDateTime first = jsonTime(a, "changedAt");
        const QDateTime second = jsonTime(b, "changedAt");
        if (first != second) {
            return first > second;
        }
        return a.value("ruleVersion", 0) > b.value("ruleVersion", 0);
    });
    return entries;
}

std::optional<std::pair<civicdesk::PriorityWeights, qint64>> Repository::priorityWeights() const
{
    Statement query(m_cache, "SELECT data, version FROM priority_weights WHERE id = 'current'");
    if (!query.next()) {
        return std::nullopt;
    }
    try {
        return std::pair { parseRecord(query.bytes(0)).get<civicdesk::PriorityWeights>(),
            query.integer(1) };
    } catch (const json::exception &) {
        // The change applier checked the record; only a damaged cache gets here.
        return std::nullopt;
    }
}

QList<CategoryInfo> Repository::categories() const
{
    const bool english = m_language == QLatin1String("en");
    QList<CategoryInfo> result;
    Statement query(m_cache, "SELECT data FROM categories");
    while (query.next()) {
        const json record = parseRecord(query.bytes(0));
        result.append({ jsonString(record, "id"),
            jsonString(record, english ? "nameEn" : "nameEl"), jsonString(record, "parentId") });
    }
    sortByName(result);
    return result;
}

QList<AreaInfo> Repository::regions() const
{
    return areas("regions");
}

QList<AreaInfo> Repository::regionalUnits() const
{
    return areas("regional_units");
}

QList<AreaInfo> Repository::municipalities() const
{
    return areas("municipalities");
}

QList<AreaInfo> Repository::areas(const char *table) const
{
    const bool english = m_language == QLatin1String("en");
    QList<AreaInfo> result;
    Statement query(m_cache, (QByteArray("SELECT data FROM ") + table).constData());
    while (query.next()) {
        const json record = parseRecord(query.bytes(0));
        AreaInfo area;
        area.id = jsonString(record, "id");
        area.nameEl = jsonString(record, "nameEl");
        area.nameEn = jsonString(record, "nameEn");
        area.name = english ? area.nameEn : area.nameEl;
        area.regionId = jsonString(record, "regionId");
        area.unitId = jsonString(record, "unitId");
        result.append(area);
    }
    sortByName(result);
    return result;
}

QString Repository::userName(const QString &userId) const
{
    RecordConverter converter(m_cache, m_language);
    return converter.userName(userId);
}

} // namespace CivicDesk
