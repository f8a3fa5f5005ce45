#include "plainlabel.h"
#include "caseview.h"

#include "assigndialog.h"
#include "categorydialog.h"
#include "caseactionswidget.h"
#include "casedetailswidget.h"
#include "caseheaderwidget.h"
#include "data/repository.h"
#include "displaytexts.h"
#include "notecomposer.h"
#include "session/clientsession.h"
#include "timelineview.h"
#include "widgetslogging.h"

#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace CivicDesk {

CaseView::CaseView(ClientSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setupUi();
    setupConnections();
    retranslateUi();
}

void CaseView::showCase(const QString &caseId)
{
    Repository *repository = m_session->repository();
    const std::optional<CaseInfo> found =
        caseId.isEmpty() || !repository ? std::nullopt : repository->caseById(caseId);
    m_case = found.value_or(CaseInfo());
    if (found) {
        repository->recordAccess(QStringLiteral("case"), caseId, QStringLiteral("case-view"));
        m_timeline->showParty(m_case.partyId);
        m_noteComposer->clear();
    }
    fillViews();
}

void CaseView::refresh()
{
    if (m_case.id.isEmpty() || !m_session->repository()) {
        return;
    }
    m_case = m_session->repository()->caseById(m_case.id).value_or(CaseInfo());
    m_timeline->reload();
    fillViews();
}

void CaseView::markRejected(const QString &caseId, const QString &code, const QString &message)
{
    qCInfo(lcWidgets) << "edit of case" << caseId << "rejected:" << code << message;
    m_rejections.insert(caseId, DisplayTexts::rejectReason(code));
    if (caseId == m_case.id) {
        updateBanner();
    }
}

void CaseView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateBanner();
    }
    QWidget::changeEvent(event);
}

