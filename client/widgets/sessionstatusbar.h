#pragma once

#include <QStatusBar>

class QLabel;
class QProgressBar;

namespace CivicDesk {

class ClientSession;

/**
 * The main window's status bar: online or offline, pending and rejected edits, the server
 * time of the last sync and, during a sync, its progress.
 */
class SessionStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    explicit SessionStatusBar(ClientSession *session, QWidget *parent = nullptr); // not owned

    /** Shows a message about a rejected edit for a while, without blocking the user. */
    void showRejection(const QString &caseNumber, const QString &reason);

Q_SIGNALS:
    /** The person clicked the count of rejected edits to resolve them. */
    void conflictsRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setupConnections();
    void updateLabels();
    void onSyncProgress(qint64 received, qint64 total);

    ClientSession *m_session;
    QLabel *m_stateLabel;
    QLabel *m_pendingLabel;
    QLabel *m_rejectedLabel;
    QLabel *m_syncLabel;
    QProgressBar *m_progress;
};

} // namespace CivicDesk
