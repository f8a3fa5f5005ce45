#pragma once

#include "data/clientrecords.h"
#include "session/clientsession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace CivicDesk {

/**
 * Turns the codes that core stores and emits (case status, error codes, interaction kinds,
 * priority factors) into translated text. The one place where the widgets layer maps codes
 * to words, so every view names a thing the same way.
 */
class DisplayTexts
{
    Q_DECLARE_TR_FUNCTIONS(CivicDesk::DisplayTexts)

public:
    /** Case statuses in workflow order, as stored in the cache. */
    static QStringList caseStatuses();
    static QString caseStatus(const QString &status);
    static QString categorySource(const QString &source);
    static QString priorityFactor(const QString &factor);
    static QString interactionKind(const QString &kind);
    static QString channel(const QString &channel);
    static QString role(const QString &role);

    /** Returns the age of something created at createdAt, such as "3 days". */
    static QString age(const QDateTime &createdAt);
    static QString dateTime(const QDateTime &time);

    /**
     * Returns the time left until a case is due, such as "2 d 3 h" or "overdue 5 h", "Paused"
     * for a paused clock and nothing for a stopped or unknown one.
     */
    static QString timeLeft(const QDateTime &dueAt, const QString &slaState, const QDateTime &now);
    /** Returns whether a running clock is past its due time at now. */
    static bool isOverdue(const QDateTime &dueAt, const QString &slaState, const QDateTime &now);
    /** Returns the clock state with its pause reason, such as "Paused: waiting for the citizen". */
    static QString slaState(const QString &state, const QString &pausedReason);

    static QString signInError(ClientSession::ErrorCode code);
    /** Returns the reason a server rejected an edit, from its wire code (mutation.conflict). */
    static QString rejectReason(const QString &code);
    /** Returns the reason like rejectReason(code), naming the edited record's kind: case,
     *  routingRule or priorityWeights. */
    static QString rejectReason(const QString &code, const QString &entity);
    static QString sessionState(ClientSession::State state);
    /** Returns the status bar's connection state while the server turns sign-ins away. */
    static QString serverBusyState();
    /** Returns the sign-in window's notice that the server is busy and a retry follows. */
    static QString serverBusyNotice();

    /**
     * Translates the server's English explanation of why a case went to its queue
     * (CaseInfo::routeRule), naming the case's category, region and team. Forms it does not
     * recognise come back unchanged. Defined in displaytextsserver.cpp.
     */
    static QString routeRule(const CaseInfo &caseInfo);
    /**
     * Translates the body of a timeline entry that the server writes in English (status and
     * assignment changes, deadline reminders). Other bodies come back unchanged.
     */
    static QString interactionBody(const QString &kind, const QString &body);
    /**
     * Translates the server's English explanation of why a case has its assignee or waits in
     * the team queue (CaseInfo::assignmentReason). Forms it does not recognise come back
     * unchanged. Defined in displaytextsassignment.cpp.
     */
    static QString assignmentReason(const CaseInfo &caseInfo);
    /** Translates a timeline body that links or unlinks a duplicate report ("duplicate of
     *  CD-…"); other bodies come back unchanged. Defined in displaytextsassignment.cpp. */
    static QString duplicateEntry(const QString &body);
};

} // namespace CivicDesk
