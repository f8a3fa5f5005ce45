#include "plainlabel.h"
#include "caseheaderwidget.h"

#include "displaytexts.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace CivicDesk {

CaseHeaderWidget::CaseHeaderWidget(QWidget *parent)
    : QWidget(parent)
{
    setupUi();
    retranslateUi();
}

void CaseHeaderWidget::setCase(const CaseInfo &caseInfo)
{
    m_case = caseInfo;
    fillValues();
}

void CaseHeaderWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillValues();
    }
    QWidget::changeEvent(event);
}

QLabel *CaseHeaderWidget::addRow(
    QGridLayout *grid, int row, int column, QLabel **title, int valueColumns)
{
    *title = plainLabel(this);
    (*title)->setStyleSheet(QStringLiteral("color: #555555;"));
    auto *value = plainLabel(this);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(*title, row, column, Qt::AlignLeft | Qt::AlignTop);
    grid->addWidget(value, row, column + 1, 1, valueColumns);
    return value;
}

void CaseHeaderWidget::setupUi()
{
    m_numberLabel = plainLabel(this);
    m_numberLabel->setObjectName(QStringLiteral("caseNumberLabel"));
    m_numberLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont numberFont = m_numberLabel->font();
    numberFont.setPointSizeF(numberFont.pointSizeF() * 1.4);
    numberFont.setBold(true);
    m_numberLabel->setFont(numberFont);
    m_statusLabel = plainLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("caseStatusLabel"));
    m_statusLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: #dde7f3; color: #1d3a5f; border-radius: 8px; padding: 2px 10px; }"));

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_numberLabel);
    titleRow->addSpacing(8);
    titleRow->addWidget(m_statusLabel);
    titleRow->addStretch();

    // Category and team names are long, so they get whole rows; the short facts share rows.
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(3);
    m_categoryValue = addRow(grid, 0, 0, &m_categoryTitle, 3);
    m_categoryValue->setObjectName(QStringLiteral("caseCategoryLabel"));
    m_teamValue = addRow(grid, 1, 0, &m_teamTitle, 3);
    m_placeValue = addRow(grid, 2, 0, &m_placeTitle);
    m_channelValue = addRow(grid, 2, 2, &m_channelTitle);
    m_createdValue = addRow(grid, 3, 0, &m_createdTitle);
    m_assigneeValue = addRow(grid, 3, 2, &m_assigneeTitle);
    m_dueValue = addRow(grid, 4, 0, &m_dueTitle);
    m_dueValue->setObjectName(QStringLiteral("caseDueLabel"));
    m_clockValue = addRow(grid, 4, 2, &m_clockTitle);
    m_clockValue->setObjectName(QStringLiteral("caseClockLabel"));
    m_replyDueValue = addRow(grid, 5, 0, &m_replyDueTitle, 3);
    m_replyDueTitle->setObjectName(QStringLiteral("caseReplyDueTitle"));
    m_replyDueValue->setObjectName(QStringLiteral("caseReplyDueLabel"));
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titleRow);
    layout->addLayout(grid);
}

void CaseHeaderWidget::retranslateUi()
{
    m_categoryTitle->setText(tr("Category:"));
    m_placeTitle->setText(tr("Municipality:"));
    m_createdTitle->setText(tr("Created:"));
    m_teamTitle->setText(tr("Team:"));
    m_assigneeTitle->setText(tr("Assigned to:"));
    m_channelTitle->setText(tr("Channel:"));
    //: Title of the time the case must be resolved by.
    m_dueTitle->setText(tr("Due:"));
    //: Title of the state of the case's statutory clock.
    m_clockTitle->setText(tr("Clock:"));
}

void CaseHeaderWidget::fillValues()
{
    m_numberLabel->setText(m_case.number);
    m_statusLabel->setText(DisplayTexts::caseStatus(m_case.status));
    m_statusLabel->setVisible(!m_case.status.isEmpty());

    const int confidence = qRound(m_case.categoryConfidence * 100);
    //: A category and its subcategory, such as "Road damage / Pothole".
    const QString category = m_case.subcategoryName.isEmpty()
        ? m_case.categoryName
        : tr("%1 / %2").arg(m_case.categoryName, m_case.subcategoryName);
    if (m_case.categorySource == QLatin1String("agent")) {
        //: Category an agent set by hand and who chose it, such as "Potholes (agent)".
        m_categoryValue->setText(tr("%1 (%2)").arg(
            category, DisplayTexts::categorySource(m_case.categorySource)));
    } else {
        //: Category with the classifier's confidence and who chose it,
        //: such as "Potholes, 87% certain (automatic classifier)".
        m_categoryValue->setText(tr("%1, %2% certain (%3)")
                                     .arg(category)
                                     .arg(confidence)
                                     .arg(DisplayTexts::categorySource(m_case.categorySource)));
    }

    //: Municipality and region of a case, such as "Athens, Attica".
    m_placeValue->setText(m_case.regionName.isEmpty()
            ? m_case.municipalityName
            : tr("%1, %2").arg(m_case.municipalityName, m_case.regionName));

    //: Creation time and age of a case, such as "12/03/2024 10:15 (3 days ago)".
    m_createdValue->setText(
        tr("%1 (%2 ago)")
            .arg(DisplayTexts::dateTime(m_case.createdAt), DisplayTexts::age(m_case.createdAt)));

    m_teamValue->setText(m_case.teamName);
    //: Shown as the assignee of a case nobody has claimed.
    m_assigneeValue->setText(m_case.assigneeName.isEmpty() ? tr("Nobody") : m_case.assigneeName);
    m_channelValue->setText(DisplayTexts::channel(m_case.channel));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    fillDue(m_dueValue, m_case.dueAt, now);
    fillReplyDue(now);
    m_clockValue->setText(DisplayTexts::slaState(m_case.slaState, m_case.slaPausedReason));
}

void CaseHeaderWidget::fillDue(QLabel *value, const QDateTime &dueAt, const QDateTime &now)
{
    const QString left = DisplayTexts::timeLeft(dueAt, m_case.slaState, now);
    //: Due time and time left of a case, such as "14/03/2024 15:00 (2 d 3 h)".
    value->setText(left.isEmpty() || m_case.slaState == QLatin1String("paused")
            ? DisplayTexts::dateTime(dueAt)
            : tr("%1 (%2)").arg(DisplayTexts::dateTime(dueAt), left));
    value->setStyleSheet(DisplayTexts::isOverdue(dueAt, m_case.slaState, now)
            ? QStringLiteral("color: #c62828;")
            : QString());
}

void CaseHeaderWidget::fillReplyDue(const QDateTime &now)
{
    // Until the first response only its due time applies, and after it the next update's.
    const bool answered = m_case.firstResponseAt.isValid();
    const QDateTime dueAt = answered ? m_case.updateDueAt : m_case.firstResponseDueAt;
    const bool visible = dueAt.isValid() && m_case.slaState != QLatin1String("stopped");
    m_replyDueTitle->setVisible(visible);
    m_replyDueValue->setVisible(visible);
    if (!visible) {
        return;
    }
    if (answered) {
        //: Title of the time the next update to the citizen is due by.
        m_replyDueTitle->setText(tr("Next update due:"));
    } else {
        //: Title of the time the first reply to the citizen is due by.
        m_replyDueTitle->setText(tr("First response due:"));
    }
    fillDue(m_replyDueValue, dueAt, now);
}

} // namespace CivicDesk
