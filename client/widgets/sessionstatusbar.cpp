#include "plainlabel.h"
#include "sessionstatusbar.h"

#include "displaytexts.h"
#include "session/clientsession.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <algorithm>

namespace CivicDesk {

namespace {

constexpr int RejectionMessageMs = 15000;

} // namespace

SessionStatusBar::SessionStatusBar(ClientSession *session, QWidget *parent)
    : QStatusBar(parent)
    , m_session(session)
    , m_stateLabel(plainLabel(this))
    , m_pendingLabel(plainLabel(this))
    , m_rejectedLabel(plainLabel(this))
    , m_syncLabel(plainLabel(this))
    , m_progress(new QProgressBar(this))
{
    m_stateLabel->setObjectName(QStringLiteral("connectionStateLabel"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    m_rejectedLabel->setObjectName(QStringLiteral("rejectedLabel"));
    m_rejectedLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_rejectedLabel->setCursor(Qt::PointingHandCursor);
    m_rejectedLabel->installEventFilter(this);
    m_syncLabel->setObjectName(QStringLiteral("lastSyncLabel"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(180);
    m_progress->setMaximumHeight(16);
    m_progress->hide();

    addPermanentWidget(m_progress);
    addPermanentWidget(m_stateLabel);
    addPermanentWidget(m_pendingLabel);
    addPermanentWidget(m_rejectedLabel);
    addPermanentWidget(m_syncLabel);
    setupConnections();
    updateLabels();
}

void SessionStatusBar::showRejection(const QString &caseNumber, const QString &reason)
{
    showMessage(
        tr("The server rejected your change to case %1 because %2.").arg(caseNumber, reason),
        RejectionMessageMs);
    updateLabels();
}

void SessionStatusBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        updateLabels();
    }
    QStatusBar::changeEvent(event);
}

bool SessionStatusBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_rejectedLabel && event->type() == QEvent::MouseButtonRelease) {
        Q_EMIT conflictsRequested();
        return true;
    }
    return QStatusBar::eventFilter(watched, event);
}

void SessionStatusBar::setupConnections()
{
    connect(m_session, &ClientSession::stateChanged, this, &SessionStatusBar::updateLabels);
    connect(m_session, &ClientSession::serverBusyChanged, this, &SessionStatusBar::updateLabels);
    connect(m_session, &ClientSession::connectionRejected, this,
        [this](ClientSession::ErrorCode code) {
            showMessage(DisplayTexts::signInError(code)); // stays until the next message
            updateLabels();
        });
    connect(m_session, &ClientSession::pendingCountChanged, this, &SessionStatusBar::updateLabels);
    connect(m_session, &ClientSession::mutationRejected, this, &SessionStatusBar::updateLabels);
    connect(m_session, &ClientSession::rejectedEditsChanged, this, &SessionStatusBar::updateLabels);
    connect(m_session, &ClientSession::syncProgress, this, &SessionStatusBar::onSyncProgress);
    connect(m_session, &ClientSession::syncFinished, this, [this] {
        m_progress->hide();
        updateLabels();
    });
}

void SessionStatusBar::updateLabels()
{
    const ClientSession::State state = m_session->state();
    const bool online =
        state == ClientSession::State::Online || state == ClientSession::State::Syncing;
    const bool busy = !online && m_session->isServerBusy();
    m_stateLabel->setText(
        busy ? DisplayTexts::serverBusyState() : DisplayTexts::sessionState(state));
    m_stateLabel->setStyleSheet(online ? QStringLiteral("color: #1e7a46; font-weight: bold;")
                                       : QStringLiteral("color: #8a5a00; font-weight: bold;"));

    //: Status bar: edits saved locally that the server has not acknowledged yet.
    m_pendingLabel->setText(
        tr("%n change(s) waiting to be sent", nullptr, m_session->pendingCount()));

    const int rejected = m_session->rejectedCount();
    //: Status bar: edits the server refused; each is shown on its case.
    m_rejectedLabel->setText(tr("%n change(s) rejected", nullptr, rejected));
    m_rejectedLabel->setToolTip(tr("Click to see both versions and keep yours, take the "
                                   "server's or merge."));
    m_rejectedLabel->setVisible(rejected > 0);

    const QDateTime lastSync = m_session->lastSyncServerTime();
    m_syncLabel->setText(lastSync.isValid()
            ? tr("Last synchronised: %1").arg(DisplayTexts::dateTime(lastSync))
            : tr("Not synchronised yet"));
}

void SessionStatusBar::onSyncProgress(qint64 received, qint64 total)
{
    if (total <= 0) {
        m_progress->setRange(0, 0);
    } else {
        // QProgressBar takes int, so the qint64 counts are scaled to per mille.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp<qint64>(received * 1000 / total, 0, 1000)));
    }
    m_progress->setToolTip(tr("Synchronising: %1 of %2 changes received.")
                               .arg(QLocale().toString(received), QLocale().toString(total)));
    m_progress->setVisible(m_session->state() == ClientSession::State::Syncing || received < total);
}

} // namespace CivicDesk
