#pragma once

#include "routingruletexts.h"
#include "sync/conflicts.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace CivicDesk {

class Repository;

/**
 * Words for the conflicts window: which record a rejected edit changed, what the edit did,
 * each field's name and value in the display language, and why an edit can only be
 * dismissed. Names are looked up once from the cache.
 */
class ConflictTexts
{
    Q_DECLARE_TR_FUNCTIONS(CivicDesk::ConflictTexts)

public:
    explicit ConflictTexts(const Repository &repository); // repository not owned

    /** Returns the record, such as "Case CD-2024-000123" or "Priority weights". */
    QString record(const Conflict &conflict) const;
    /** Returns what the edit did, such as "Status change" or "New routing rule". */
    static QString change(const OutboxEntry &entry);
    static QString field(const QString &name);
    /** Returns one side of a field, such as a status, a person or a note's text. */
    QString value(const ConflictField &field, const nlohmann::json &value) const;
    /** Returns why the edit can only be dismissed, or nothing when it can be kept. */
    static QString obstacle(Conflict::Obstacle obstacle);
    /** Returns the time the edit was made, for the list. */
    static QString madeAt(const OutboxEntry &entry);

private:
    QString ruleValue(const QString &name, const nlohmann::json &value) const;
    QString weightsValue(const QString &name, const nlohmann::json &value) const;
    QString caseNumber(const QString &caseId) const;

    const Repository &m_repository;
    RoutingRuleTexts m_ruleTexts;
    QHash<QString, QString> m_categories;
};

} // namespace CivicDesk
