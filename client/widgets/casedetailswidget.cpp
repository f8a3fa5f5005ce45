#include "plainlabel.h"
#include "casedetailswidget.h"

#include "displaytexts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

QLabel *makeSectionTitle(QWidget *parent)
{
    auto *label = plainLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QTableWidgetItem *numberItem(double value, int decimals)
{
    auto *item = new QTableWidgetItem(QLocale().toString(value, 'f', decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

CaseDetailsWidget::CaseDetailsWidget(QWidget *parent)
    : QWidget(parent)
{
    setupUi();
    retranslateUi();
}

void CaseDetailsWidget::setCase(const CaseInfo &caseInfo, const QString &duplicateOfNumber)
{
    m_case = caseInfo;
    m_duplicateOfNumber = duplicateOfNumber;
    fillValues();
}

void CaseDetailsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillValues();
    }
    QWidget::changeEvent(event);
}

void CaseDetailsWidget::setupUi()
{
    m_requestTitle = makeSectionTitle(this);
    m_requestText = new QPlainTextEdit(this);
    m_requestText->setObjectName(QStringLiteral("caseRequestText"));
    m_requestText->setReadOnly(true);
    m_requestText->setMinimumHeight(60);
    m_requestText->setMaximumHeight(m_requestText->fontMetrics().lineSpacing() * 10);
    m_addressLabel = plainLabel(this);
    m_addressLabel->setWordWrap(true);
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_routeTitle = makeSectionTitle(this);
    m_routeValue = plainLabel(this);
    m_routeValue->setObjectName(QStringLiteral("caseRouteLabel"));
    m_routeValue->setWordWrap(true);
    m_routeValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_assignmentValue = plainLabel(this);
    m_assignmentValue->setObjectName(QStringLiteral("caseAssignmentLabel"));
    m_assignmentValue->setWordWrap(true);
    m_assignmentValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_duplicateLabel = new QLabel(this);
    m_duplicateLabel->setObjectName(QStringLiteral("caseDuplicateLabel"));
    m_duplicateLabel->setTextFormat(Qt::RichText);
    m_duplicateLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    connect(m_duplicateLabel, &QLabel::linkActivated, this,
        [this] { Q_EMIT caseRequested(m_case.duplicateOf); });
    m_unlinkButton = new QPushButton(this);
    m_unlinkButton->setObjectName(QStringLiteral("unlinkDuplicateButton"));
    connect(m_unlinkButton, &QPushButton::clicked, this, &CaseDetailsWidget::unlinkRequested);
    auto *duplicateRow = new QHBoxLayout;
    duplicateRow->addWidget(m_duplicateLabel);
    duplicateRow->addWidget(m_unlinkButton);
    duplicateRow->addStretch(1);

    m_priorityTitle = makeSectionTitle(this);
    m_priorityTable = new QTableWidget(0, 4, this);
    m_priorityTable->setObjectName(QStringLiteral("priorityTable"));
    m_priorityTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_priorityTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_priorityTable->verticalHeader()->hide();
    m_priorityTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_priorityTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_priorityTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_priorityTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_priorityTable->setAlternatingRowColors(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_requestTitle);
    layout->addWidget(m_requestText, 1);
    layout->addWidget(m_addressLabel);
    layout->addSpacing(6);
    layout->addWidget(m_routeTitle);
    layout->addWidget(m_routeValue);
    layout->addWidget(m_assignmentValue);
    layout->addLayout(duplicateRow);
    layout->addSpacing(6);
    layout->addWidget(m_priorityTitle);
    layout->addWidget(m_priorityTable);
    layout->addStretch(1);
}

void CaseDetailsWidget::retranslateUi()
{
    m_requestTitle->setText(tr("Citizen's request"));
    m_routeTitle->setText(tr("Why is this in my queue?"));
    //: Button next to "Duplicate of CD-…": the case stops being a duplicate.
    m_unlinkButton->setText(tr("Unlink"));
    m_priorityTitle->setText(tr("Priority breakdown"));
    m_priorityTable->setHorizontalHeaderLabels({
        //: Column of the priority breakdown table: what the score term measures.
        tr("Factor"),
        //: Column of the priority breakdown table: the measured value.
        tr("Value"),
        //: Column of the priority breakdown table: how much the factor counts.
        tr("Weight"),
        //: Column of the priority breakdown table: value times weight.
        tr("Contribution"),
    });
}

void CaseDetailsWidget::fillValues()
{
    m_requestText->setPlainText(m_case.text);
    m_addressLabel->setText(
        m_case.address.isEmpty() ? QString() : tr("Address: %1").arg(m_case.address));
    m_addressLabel->setVisible(!m_case.address.isEmpty());
    m_routeValue->setText(m_case.routeRule.isEmpty()
            ? tr("No routing rule is recorded for this case.")
            : DisplayTexts::routeRule(m_case));
    m_assignmentValue->setText(DisplayTexts::assignmentReason(m_case));
    m_assignmentValue->setVisible(!m_case.assignmentReason.isEmpty());
    fillDuplicates();
    fillPriorityTable();
}

void CaseDetailsWidget::fillPriorityTable()
{
    m_priorityTable->setRowCount(0);
    for (const PriorityFactorInfo &factor : m_case.priorityFactors) {
        const int row = m_priorityTable->rowCount();
        m_priorityTable->insertRow(row);
        m_priorityTable->setItem(
            row, 0, new QTableWidgetItem(DisplayTexts::priorityFactor(factor.factor)));
        m_priorityTable->setItem(row, 1, numberItem(factor.value, 2));
        m_priorityTable->setItem(row, 2, numberItem(factor.weight, 2));
        m_priorityTable->setItem(row, 3, numberItem(factor.contribution, 2));
    }

    const int row = m_priorityTable->rowCount();
    m_priorityTable->insertRow(row);
    auto *totalItem = new QTableWidgetItem(tr("Total priority"));
    QFont bold = totalItem->font();
    bold.setBold(true);
    totalItem->setFont(bold);
    m_priorityTable->setItem(row, 0, totalItem);
    QTableWidgetItem *totalValue = numberItem(m_case.priority, 2);
    totalValue->setFont(bold);
    m_priorityTable->setItem(row, 3, totalValue);
    m_priorityTable->resizeRowsToContents();
    m_priorityTable->setFixedHeight(m_priorityTable->horizontalHeader()->height()
        + m_priorityTable->verticalHeader()->length() + 2 * m_priorityTable->frameWidth());
}

void CaseDetailsWidget::fillDuplicates()
{
    const bool duplicate = !m_case.duplicateOf.isEmpty();
    if (duplicate) {
        const QString number =
            m_duplicateOfNumber.isEmpty() ? m_case.duplicateOf : m_duplicateOfNumber;
        const QString link = QStringLiteral("<a href=\"case\">%1</a>").arg(number.toHtmlEscaped());
        //: Link to the earlier open case this report duplicates; %1 is its number.
        m_duplicateLabel->setText(tr("Duplicate of %1").arg(link));
    } else if (m_case.duplicateCount > 0) {
        //: On an original case: how many other reports are linked to it as duplicates.
        m_duplicateLabel->setText(
            tr("%n linked report(s)", nullptr, m_case.duplicateCount).toHtmlEscaped());
    }
    m_duplicateLabel->setVisible(duplicate || m_case.duplicateCount > 0);
    m_unlinkButton->setVisible(duplicate);
}

} // namespace CivicDesk
