#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

/** Read-side records of the client, filled from the local cache for views and models. */
namespace CivicDesk {

struct UserInfo
{
    QString id;
    QString username;
    QString displayName;
    QString role; // agent, supervisor, admin
    QStringList teamIds;
};

struct PriorityFactorInfo
{
    QString factor; // category, region, timeOpen, ...
    double value = 0;
    double weight = 0;
    double contribution = 0;
};

struct CaseInfo
{
    QString id;
    QString number;
    QString partyId;
    QString channel;
    QString text;
    QString categoryId;
    QString categoryName; // in the session's display language
    double categoryConfidence = 0;
    QString categorySource;
    QString language;
    QString municipalityId;
    QString municipalityName;
    QString unitId; // the regional unit of the municipality, empty when not known
    QString unitName;
    QString regionName;
    QString address;
    QString status;
    QString teamId;
    QString teamName;
    QString assigneeId;
    QString assigneeName;
    QString routeRule;
    double priority = 0;
    QList<PriorityFactorInfo> priorityFactors;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 version = 0;
    bool pendingEdits = false; // an edit of this case waits in the outbox
    // The statutory clock: resolution due time, and the state running, paused or stopped
    // with a pause reason (waiting_for_citizen, referred). Invalid or empty until known.
    // updateDueAt is when the next update to the citizen is due, invalid before the first
    // response and after the clock stops.
    QDateTime dueAt;
    QDateTime firstResponseDueAt;
    QDateTime firstResponseAt;
    QDateTime updateDueAt;
    QString slaState;
    QString slaPausedReason;
    QString subcategoryId; // empty when not known
    QString subcategoryName;
    QString assignmentReason; // the server's text: why the assignee, or why the team queue
    QString duplicateOf; // the case this one duplicates, empty when none
    int duplicateCount = 0; // reports linked to this case as duplicates
};

struct PartyInfo
{
    QString id;
    QString kind; // person, organisation
    QString displayName;
    QString afm;
    QString amka;
    QString email;
    QString phone;
    QString language;
    QString municipalityName;
    bool fictitious = false;
    QStringList vulnerabilities; // flags such as elderly, disability, low_income
};

struct InteractionInfo
{
    QString id;
    QString partyId;
    QString caseId;
    QString caseNumber;
    QString kind; // submission, note, status, assignment, call, email, chat, visit
    QString channel;
    QString body;
    QString authorName;
    QDateTime createdAt;
    bool pending = false; // made locally, not yet acknowledged by the server
};

struct TeamInfo
{
    QString id;
    QString name;
    bool triage = false;
    QString code; // such as MUN-ATH-ROADS
    QString regionId; // empty for a national team
};

/** A category or, with a parentId, a subcategory of the taxonomy. */
struct CategoryInfo
{
    QString id;
    QString name; // in the display language
    QString parentId; // empty for a top-level category
};

/** A region, regional unit or municipality, for area pickers. */
struct AreaInfo
{
    QString id; // region id, regional unit id or YPES code
    QString name; // in the display language
    QString nameEl;
    QString nameEn;
    QString regionId; // the region of a unit or municipality, empty for a region
    QString unitId; // the regional unit of a municipality
};

/** Identifies one queue of the main window. */
struct QueueKey
{
    enum class Kind { Mine, Team, Unassigned };
    Kind kind = Kind::Mine;
    QString teamId; // for Kind::Team

    friend bool operator==(const QueueKey &a, const QueueKey &b)
    {
        return a.kind == b.kind && a.teamId == b.teamId;
    }
};

struct QueueInfo
{
    QueueKey key;
    QString name; // team name; empty for Mine and Unassigned (the widgets translate those)
    int openCount = 0;
};

} // namespace CivicDesk

Q_DECLARE_METATYPE(CivicDesk::QueueKey)
