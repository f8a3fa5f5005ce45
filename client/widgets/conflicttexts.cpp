#include "conflicttexts.h"

#include "data/repository.h"
#include "displaytexts.h"

#include <QLocale>

namespace CivicDesk {

namespace {

using nlohmann::json;

QString textOf(const json &value, const char *key)
{
    const auto found = value.is_object() ? value.find(key) : value.end();
    if (found == value.end() || found->is_null()) {
        return {};
    }
    return found->is_string() ? QString::fromStdString(found->get<std::string>())
                              : QString::fromStdString(found->dump());
}

std::string stdText(const json &value, const char *key)
{
    return textOf(value, key).toStdString();
}

/** Builds a rule from the keys a field holds, for RoutingRuleTexts. */
civicdesk::RoutingRuleRecord ruleOf(const json &value)
{
    civicdesk::RoutingRuleRecord rule;
    rule.categoryId = stdText(value, "categoryId");
    rule.subcategoryId = stdText(value, "subcategoryId");
    rule.areaLevel = value.contains("areaLevel") ? stdText(value, "areaLevel") : "any";
    rule.areaId = stdText(value, "areaId");
    rule.teamId = stdText(value, "teamId");
    rule.teamCode = stdText(value, "teamCode");
    return rule;
}

QString number(const json &value)
{
    return value.is_number() ? QLocale().toString(value.get<double>()) : QStringLiteral("—");
}

} // namespace

ConflictTexts::ConflictTexts(const Repository &repository)
    : m_repository(repository)
    , m_ruleTexts(repository)
{
    for (const CategoryInfo &category : repository.categories()) {
        m_categories.insert(category.id, category.name);
    }
}

QString ConflictTexts::record(const Conflict &conflict) const
{
    const OutboxEntry &entry = conflict.entry;
    if (entry.entity == QLatin1String("case")) {
        QString caseNumber = this->caseNumber(entry.entityId);
        if (caseNumber.isEmpty()) {
            caseNumber = textOf(conflict.serverRecord, "number");
        }
        //: A record in the conflicts window, such as "Case CD-2024-000123".
        return tr("Case %1").arg(caseNumber.isEmpty() ? entry.entityId : caseNumber);
    }
    if (entry.entity == QLatin1String("routingRule")) {
        const json args = json::parse(entry.argsJson.toStdString(), nullptr, false);
        const json &source = conflict.serverRecord.is_object() ? conflict.serverRecord : args;
        //: A record in the conflicts window, such as "Routing rule: Potholes in Attica → Roads".
        return tr("Routing rule: %1").arg(m_ruleTexts.ruleLine(ruleOf(source)));
    }
    if (entry.entity == QLatin1String("priorityWeights")) {
        return tr("Priority weights");
    }
    return entry.entity + QLatin1Char(' ') + entry.entityId;
}

QString ConflictTexts::change(const OutboxEntry &entry)
{
    const QString &op = entry.op;
    if (entry.entity == QLatin1String("routingRule")) {
        if (op == QLatin1String("create")) {
            return tr("New routing rule");
        }
        return op == QLatin1String("retire") ? tr("Retirement of the rule") : tr("Rule change");
    }
    if (entry.entity == QLatin1String("priorityWeights")) {
        return tr("New weights");
    }
    if (op == QLatin1String("claim")) {
        //: An edit that took a case for oneself.
        return tr("Claim");
    }
    if (op == QLatin1String("assign")) {
        return tr("Assignment");
    }
    if (op == QLatin1String("status")) {
        return tr("Status change");
    }
    if (op == QLatin1String("note")) {
        return tr("Note");
    }
    if (op == QLatin1String("recategorise")) {
        return tr("Category change");
    }
    if (op == QLatin1String("unlink_duplicate")) {
        return tr("Unlinking from the duplicate");
    }
    return op;
}

QString ConflictTexts::field(const QString &name)
{
    static const QHash<QString, const char *> Labels {
        { QStringLiteral("assignee"), QT_TR_NOOP("Assignee") },
        { QStringLiteral("status"), QT_TR_NOOP("Status") },
        { QStringLiteral("category"), QT_TR_NOOP("Category") },
        { QStringLiteral("duplicateOf"), QT_TR_NOOP("Duplicate of") },
        { QStringLiteral("text"), QT_TR_NOOP("Note") },
        { QStringLiteral("note"), QT_TR_NOOP("Note") },
        { QStringLiteral("area"), QT_TR_NOOP("Area") },
        { QStringLiteral("team"), QT_TR_NOOP("Team") },
        { QStringLiteral("precedence"), QT_TR_NOOP("Precedence") },
        { QStringLiteral("effectiveFrom"), QT_TR_NOOP("In force from") },
        { QStringLiteral("effectiveTo"), QT_TR_NOOP("In force until") },
        { QStringLiteral("ageing"), QT_TR_NOOP("Ageing curve") },
    };
    if (const char *label = Labels.value(name)) {
        return tr(label);
    }
    const QString table = name.section(QLatin1Char('/'), 0, 0);
    const QString key = name.section(QLatin1Char('/'), 1);
    if (table == QLatin1String("factorWeights")) {
        //: A field of the priority weights: the weight of one factor, such as "Weight: Category".
        return tr("Weight: %1").arg(DisplayTexts::priorityFactor(key));
    }
    if (table == QLatin1String("channelValues")) {
        //: A field of the priority weights: the value of one channel.
        return tr("Channel value: %1").arg(DisplayTexts::channel(key));
    }
    //: A field of the priority weights: a value table and its key, such as "regionValues: 1".
    return tr("%1: %2").arg(table, key);
}

QString ConflictTexts::value(const ConflictField &field, const json &value) const
{
    if (value.is_null()) {
        //: The server has no version of this field, as for a new note.
        return tr("(none on the server)");
    }
    const QString &name = field.name;
    if (name == QLatin1String("assignee")) {
        const QString userId = textOf(value, "assigneeId");
        const QString user = m_repository.userName(userId);
        return userId.isEmpty() ? tr("Nobody") : (user.isEmpty() ? userId : user);
    }
    if (name == QLatin1String("status")) {
        const QString status = DisplayTexts::caseStatus(textOf(value, "status"));
        const QString reason = textOf(value, "reason");
        //: A case status with its pause reason in brackets, such as "Waiting (Paused: …)".
        return reason.isEmpty()
            ? status
            : tr("%1 (%2)").arg(status, DisplayTexts::slaState(QStringLiteral("paused"), reason));
    }
    if (name == QLatin1String("category")) {
        const QString subcategory = m_ruleTexts.category(stdText(value, "subcategoryId"));
        const QString category = m_ruleTexts.category(stdText(value, "categoryId"));
        return subcategory.isEmpty() ? category : category + QStringLiteral(" / ") + subcategory;
    }
    if (name == QLatin1String("duplicateOf")) {
        const QString caseId = textOf(value, "duplicateOf");
        const QString caseNumber = this->caseNumber(caseId);
        if (caseId.isEmpty()) {
            return tr("Not a duplicate");
        }
        return caseNumber.isEmpty() ? caseId : caseNumber;
    }
    if (name == QLatin1String("text")) {
        return textOf(value, "text");
    }
    if (name == QLatin1String("ageing") || name.contains(QLatin1Char('/'))) {
        return weightsValue(name, value);
    }
    return ruleValue(name, value);
}

QString ConflictTexts::ruleValue(const QString &name, const json &value) const
{
    if (name == QLatin1String("area")) {
        return m_ruleTexts.area(ruleOf(value));
    }
    if (name == QLatin1String("team")) {
        return m_ruleTexts.team(ruleOf(value));
    }
    if (name == QLatin1String("precedence")) {
        return number(value.value("precedence", json()));
    }
    if (name == QLatin1String("effectiveFrom") || name == QLatin1String("effectiveTo")) {
        return RoutingRuleTexts::time(stdText(value, name.toLatin1().constData()));
    }
    if (name == QLatin1String("note")) {
        return textOf(value, "note");
    }
    return QString::fromStdString(value.dump());
}

QString ConflictTexts::weightsValue(const QString &name, const json &value) const
{
    if (name == QLatin1String("ageing")) {
        const json curve = value.value("ageing", json());
        if (!curve.is_object()) {
            return QStringLiteral("—");
        }
        //: The ageing curve of the priority weights: its kind and the days to full value.
        return tr("%1, full value after %2 days")
            .arg(textOf(curve, "kind"), number(curve.value("capDays", json())));
    }
    const std::string table = name.section(QLatin1Char('/'), 0, 0).toStdString();
    const std::string key = name.section(QLatin1Char('/'), 1).toStdString();
    const json values = value.value(table, json());
    return number(values.is_object() ? values.value(key, json()) : json());
}

QString ConflictTexts::obstacle(Conflict::Obstacle obstacle)
{
    switch (obstacle) {
    case Conflict::Obstacle::None:
        return {};
    case Conflict::Obstacle::AccessLost:
        return tr("You no longer have access to this record, or your role may not make this "
                  "change, so it cannot be sent again. Dismiss it once you have noted it.");
    case Conflict::Obstacle::RecordGone:
        return tr("The record no longer exists on the server or in your local copy, so the "
                  "change cannot be sent again. Dismiss it once you have noted it.");
    }
    return {};
}

QString ConflictTexts::madeAt(const OutboxEntry &entry)
{
    return DisplayTexts::dateTime(QDateTime::fromString(entry.createdAt, Qt::ISODateWithMs));
}

QString ConflictTexts::caseNumber(const QString &caseId) const
{
    if (caseId.isEmpty()) {
        return {};
    }
    const std::optional<CaseInfo> found = m_repository.caseById(caseId);
    return found ? found->number : QString();
}

} // namespace CivicDesk
