#pragma once

#include "data/clientrecords.h"
#include "domain/records.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace CivicDesk {

/**
 * Checks a routing rule in the editor before it is sent, with the server's rules of
 * docs/protocol.md. A rule needs a known top-level category, and a subcategory of it or
 * none. Its area must exist at its level, with none for "any". It names exactly one of a
 * known team or a team code of a team in the area's region. Precedence is from -1000 to
 * 1000, the end comes after the start, and the note has at most 500 characters. No other
 * unretired rule may have the same category, subcategory, area and precedence in an
 * overlapping period. Supervisors may write rules for areas in their teams' regions only,
 * and administrators also for "any".
 */
class RoutingRuleCheck
{
    Q_DECLARE_TR_FUNCTIONS(CivicDesk::RoutingRuleCheck)

public:
    enum class Field { Category, Subcategory, Area, Team, Precedence, Period, Note };

    struct Problem
    {
        Field field;
        QString message; // translated
    };

    /** The cache's lists and the signed-in user that the check compares against. */
    struct Context
    {
        QList<CategoryInfo> categories;
        QList<AreaInfo> regions;
        QList<AreaInfo> units;
        QList<AreaInfo> municipalities;
        QList<TeamInfo> teams;
        QList<civicdesk::RoutingRuleRecord> rules; // the cached rules, for overlaps
        UserInfo user;
    };

    static constexpr int MinPrecedence = -1000;
    static constexpr int MaxPrecedence = 1000;
    static constexpr int MaxNoteCharacters = 500;

    explicit RoutingRuleCheck(Context context);

    /** Returns every problem of rule, at most one per field, or nothing when it may be sent. */
    QList<Problem> problems(const civicdesk::RoutingRuleRecord &rule) const;
    /** Returns the region id of the rule's area, or an empty string for "any" or an unknown
     *  area. */
    QString areaRegion(const civicdesk::RoutingRuleRecord &rule) const;

private:
    std::optional<QString> categoryProblem(const civicdesk::RoutingRuleRecord &rule) const;
    std::optional<QString> subcategoryProblem(const civicdesk::RoutingRuleRecord &rule) const;
    std::optional<QString> areaProblem(const civicdesk::RoutingRuleRecord &rule) const;
    std::optional<QString> teamProblem(const civicdesk::RoutingRuleRecord &rule) const;
    std::optional<QString> periodProblem(const civicdesk::RoutingRuleRecord &rule) const;
    std::optional<QString> overlapProblem(const civicdesk::RoutingRuleRecord &rule) const;
    const CategoryInfo *category(const QString &id) const;

    Context m_context;
};

} // namespace CivicDesk
