#pragma once

#include "data/clientrecords.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace CivicDesk {

class CaseActionsWidget;
class CaseDetailsWidget;
class CaseHeaderWidget;
class ClientSession;
class NoteComposer;
class TimelineView;

/**
 * Everything about one case: header, request, routing reason, priority breakdown, the
 * party's timeline and the actions (claim, assign, status, note). Edits go through
 * ClientSession, which applies them to the cache and queues them in the outbox.
 */
class CaseView : public QWidget
{
    Q_OBJECT

public:
    explicit CaseView(ClientSession *session, QWidget *parent = nullptr); // not owned

    /** Shows a case and records the access in the audit log; clears the view for "". */
    void showCase(const QString &caseId);
    QString caseId() const { return m_case.id; }
    QString partyId() const { return m_case.partyId; }
    /** Reads the shown case again from the cache, without recording another access. */
    void refresh();
    /** Remembers that the server rejected an edit of caseId and shows it with that case. */
    void markRejected(const QString &caseId, const QString &code, const QString &message);
    /** Forgets the rejections of cases that no longer have a rejected edit. */
    void keepRejectionsOf(const QSet<QString> &caseIds);

Q_SIGNALS:
    void citizenRequested(const QString &partyId);
    /** The person followed a link to another case (the one this case duplicates). */
    void caseRequested(const QString &caseId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void setupConnections();
    void retranslateUi();
    void fillViews();
    void updateBanner();
    void onAssignRequested();
    void onCategoryChangeRequested();
    void onUnlinkRequested();
    void applyEditResult(const QString &mutationId);

    ClientSession *m_session;
    CaseInfo m_case;
    QHash<QString, QString> m_rejections; // case id -> translated reason
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    CaseHeaderWidget *m_header = nullptr;
    QLabel *m_banner = nullptr;
    CaseActionsWidget *m_actions = nullptr;
    QTabWidget *m_tabs = nullptr;
    CaseDetailsWidget *m_details = nullptr;
    TimelineView *m_timeline = nullptr;
    NoteComposer *m_noteComposer = nullptr;
};

} // namespace CivicDesk
