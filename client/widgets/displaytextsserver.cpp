// DisplayTexts for the English texts the server stores in records: the routing explanation
// of a case and the bodies of status, assignment and deadline entries in a timeline.

#include "displaytexts.h"

#include <QLocale>
#include <QRegularExpression>

namespace CivicDesk {

namespace {

// The forms below follow the server's intake router, decision maker, case mutations and
// deadline notifier. A form that changes there is shown raw until it is added here.
const QRegularExpression &ruleInAnyRegion()
{
    static const QRegularExpression pattern(
        QStringLiteral("^rule (\\d+): (\\S+) in any region → (\\S+)$"));
    return pattern;
}

const QRegularExpression &ruleInRegion()
{
    static const QRegularExpression pattern(
        QStringLiteral("^rule (\\d+): (\\S+) in region (\\S+) → (\\S+)$"));
    return pattern;
}

// Rules with 8-hex ids name a category with an optional subcategory and an area level.
const QRegularExpression &ruleInAnyArea()
{
    static const QRegularExpression pattern(
        QStringLiteral("^rule ([0-9a-f]{8}): ([^\\s/]+)(?:/(\\S+))? in any area → (\\S+)$"));
    return pattern;
}

const QRegularExpression &ruleInArea()
{
    static const QRegularExpression pattern(QStringLiteral("^rule ([0-9a-f]{8}): ([^\\s/]+)"
                                                           "(?:/(\\S+))? in (region|unit|municipality) "
                                                           "(\\S+) → (\\S+)$"));
    return pattern;
}

const QRegularExpression &noRuleRegionTriage()
{
    static const QRegularExpression pattern(
        QStringLiteral("^no rule for (\\S+) in region (\\S+) → region triage (\\S+)$"));
    return pattern;
}

const QRegularExpression &noRuleNationalTriage()
{
    static const QRegularExpression pattern(QStringLiteral(
        "^no rule or region team for (\\S+) in region (\\S+) → national triage (\\S+)$"));
    return pattern;
}

const QRegularExpression &lowConfidence()
{
    static const QRegularExpression pattern(QStringLiteral(
        "^confidence (\\d+(?:\\.\\d+)?) below threshold (\\d+(?:\\.\\d+)?) for (\\S+) → "
        "triage (\\S+)$"));
    return pattern;
}

const QRegularExpression &statusChange()
{
    static const QRegularExpression pattern(QStringLiteral("^status: (\\S+) → (\\S+)$"));
    return pattern;
}

const QRegularExpression &assigneeChange()
{
    static const QRegularExpression pattern(QStringLiteral("^assignee: (\\S+) → (\\S+)$"));
    return pattern;
}

// Returns the case's category name when the rule names the case's category, else the id,
// because an agent may have changed the category after routing.
QString categoryText(const CaseInfo &caseInfo, const QString &categoryId)
{
    if (categoryId == caseInfo.categoryId && !caseInfo.categoryName.isEmpty()) {
        return caseInfo.categoryName;
    }
    return categoryId;
}

// The router matches the case's own region, so the case's region name replaces the id.
QString regionText(const CaseInfo &caseInfo, const QString &regionId)
{
    return caseInfo.regionName.isEmpty() ? regionId : caseInfo.regionName;
}

// NOTE: the rule names the team code at routing time. The case's current team name is shown,
// so a case moved to another team later shows that team.
QString teamText(const CaseInfo &caseInfo, const QString &teamCode)
{
    return caseInfo.teamName.isEmpty() ? teamCode : caseInfo.teamName;
}

// "Category" or "Category / Subcategory", with names when they are the case's own.
QString categoryPathText(
    const CaseInfo &caseInfo, const QString &categoryId, const QString &subcategoryId)
{
    const QString category = categoryText(caseInfo, categoryId);
    if (subcategoryId.isEmpty()) {
        return category;
    }
    const bool own = subcategoryId == caseInfo.subcategoryId && !caseInfo.subcategoryName.isEmpty();
    return category + QStringLiteral(" / ") + (own ? caseInfo.subcategoryName : subcategoryId);
}

// The name of the rule's area when it is the case's own region, unit or municipality.
QString areaText(const CaseInfo &caseInfo, const QString &level, const QString &areaId)
{
    if (level == QLatin1String("municipality") && areaId == caseInfo.municipalityId
        && !caseInfo.municipalityName.isEmpty()) {
        return caseInfo.municipalityName;
    }
    if (level == QLatin1String("unit") && areaId == caseInfo.unitId
        && !caseInfo.unitName.isEmpty()) {
        return caseInfo.unitName;
    }
    if (level == QLatin1String("region") && !caseInfo.regionName.isEmpty()) {
        return caseInfo.regionName;
    }
    return areaId;
}

QString ruleInAreaText(const CaseInfo &caseInfo, const QRegularExpressionMatch &match)
{
    const QString rule = match.captured(1);
    const QString category = categoryPathText(caseInfo, match.captured(2), match.captured(3));
    const QString level = match.captured(4);
    const QString area = areaText(caseInfo, level, match.captured(5));
    const QString team = teamText(caseInfo, match.captured(6));
    if (level == QLatin1String("municipality")) {
        //: Why a case is in its queue: rule id, category (and subcategory) name,
        //: municipality name and team name.
        return DisplayTexts::tr("Rule %1: “%2” in municipality %3 → %4")
            .arg(rule, category, area, team);
    }
    if (level == QLatin1String("unit")) {
        //: Why a case is in its queue: rule id, category (and subcategory) name, regional
        //: unit name and team name.
        return DisplayTexts::tr("Rule %1: “%2” in regional unit %3 → %4")
            .arg(rule, category, area, team);
    }
    //: Why a case is in its queue: rule number, category name, region name and team name.
    return DisplayTexts::tr("Rule %1: “%2” in region %3 → %4").arg(rule, category, area, team);
}

QString percentText(const QString &share)
{
    return QLocale().toString(qRound(share.toDouble() * 100));
}

} // namespace

QString DisplayTexts::routeRule(const CaseInfo &caseInfo)
{
    const QString &rule = caseInfo.routeRule;

    QRegularExpressionMatch match = ruleInAnyArea().match(rule);
    if (match.hasMatch()) {
        //: Why a case is in its queue: rule id, category (and subcategory) name and team name.
        return tr("Rule %1: “%2” in any area → %3")
            .arg(match.captured(1),
                categoryPathText(caseInfo, match.captured(2), match.captured(3)),
                teamText(caseInfo, match.captured(4)));
    }

    match = ruleInArea().match(rule);
    if (match.hasMatch()) {
        return ruleInAreaText(caseInfo, match);
    }

    match = ruleInAnyRegion().match(rule);
    if (match.hasMatch()) {
        //: Why a case is in its queue: rule number, category name and team name.
        return tr("Rule %1: “%2” in any region → %3")
            .arg(match.captured(1), categoryText(caseInfo, match.captured(2)),
                teamText(caseInfo, match.captured(3)));
    }

    match = ruleInRegion().match(rule);
    if (match.hasMatch()) {
        //: Why a case is in its queue: rule number, category name, region name and team name.
        return tr("Rule %1: “%2” in region %3 → %4")
            .arg(match.captured(1), categoryText(caseInfo, match.captured(2)),
                regionText(caseInfo, match.captured(3)), teamText(caseInfo, match.captured(4)));
    }

    match = noRuleRegionTriage().match(rule);
    if (match.hasMatch()) {
        //: Why a case is in its queue: category name, region name and triage team name.
        return tr("No rule for “%1” in region %2 → region triage %3")
            .arg(categoryText(caseInfo, match.captured(1)),
                regionText(caseInfo, match.captured(2)), teamText(caseInfo, match.captured(3)));
    }

    match = noRuleNationalTriage().match(rule);
    if (match.hasMatch()) {
        //: Why a case is in its queue: category name and national triage team name.
        return tr("No rule or region team for “%1” → national triage %2")
            .arg(categoryText(caseInfo, match.captured(1)),
                teamText(caseInfo, match.captured(3)));
    }

    match = lowConfidence().match(rule);
    if (match.hasMatch()) {
        //: Why a case is in its queue: the classifier's confidence and the category's
        //: threshold in percent, then the category name.
        return tr("Confidence %1% below the threshold %2% for “%3”: sent for triage")
            .arg(percentText(match.captured(1)), percentText(match.captured(2)),
                categoryText(caseInfo, match.captured(3)));
    }
    return rule;
}

namespace {

QString assigneeText(const QString &username)
{
    if (username == QLatin1String("none")) {
        //: Assignee of a case that was assigned to nobody.
        return DisplayTexts::tr("nobody");
    }
    return username;
}

QString deadlineReminder(const QString &body)
{
    if (body == QLatin1String("sla.warning first_response")) {
        //: Timeline entry of a case that nears its first-response deadline.
        return DisplayTexts::tr("Warning: the first response deadline is near");
    }
    if (body == QLatin1String("sla.warning update")) {
        //: Timeline entry of a case whose next update to the citizen is due soon.
        return DisplayTexts::tr("Warning: the next update to the citizen is due soon");
    }
    if (body == QLatin1String("sla.warning resolution")) {
        //: Timeline entry of a case that nears its resolution deadline.
        return DisplayTexts::tr("Warning: the resolution deadline is near");
    }
    if (body == QLatin1String("sla.breach first_response")) {
        //: Timeline entry of a case that passed its first-response deadline.
        return DisplayTexts::tr("First response deadline passed");
    }
    if (body == QLatin1String("sla.breach update")) {
        //: Timeline entry of a case whose next update to the citizen is overdue.
        return DisplayTexts::tr("Update deadline passed");
    }
    if (body == QLatin1String("sla.breach resolution")) {
        //: Timeline entry of a case that passed its resolution deadline.
        return DisplayTexts::tr("Resolution deadline passed");
    }
    return body;
}

} // namespace

QString DisplayTexts::interactionBody(const QString &kind, const QString &body)
{
    if (kind == QLatin1String("status")) {
        const QRegularExpressionMatch match = statusChange().match(body);
        if (match.hasMatch()) {
            //: Timeline entry: the case's status before and after the change.
            return tr("Status: %1 → %2")
                .arg(caseStatus(match.captured(1)), caseStatus(match.captured(2)));
        }
        return duplicateEntry(body);
    } else if (kind == QLatin1String("assignment")) {
        const QRegularExpressionMatch match = assigneeChange().match(body);
        if (match.hasMatch()) {
            //: Timeline entry: the username of the assignee before and after the change.
            return tr("Assignee: %1 → %2")
                .arg(assigneeText(match.captured(1)), assigneeText(match.captured(2)));
        }
    } else if (kind == QLatin1String("notification")) {
        return deadlineReminder(body);
    }
    return body;
}

} // namespace CivicDesk
