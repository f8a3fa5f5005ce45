#include "routingruletexts.h"

#include "data/repository.h"
#include "displaytexts.h"

#include <QStringList>

namespace CivicDesk {

namespace {

using civicdesk::RoutingRuleRecord;

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

QDateTime utcTime(const std::string &value)
{
    return QDateTime::fromString(text(value), Qt::ISODateWithMs);
}

QHash<QString, QString> namesOf(const QList<AreaInfo> &areas)
{
    QHash<QString, QString> names;
    for (const AreaInfo &area : areas) {
        names.insert(area.id, area.name);
    }
    return names;
}

QString named(const QHash<QString, QString> &names, const std::string &id)
{
    const QString name = names.value(text(id));
    return name.isEmpty() ? text(id) : name;
}

} // namespace

RoutingRuleTexts::RoutingRuleTexts(const Repository &repository)
    : m_regions(namesOf(repository.regions()))
    , m_units(namesOf(repository.regionalUnits()))
    , m_municipalities(namesOf(repository.municipalities()))
{
    for (const CategoryInfo &category : repository.categories()) {
        m_categories.insert(category.id, category.name);
    }
    for (const TeamInfo &team : repository.teams()) {
        m_teams.insert(team.id, team.name);
    }
}

RoutingRuleTexts::State RoutingRuleTexts::state(const RoutingRuleRecord &rule, const QDateTime &now)
{
    if (rule.retired) {
        return State::Retired;
    }
    const QDateTime to = utcTime(rule.effectiveTo);
    if (to.isValid() && to <= now) {
        return State::Ended;
    }
    return utcTime(rule.effectiveFrom) > now ? State::Future : State::Active;
}

QString RoutingRuleTexts::stateText(State state)
{
    switch (state) {
    case State::Active:
        //: State of a routing rule that applies now.
        return tr("Active");
    case State::Retired:
        //: State of a routing rule that was retired and never applies again.
        return tr("Retired");
    case State::Future:
        //: State of a routing rule whose start date is still ahead.
        return tr("Future");
    case State::Ended:
        //: State of a routing rule whose end date has passed.
        return tr("Ended");
    }
    return {};
}

QString RoutingRuleTexts::areaLevel(const QString &level)
{
    if (level == QLatin1String("region")) {
        return tr("Region");
    }
    if (level == QLatin1String("unit")) {
        return tr("Regional unit");
    }
    if (level == QLatin1String("municipality")) {
        return tr("Municipality");
    }
    //: Area level of a routing rule that applies everywhere.
    return tr("Any area");
}

QString RoutingRuleTexts::action(const QString &action)
{
    if (action == QLatin1String("create")) {
        //: History entry: a routing rule was created.
        return tr("Created");
    }
    if (action == QLatin1String("retire")) {
        //: History entry: a routing rule was retired.
        return tr("Retired");
    }
    //: History entry: a routing rule was changed.
    return tr("Changed");
}

QString RoutingRuleTexts::time(const std::string &isoTime)
{
    const QDateTime parsed = utcTime(isoTime);
    return parsed.isValid() ? DisplayTexts::dateTime(parsed.toLocalTime()) : QStringLiteral("—");
}

QString RoutingRuleTexts::category(const std::string &id) const
{
    return id.empty() ? QString() : named(m_categories, id);
}

QString RoutingRuleTexts::area(const RoutingRuleRecord &rule) const
{
    if (rule.areaLevel == "region") {
        return named(m_regions, rule.areaId);
    }
    if (rule.areaLevel == "unit") {
        return named(m_units, rule.areaId);
    }
    if (rule.areaLevel == "municipality") {
        return named(m_municipalities, rule.areaId);
    }
    //: The area of a routing rule for any area.
    return tr("everywhere");
}

QString RoutingRuleTexts::team(const RoutingRuleRecord &rule) const
{
    if (!rule.teamId.empty()) {
        return named(m_teams, rule.teamId);
    }
    //: A routing rule's team given by code: the team with this code in the case's region.
    return tr("code %1 in the case's region").arg(text(rule.teamCode));
}

QString RoutingRuleTexts::ruleLine(const RoutingRuleRecord &rule) const
{
    QString what = category(rule.categoryId);
    if (!rule.subcategoryId.empty()) {
        what += QStringLiteral(" / ") + category(rule.subcategoryId);
    }
    if (rule.areaLevel == "any") {
        //: Summary of a routing rule for any area: category and team.
        return tr("%1 in any area → %2").arg(what, team(rule));
    }
    //: Summary of a routing rule: category, area and team.
    return tr("%1 in %2 → %3").arg(what, area(rule), team(rule));
}

QString RoutingRuleTexts::changes(const RoutingRuleRecord *before, const RoutingRuleRecord &after) const
{
    if (!before) {
        return ruleLine(after);
    }
    QStringList parts;
    const auto compare = [&parts](const QString &label, const QString &old, const QString &now) {
        if (old != now) {
            parts.append(QStringLiteral("%1: %2 → %3").arg(label, old, now));
        }
    };
    compare(tr("category"), category(before->categoryId), category(after.categoryId));
    compare(tr("subcategory"), category(before->subcategoryId), category(after.subcategoryId));
    compare(tr("area"), area(*before), area(after));
    compare(tr("team"), team(*before), team(after));
    compare(tr("precedence"), QString::number(before->precedence),
        QString::number(after.precedence));
    compare(tr("from"), time(before->effectiveFrom), time(after.effectiveFrom));
    compare(tr("to"), time(before->effectiveTo), time(after.effectiveTo));
    if (before->note != after.note && !after.note.empty()) {
        parts.append(retireNote(after));
    }
    //: History entry of a routing rule saved without changes.
    return parts.isEmpty() ? tr("no changes") : parts.join(QStringLiteral("; "));
}

QString RoutingRuleTexts::retireNote(const RoutingRuleRecord &rule) const
{
    //: History of a routing rule: the note saved with a change.
    return tr("note: %1").arg(text(rule.note));
}

} // namespace CivicDesk