void CaseView::setupUi()
{
    m_placeholder = plainLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setStyleSheet(QStringLiteral("color: #6b6b6b;"));

    m_header = new CaseHeaderWidget(this);
    m_banner = plainLabel(this);
    m_banner->setObjectName(QStringLiteral("caseBanner"));
    m_banner->setWordWrap(true);
    m_actions = new CaseActionsWidget(this);
    m_details = new CaseDetailsWidget(this);
    m_timeline = new TimelineView(m_session->repository(), this);
    m_noteComposer = new NoteComposer(this);

    auto *timelinePage = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelinePage);
    timelineLayout->addWidget(m_timeline, 1);
    timelineLayout->addWidget(m_noteComposer);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_details, QString());
    m_tabs->addTab(timelinePage, QString());

    auto *casePage = new QWidget(this);
    auto *caseLayout = new QVBoxLayout(casePage);
    caseLayout->setContentsMargins(12, 8, 12, 4);
    caseLayout->addWidget(m_header);
    caseLayout->addWidget(m_banner);
    caseLayout->addWidget(m_actions);
    caseLayout->addWidget(m_tabs, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(casePage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    fillViews();
}

void CaseView::setupConnections()
{
    connect(m_actions, &CaseActionsWidget::claimRequested, this,
        [this] { applyEditResult(m_session->claimCase(m_case.id)); });
    connect(m_actions, &CaseActionsWidget::assignRequested, this, &CaseView::onAssignRequested);
    connect(m_actions, &CaseActionsWidget::statusRequested, this, [this](const QString &status) {
        applyEditResult(m_session->setCaseStatus(m_case.id, status));
    });
    connect(m_actions, &CaseActionsWidget::citizenRequested, this,
        [this] { Q_EMIT citizenRequested(m_case.partyId); });
    connect(m_actions, &CaseActionsWidget::categoryChangeRequested, this,
        &CaseView::onCategoryChangeRequested);
    connect(m_details, &CaseDetailsWidget::unlinkRequested, this, &CaseView::onUnlinkRequested);
    connect(m_details, &CaseDetailsWidget::caseRequested, this, &CaseView::caseRequested);
    connect(m_noteComposer, &NoteComposer::noteSubmitted, this, [this](const QString &text) {
        const QString mutationId = m_session->addCaseNote(m_case.id, text);
        if (!mutationId.isEmpty()) {
            m_noteComposer->clear();
        }
        applyEditResult(mutationId);
    });
}

void CaseView::retranslateUi()
{
    m_placeholder->setText(tr("Select a case in the list to see its details."));
    //: Tab of the case view with the request text, routing reason and priority.
    m_tabs->setTabText(0, tr("Request"));
    //: Tab of the case view with the citizen's timeline across all cases and channels.
    m_tabs->setTabText(1, tr("Citizen Timeline"));
}

void CaseView::keepRejectionsOf(const QSet<QString> &caseIds)
{
    for (auto it = m_rejections.begin(); it != m_rejections.end();) {
        it = caseIds.contains(it.key()) ? std::next(it) : m_rejections.erase(it);
    }
    updateBanner();
}

void CaseView::fillViews()
{
    const bool hasCase = !m_case.id.isEmpty();
    m_stack->setCurrentIndex(hasCase ? 1 : 0);
    if (!hasCase) {
        return;
    }
    m_header->setCase(m_case);
    QString duplicateOfNumber;
    if (!m_case.duplicateOf.isEmpty()) {
        const auto original = m_session->repository()->caseById(m_case.duplicateOf);
        duplicateOfNumber = original ? original->number : QString();
    }
    m_details->setCase(m_case, duplicateOfNumber);
    m_actions->setCase(m_case, m_session->currentUser().id);
    updateBanner();
}

void CaseView::updateBanner()
{
    const QString rejection = m_rejections.value(m_case.id);
    if (!rejection.isEmpty()) {
        m_banner->setText(
            tr("The server rejected your last change to this case because %1.").arg(rejection));
        m_banner->setStyleSheet(QStringLiteral(
            "QLabel { background: #fde8e8; color: #8a1c1c; border: 1px solid #f0b4b4;"
            " border-radius: 4px; padding: 4px 8px; }"));
    } else if (m_case.pendingEdits) {
        m_banner->setText(tr("Your changes to this case are saved on this computer and wait "
                             "to be sent to the server."));
        m_banner->setStyleSheet(QStringLiteral(
            "QLabel { background: #fff4d6; color: #6b4e00; border: 1px solid #ecd48a;"
            " border-radius: 4px; padding: 4px 8px; }"));
    }
    m_banner->setVisible(!rejection.isEmpty() || m_case.pendingEdits);
}

void CaseView::onAssignRequested()
{
    AssignDialog dialog(
        m_session->repository(), m_case.teamId, m_case.teamName, m_case.assigneeId, this);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedUserId().isEmpty()) {
        return;
    }
    applyEditResult(m_session->assignCase(m_case.id, dialog.selectedUserId()));
}

void CaseView::onCategoryChangeRequested()
{
    CategoryDialog dialog(m_session->repository(), m_case.categoryId, m_case.subcategoryId, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    applyEditResult(m_session->recategoriseCase(
        m_case.id, dialog.selectedCategoryId(), dialog.selectedSubcategoryId()));
}

void CaseView::onUnlinkRequested()
{
    QMessageBox question(QMessageBox::Question, tr("Unlink Duplicate"),
        tr("Treat %1 as a report of its own? It leaves the case it duplicates and is worked "
           "on separately.")
            .arg(m_case.number),
        QMessageBox::NoButton, this);
    question.setObjectName(QStringLiteral("unlinkQuestion"));
    //: Confirms unlinking a duplicate report.
    QPushButton *unlink = question.addButton(tr("Unlink"), QMessageBox::AcceptRole);
    question.addButton(tr("Cancel"), QMessageBox::RejectRole);
    question.setDefaultButton(unlink);
    question.exec();
    if (question.clickedButton() != unlink) {
        return;
    }
    applyEditResult(m_session->unlinkDuplicate(m_case.id));
}

void CaseView::applyEditResult(const QString &mutationId)
{
    if (mutationId.isEmpty()) {
        qCWarning(lcWidgets) << "edit of case" << m_case.id << "was not queued";
        return;
    }
    m_rejections.remove(m_case.id);
    refresh();
}

} // namespace CivicDesk
