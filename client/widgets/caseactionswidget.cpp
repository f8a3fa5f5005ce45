#include "plainlabel.h"
#include "caseactionswidget.h"

#include "displaytexts.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace CivicDesk {

CaseActionsWidget::CaseActionsWidget(QWidget *parent)
    : QWidget(parent)
{
    setupUi();
    setupConnections();
    retranslateUi();
}

void CaseActionsWidget::setCase(const CaseInfo &caseInfo, const QString &currentUserId)
{
    m_case = caseInfo;
    const bool known = !caseInfo.id.isEmpty();
    m_claimButton->setEnabled(known && caseInfo.assigneeId != currentUserId);
    m_assignButton->setEnabled(known);
    m_categoryButton->setEnabled(known);
    m_statusCombo->setEnabled(known);
    m_citizenButton->setEnabled(known && !caseInfo.partyId.isEmpty());
    fillStatuses();
}

void CaseActionsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void CaseActionsWidget::setupUi()
{
    m_claimButton = new QPushButton(this);
    m_claimButton->setObjectName(QStringLiteral("claimButton"));
    m_assignButton = new QPushButton(this);
    m_assignButton->setObjectName(QStringLiteral("assignButton"));
    m_categoryButton = new QPushButton(this);
    m_categoryButton->setObjectName(QStringLiteral("changeCategoryButton"));
    m_statusTitle = plainLabel(this);
    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(QStringLiteral("statusCombo"));
    m_statusCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_statusTitle->setBuddy(m_statusCombo);
    m_citizenButton = new QPushButton(this);
    m_citizenButton->setObjectName(QStringLiteral("citizenButton"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_claimButton);
    layout->addWidget(m_assignButton);
    layout->addWidget(m_categoryButton);
    layout->addSpacing(12);
    layout->addWidget(m_statusTitle);
    layout->addWidget(m_statusCombo);
    layout->addStretch();
    layout->addWidget(m_citizenButton);
}

void CaseActionsWidget::setupConnections()
{
    connect(m_claimButton, &QPushButton::clicked, this, &CaseActionsWidget::claimRequested);
    connect(m_assignButton, &QPushButton::clicked, this, &CaseActionsWidget::assignRequested);
    connect(m_citizenButton, &QPushButton::clicked, this, &CaseActionsWidget::citizenRequested);
    connect(m_categoryButton, &QPushButton::clicked, this,
        &CaseActionsWidget::categoryChangeRequested);
    connect(m_statusCombo, &QComboBox::activated, this, [this](int row) {
        const QString status = m_statusCombo->itemData(row).toString();
        if (status != m_case.status) {
            Q_EMIT statusRequested(status);
        }
    });
}

void CaseActionsWidget::retranslateUi()
{
    //: Button: assign the case to yourself.
    m_claimButton->setText(tr("Claim"));
    m_claimButton->setToolTip(tr("Assign this case to yourself."));
    m_assignButton->setText(tr("Assign…"));
    m_assignButton->setToolTip(tr("Assign this case to a member of its team."));
    //: Button: correct the case's category and subcategory.
    m_categoryButton->setText(tr("Change Category…"));
    m_categoryButton->setToolTip(tr("Correct the category the classifier or citizen chose."));
    m_statusTitle->setText(tr("&Status:"));
    m_citizenButton->setText(tr("Open Citizen 360°"));
    m_citizenButton->setToolTip(tr("Show everything about the citizen who made this request."));
    fillStatuses();
}

void CaseActionsWidget::fillStatuses()
{
    const QSignalBlocker blocker(m_statusCombo);
    m_statusCombo->clear();
    for (const QString &status : DisplayTexts::caseStatuses()) {
        m_statusCombo->addItem(DisplayTexts::caseStatus(status), status);
    }
    m_statusCombo->setCurrentIndex(m_statusCombo->findData(m_case.status));
}

} // namespace CivicDesk
