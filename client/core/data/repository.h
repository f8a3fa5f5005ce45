#pragma once

#include "data/clientrecords.h"
#include "domain/records.h"

#include <QList>
#include <QString>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

namespace CivicDesk {

class Cache;
struct ReplayCase;

/** Sort position of a case-list row: the ORDER BY columns of the last row a page returned. */
struct CaseListKey
{
    double priority = 0;
    QString createdAt; // as stored, ISO 8601 UTC text
    QString id;
};

/** One page of a queue's cases and the key to continue after it. */
struct CaseListPage
{
    QList<CaseInfo> cases;
    CaseListKey last; // key of the last case, default-constructed when cases is empty
};

/** Sort position of a timeline entry, newest first: created_at DESC, then id. */
struct TimelineKey
{
    QString createdAt; // as stored, ISO 8601 UTC text
    QString id;
};

/** One page of a timeline and the key to continue after it. */
struct TimelinePage
{
    QList<InteractionInfo> items;
    TimelineKey last; // key of the last entry, default-constructed when items is empty
};

/**
 * Read queries over the local cache for views and models. Names come in the display
 * language set with setLanguage ("el" or "en"). Opening a case or a party records an
 * audit entry (who, when, which record) that is uploaded with the outbox.
 */
class Repository
{
public:
    explicit Repository(Cache &cache, const QString &userId); // cache not owned

    void setLanguage(const QString &language);
    QString language() const;

    QList<QueueInfo> queues() const;
    /** Case ids of a queue ordered by priority, highest first; closed and resolved cases are
     *  left out unless includeClosed. */
    QStringList caseIds(const QueueKey &queue, bool includeClosed) const;
    QList<CaseInfo> casesByIds(const QStringList &ids) const;
    /** Returns at most limit cases of a queue in caseIds order, starting after the key
     *  (from the first case when after is empty). Pages come from the cases indexes, so the
     *  cost of a page does not grow with its position (repositorypages.cpp). */
    CaseListPage casePage(const QueueKey &queue, bool includeClosed,
        const std::optional<CaseListKey> &after, int limit) const;
    std::optional<CaseInfo> caseById(const QString &caseId) const;
    std::optional<PartyInfo> partyById(const QString &partyId) const;
    QList<CaseInfo> casesOfParty(const QString &partyId) const;
    /** Timeline of a party across cases and channels, newest first. */
    QList<InteractionInfo> timelineOfParty(const QString &partyId) const;
    QList<InteractionInfo> timelineOfCase(const QString &caseId) const;
    /** Returns at most limit entries of a party's timeline, newest first, starting after the
     *  key (from the newest when after is empty). */
    TimelinePage timelinePageOfParty(
        const QString &partyId, const std::optional<TimelineKey> &after, int limit) const;
    TimelinePage timelinePageOfCase(
        const QString &caseId, const std::optional<TimelineKey> &after, int limit) const;
    /** Parties whose name contains text (accent- and case-insensitive) or whose AFM or AMKA
     *  starts with it; at most limit. */
    QList<PartyInfo> searchParties(const QString &text, int limit = 50) const;
    QList<UserInfo> membersOfTeam(const QString &teamId) const;
    QList<TeamInfo> teams() const;

    /**
     * Records that the signed-in user opened a record: entity case or party, reason such as
     * "case-view". The entry is uploaded by SyncClient. Returns false, recording nothing,
     * when the entry fails the protocol's checks or the write fails.
     */
    bool recordAccess(const QString &entity, const QString &entityId, const QString &reason);

    /** Returns the signed-in user as stored in the cache (users table, else the sign-in record). */
    UserInfo currentUser() const;

    // Routing rules, priority weights and the reference lists of their editors
    // (repositoryrules.cpp).

    /** Returns the routing rule records as the server sent them, each with an added integer
     *  "version" (the base version of an update), ordered by category, subcategory and id. */
    QList<nlohmann::json> routingRules() const;
    /** Returns the routingRuleHistory records of one rule, or of all for an empty ruleId,
     *  newest first. */
    QList<nlohmann::json> routingRuleHistory(const QString &ruleId = {}) const;
    /** Returns the weights in force and their version, or nothing before a sync brings them. */
    std::optional<std::pair<civicdesk::PriorityWeights, qint64>> priorityWeights() const;
    /** Cases a priority replay scores: open ones created in the last days (1..365) before
     *  now, with their priority facts (priority/replaydata.cpp). */
    QList<ReplayCase> replayCases(int days, const QDateTime &now) const;
    /** Creation time of the newest case that is neither resolved nor closed; invalid when
     *  there is none. A replay of historical data counts back from it. */
    QDateTime newestOpenCaseTime() const;
    /** Returns the categories and subcategories, sorted by name in the display language. */
    QList<CategoryInfo> categories() const;
    /** Returns the areas of one level, sorted by name in the display language. */
    QList<AreaInfo> regions() const;
    QList<AreaInfo> regionalUnits() const;
    QList<AreaInfo> municipalities() const;
    /** Returns a staff member's display name, or an empty string when unknown. */
    QString userName(const QString &userId) const;

private:
    bool seesAllTeams() const;
    QStringList queueTeamIds() const;
    QString queueCondition(const QueueKey &queue, QStringList *binds) const;
    qint64 countOpen(const QueueKey &queue) const;
    QList<InteractionInfo> timeline(const char *column, const QString &id) const;
    TimelinePage timelinePage(const char *column, const QString &id,
        const std::optional<TimelineKey> &after, int limit) const;
    QString caseQueueFilter(const QueueKey &queue, bool includeClosed, QStringList *binds) const;
    QList<AreaInfo> areas(const char *table) const;

    Cache &m_cache;
    QString m_userId;
    QString m_language = QStringLiteral("el");
};

} // namespace CivicDesk
