// DisplayTexts for the English texts the server writes when it assigns a case or links
// duplicate reports: the case's assignment reason and the timeline entries of a link.

#include "displaytexts.h"

#include <QRegularExpression>

namespace CivicDesk {

namespace {

// The forms below follow the server's intake assigner (server/intake/assigner.cpp), its
// claim and assign mutations, and its duplicate store. A form that changes there is shown
// raw until it is added here.
const QRegularExpression &pushAssigned()
{
    static const QRegularExpression pattern(
        QStringLiteral("^assigned to (\\S+): fewest open cases \\((\\d+) of (\\d+|no limit)\\) "
                       "among (\\d+) agents who speak (\\S+) and handle (\\S+)$"));
    return pattern;
}

const QRegularExpression &noAgentFits()
{
    static const QRegularExpression pattern(QStringLiteral(
        "^team queue: no agent speaks (\\S+), handles (\\S+) and is under capacity$"));
    return pattern;
}

const QRegularExpression &claimedBy()
{
    static const QRegularExpression pattern(QStringLiteral("^claimed by (\\S+)$"));
    return pattern;
}

const QRegularExpression &assignedBy()
{
    static const QRegularExpression pattern(QStringLiteral("^assigned to (\\S+) by (\\S+)$"));
    return pattern;
}

const QRegularExpression &duplicateLink()
{
    static const QRegularExpression pattern(
        QStringLiteral("^(duplicate of|linked duplicate|unlinked from) (\\S+)$"));
    return pattern;
}

QString languageName(const QString &language)
{
    if (language == QLatin1String("el")) {
        //: The language an agent speaks, in "agents who speak Greek".
        return DisplayTexts::tr("Greek");
    }
    if (language == QLatin1String("en")) {
        //: The language an agent speaks, in "agents who speak English".
        return DisplayTexts::tr("English");
    }
    return language;
}

// The case's category name when the reason names the case's category, else the id.
QString categoryText(const CaseInfo &caseInfo, const QString &categoryId)
{
    if (categoryId == caseInfo.categoryId && !caseInfo.categoryName.isEmpty()) {
        return caseInfo.categoryName;
    }
    return categoryId;
}

QString pushAssignment(const CaseInfo &caseInfo, const QRegularExpressionMatch &match)
{
    const int openCases = match.captured(2).toInt();
    const int agents = match.captured(4).toInt();
    const QString language = languageName(match.captured(5));
    const QString category = categoryText(caseInfo, match.captured(6));
    if (match.captured(3) == QLatin1String("no limit")) {
        //: Why a case has its assignee: username, the agent's open cases, how many agents
        //: fit, the language they speak and the category name. The agent has no case limit.
        return DisplayTexts::tr("Assigned to %1: fewest open cases (%2, no limit) among %n "
                                "agent(s) who speak %3 and handle “%4”",
            nullptr, agents)
            .arg(match.captured(1), QString::number(openCases), language, category);
    }
    //: Why a case has its assignee: username, the agent's open cases and case limit, how
    //: many agents fit, the language they speak and the category name.
    return DisplayTexts::tr("Assigned to %1: fewest open cases (%2 of %3) among %n agent(s) "
                            "who speak %4 and handle “%5”",
        nullptr, agents)
        .arg(match.captured(1), QString::number(openCases), match.captured(3), language, category);
}

} // namespace

QString DisplayTexts::assignmentReason(const CaseInfo &caseInfo)
{
    const QString &reason = caseInfo.assignmentReason;
    if (reason == QLatin1String("team queue: the team works by claiming")) {
        //: Why a case waits in its team's queue.
        return tr("Team queue: the team claims its cases");
    }

    QRegularExpressionMatch match = pushAssigned().match(reason);
    if (match.hasMatch()) {
        return pushAssignment(caseInfo, match);
    }

    match = noAgentFits().match(reason);
    if (match.hasMatch()) {
        //: Why a case waits in its team's queue: a language and a category name.
        return tr("Team queue: no agent speaks %1, handles “%2” and has room for more cases")
            .arg(languageName(match.captured(1)), categoryText(caseInfo, match.captured(2)));
    }

    match = claimedBy().match(reason);
    if (match.hasMatch()) {
        //: Why a case has its assignee: the username of the agent who claimed it.
        return tr("Claimed by %1").arg(match.captured(1));
    }

    match = assignedBy().match(reason);
    if (match.hasMatch()) {
        //: Why a case has its assignee: the assignee's and then the assigning user's username.
        return tr("Assigned to %1 by %2").arg(match.captured(1), match.captured(2));
    }
    return reason;
}

QString DisplayTexts::duplicateEntry(const QString &body)
{
    const QRegularExpressionMatch match = duplicateLink().match(body);
    if (!match.hasMatch()) {
        return body;
    }
    const QString number = match.captured(2);
    if (match.captured(1) == QLatin1String("duplicate of")) {
        //: Timeline entry of a report linked to an earlier open case; the case number.
        return tr("Duplicate of %1").arg(number);
    }
    if (match.captured(1) == QLatin1String("linked duplicate")) {
        //: Timeline entry of a case that another report was linked to; that report's number.
        return tr("Linked duplicate report %1").arg(number);
    }
    //: Timeline entry of a duplicate link removed; the number of the other case.
    return tr("Unlinked from %1").arg(number);
}

} // namespace CivicDesk
