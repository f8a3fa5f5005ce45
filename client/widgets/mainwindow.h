#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QCheckBox;
class QListView;
class QMenu;
class QTableView;

namespace CivicDesk {

class CaseListModel;
class CaseListProxyModel;
class CaseView;
class CitizenWindow;
class ClientSession;
class ConflictsDialog;
class PartySearchDialog;
class QueueListModel;
class QueueListProxyModel;
class PriorityWeightsDialog;
class RoutingRulesDialog;
class SessionStatusBar;

/**
 * The signed-in user's workspace: queues on the left, the selected queue's cases in the
 * centre, the selected case on the right, and the session's state in the status bar.
 * Created after ClientSession::signedIn, so the session's repository exists for its lifetime.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /** language is "el" or "en", the language the app's translator is set to. */
    MainWindow(ClientSession *session, const QString &language,
        QWidget *parent = nullptr); // session not owned
    ~MainWindow() override;

    /** Sets the display language of cached names ("el" or "en") and reloads the views. */
    void applyLanguage(const QString &language);
    /** Selects My cases, or the first queue with cases when it is empty; false if all are. */
    bool selectFirstNonEmptyQueue();
    /** Selects the first case of the current queue. When that queue is empty, it selects the
     *  first non-empty queue first. Returns false if no queue has cases. */
    bool selectFirstCase();
    /** Shows a case in the case view, selecting it in the list when it is loaded there. */
    void openCase(const QString &caseId);
    /** Opens the 360° window of a party, or raises it when it is already open. */
    CitizenWindow *openCitizen(const QString &partyId);
    /** Opens the priority weights window; null when the user is neither supervisor nor admin. */
    PriorityWeightsDialog *openPriorityWeights();
    /** Opens the conflicts window of the edits the server rejected, or raises it. */
    ConflictsDialog *openConflicts();
    CaseView *caseView() const { return m_caseView; }

Q_SIGNALS:
    void signOutRequested();
    void languageChangeRequested(const QString &language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    QWidget *setupCaseListPane();
    void setupMenus();
    void setupConnections();
    void retranslateUi();
    void reloadModels();
    void fitCaseColumns();
    void onQueueSelected(int row);
    void onCaseSelected();
    void onMutationRejected(const QString &caseId, const QString &code, const QString &message);
    void onRejectedEditsChanged();
    bool selectCaseRow(const QString &caseId);
    void showAbout();
    void showPartySearch();
    void showRoutingRules();
    void showPriorityWeights();
    bool maySupervise() const;

    ClientSession *m_session;
    QString m_language;
    QueueListModel *m_queueModel = nullptr;
    QueueListProxyModel *m_queueProxy = nullptr;
    CaseListModel *m_caseModel = nullptr;
    CaseListProxyModel *m_caseProxy = nullptr;
    QListView *m_queueView = nullptr;
    QCheckBox *m_showClosedBox = nullptr;
    QTableView *m_caseTable = nullptr;
    CaseView *m_caseView = nullptr;
    SessionStatusBar *m_statusBar = nullptr;
    QPointer<PartySearchDialog> m_partySearch;
    QPointer<RoutingRulesDialog> m_routingRules;
    QPointer<PriorityWeightsDialog> m_priorityWeights;
    QPointer<ConflictsDialog> m_conflicts;
    QHash<QString, QPointer<CitizenWindow>> m_citizenWindows;
    bool m_restoringSelection = false;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_citizenMenu = nullptr;
    QMenu *m_supervisionMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_conflictsAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_greekAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_findCitizenAction = nullptr;
    QAction *m_routingRulesAction = nullptr;
    QAction *m_priorityWeightsAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace CivicDesk
