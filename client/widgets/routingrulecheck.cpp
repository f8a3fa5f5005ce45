#include "routingrulecheck.h"

#include <algorithm>

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

/** Compares half-open periods [from, to), where an invalid end is open. */
bool periodsOverlap(const RoutingRuleRecord &a, const RoutingRuleRecord &b)
{
    const QDateTime fromA = utcTime(a.effectiveFrom);
    const QDateTime toA = utcTime(a.effectiveTo);
    const QDateTime fromB = utcTime(b.effectiveFrom);
    const QDateTime toB = utcTime(b.effectiveTo);
    return (!toB.isValid() || fromA < toB) && (!toA.isValid() || fromB < toA);
}

const AreaInfo *findArea(const QList<AreaInfo> &areas, const QString &id)
{
    const auto found = std::find_if(
        areas.begin(), areas.end(), [&id](const AreaInfo &area) { return area.id == id; });
    return found == areas.end() ? nullptr : &*found;
}

} // namespace

RoutingRuleCheck::RoutingRuleCheck(Context context)
    : m_context(std::move(context))
{
}

QList<RoutingRuleCheck::Problem> RoutingRuleCheck::problems(const RoutingRuleRecord &rule) const
{
    QList<Problem> found;
    const auto add = [&found](Field field, const std::optional<QString> &message) {
        if (message) {
            found.append({ field, *message });
        }
    };
    add(Field::Category, categoryProblem(rule));
    add(Field::Subcategory, subcategoryProblem(rule));
    add(Field::Area, areaProblem(rule));
    add(Field::Team, teamProblem(rule));
    add(Field::Period, periodProblem(rule));
    if (rule.precedence < MinPrecedence || rule.precedence > MaxPrecedence) {
        add(Field::Precedence, tr("Precedence must be from -1000 to 1000."));
    } else if (found.isEmpty()) {
        add(Field::Precedence, overlapProblem(rule));
    }
    if (text(rule.note).size() > MaxNoteCharacters) {
        add(Field::Note, tr("The note is longer than 500 characters."));
    }
    return found;
}

const CategoryInfo *RoutingRuleCheck::category(const QString &id) const
{
    const auto found = std::find_if(m_context.categories.begin(), m_context.categories.end(),
        [&id](const CategoryInfo &info) { return info.id == id; });
    return found == m_context.categories.end() ? nullptr : &*found;
}

std::optional<QString> RoutingRuleCheck::categoryProblem(const RoutingRuleRecord &rule) const
{
    if (rule.categoryId.empty()) {
        return tr("Choose a category.");
    }
    const CategoryInfo *found = category(text(rule.categoryId));
    if (!found || !found->parentId.isEmpty()) {
        return tr("“%1” is not a known category.").arg(text(rule.categoryId));
    }
    return std::nullopt;
}

std::optional<QString> RoutingRuleCheck::subcategoryProblem(const RoutingRuleRecord &rule) const
{
    if (rule.subcategoryId.empty()) {
        return std::nullopt;
    }
    const CategoryInfo *found = category(text(rule.subcategoryId));
    if (!found || found->parentId != text(rule.categoryId)) {
        return tr("“%1” is not a subcategory of the chosen category.")
            .arg(text(rule.subcategoryId));
    }
    return std::nullopt;
}

QString RoutingRuleCheck::areaRegion(const RoutingRuleRecord &rule) const
{
    const QString id = text(rule.areaId);
    const AreaInfo *area = nullptr;
    if (rule.areaLevel == "region") {
        area = findArea(m_context.regions, id);
        return area ? area->id : QString();
    }
    if (rule.areaLevel == "unit") {
        area = findArea(m_context.units, id);
    } else if (rule.areaLevel == "municipality") {
        area = findArea(m_context.municipalities, id);
    }
    return area ? area->regionId : QString();
}

std::optional<QString> RoutingRuleCheck::areaProblem(const RoutingRuleRecord &rule) const
{
    const bool admin = m_context.user.role == QLatin1String("admin");
    if (rule.areaLevel == "any") {
        if (!admin) {
            return tr("Only administrators may write rules for any area. Choose a region, "
                      "regional unit or municipality.");
        }
        return std::nullopt;
    }
    if (rule.areaLevel != "region" && rule.areaLevel != "unit" && rule.areaLevel != "municipality") {
        return tr("Choose an area level.");
    }
    if (rule.areaId.empty()) {
        return tr("Choose an area from the list.");
    }
    const QString regionId = areaRegion(rule);
    if (regionId.isEmpty()) {
        return tr("“%1” is not a known area of this level.").arg(text(rule.areaId));
    }
    const bool inScope = std::any_of(m_context.teams.begin(), m_context.teams.end(),
        [this, &regionId](const TeamInfo &team) {
            return team.regionId == regionId && m_context.user.teamIds.contains(team.id);
        });
    if (!admin && !inScope) {
        return tr("This area lies outside the regions of your teams.");
    }
    return std::nullopt;
}

std::optional<QString> RoutingRuleCheck::teamProblem(const RoutingRuleRecord &rule) const
{
    if (rule.teamId.empty() == rule.teamCode.empty()) {
        return tr("Choose a team, or enter a team code.");
    }
    const auto &teams = m_context.teams;
    if (!rule.teamId.empty()) {
        const bool known = std::any_of(teams.begin(), teams.end(),
            [&rule](const TeamInfo &team) { return team.id == text(rule.teamId); });
        return known ? std::nullopt : std::optional(tr("The chosen team is not known."));
    }
    const QString regionId = areaRegion(rule);
    const bool any = rule.areaLevel == "any";
    const bool named = std::any_of(teams.begin(), teams.end(), [&](const TeamInfo &team) {
        return team.code == text(rule.teamCode) && (any || team.regionId == regionId);
    });
    if (!named) {
        return any ? tr("No team has the code “%1”.").arg(text(rule.teamCode))
                   : tr("No team in the area's region has the code “%1”.").arg(text(rule.teamCode));
    }
    return std::nullopt;
}

std::optional<QString> RoutingRuleCheck::periodProblem(const RoutingRuleRecord &rule) const
{
    const QDateTime from = utcTime(rule.effectiveFrom);
    if (!from.isValid()) {
        return tr("Enter the date and time the rule starts.");
    }
    const QDateTime to = utcTime(rule.effectiveTo);
    if (!rule.effectiveTo.empty() && (!to.isValid() || to <= from)) {
        return tr("The end must come after the start.");
    }
    return std::nullopt;
}

std::optional<QString> RoutingRuleCheck::overlapProblem(const RoutingRuleRecord &rule) const
{
    for (const RoutingRuleRecord &other : m_context.rules) {
        const bool sameKey = other.categoryId == rule.categoryId
            && other.subcategoryId == rule.subcategoryId && other.areaLevel == rule.areaLevel
            && other.areaId == rule.areaId && other.precedence == rule.precedence;
        if (other.id != rule.id && !other.retired && sameKey && periodsOverlap(rule, other)) {
            //: %1 is the short id of another routing rule.
            return tr("Rule %1 has the same category, area and precedence in an overlapping "
                      "period. Change the precedence or the dates.")
                .arg(text(other.id).left(8));
        }
    }
    return std::nullopt;
}

} // namespace CivicDesk
