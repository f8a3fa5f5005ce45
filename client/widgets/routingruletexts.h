#pragma once

#include "data/clientrecords.h"
#include "domain/records.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace CivicDesk {

class Repository;

/**
 * Names in the display language for the routing rules window: categories, areas and teams
 * looked up once from the cache, area levels, a rule's state, and a readable summary of a
 * history entry.
 */
class RoutingRuleTexts
{
    Q_DECLARE_TR_FUNCTIONS(CivicDesk::RoutingRuleTexts)

public:
    enum class State { Active, Retired, Future, Ended };

    /** Loads the names from repository (not kept). */
    explicit RoutingRuleTexts(const Repository &repository);

    static State state(const civicdesk::RoutingRuleRecord &rule, const QDateTime &now);
    static QString stateText(State state);
    /** Returns "Region", "Regional unit", "Municipality" or "Any area". */
    static QString areaLevel(const QString &level);
    static QString action(const QString &action);
    /** Returns an ISO time as local date and time, or "—" for none. */
    static QString time(const std::string &isoTime);

    QString category(const std::string &id) const;
    QString area(const civicdesk::RoutingRuleRecord &rule) const;
    /** Returns the team's name, or "code X in the case's region" for a rule by team code. */
    QString team(const civicdesk::RoutingRuleRecord &rule) const;
    /** Returns the rule in one line, such as "Potholes in Attica → Roads Athens". */
    QString ruleLine(const civicdesk::RoutingRuleRecord &rule) const;
    /** Returns a summary of the changes from before to after, such as "precedence: 0 → 5".
     *  A null before means the rule was created, and the summary is the rule's line. */
    QString changes(const civicdesk::RoutingRuleRecord *before,
        const civicdesk::RoutingRuleRecord &after) const;
    /** Returns the summary of a retirement, which is its note. */
    QString retireNote(const civicdesk::RoutingRuleRecord &rule) const;

private:
    QHash<QString, QString> m_categories;
    QHash<QString, QString> m_regions;
    QHash<QString, QString> m_units;
    QHash<QString, QString> m_municipalities;
    QHash<QString, QString> m_teams;
};

} // namespace CivicDesk
