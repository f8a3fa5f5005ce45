#include "plainlabel.h"
#include "citizenwindow.h"

#include "data/repository.h"
#include "displaytexts.h"
#include "partydetailswidget.h"
#include "timelineview.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

enum CaseColumn { NumberColumn, CreatedColumn, CategoryColumn, StatusColumn, CaseColumnCount };

QLabel *makeSectionTitle(QWidget *parent)
{
    auto *label = plainLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

CitizenWindow::CitizenWindow(Repository *repository, const QString &partyId, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_repository(repository)
    , m_partyId(partyId)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setupUi();
    reload();
    retranslateUi();
    m_repository->recordAccess(QStringLiteral("party"), partyId, QStringLiteral("citizen-360"));
}

void CitizenWindow::reload()
{
    const std::optional<PartyInfo> party = m_repository->partyById(m_partyId);
    m_partyName = party ? party->displayName : QString();
    m_details->setParty(party.value_or(PartyInfo()));
    fillCases();
    m_timeline->showParty(m_partyId);
}

void CitizenWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillCases();
    }
    QWidget::changeEvent(event);
}

void CitizenWindow::setupUi()
{
    setObjectName(QStringLiteral("citizenWindow"));
    m_details = new PartyDetailsWidget(this);

    m_casesTitle = makeSectionTitle(this);
    m_casesTable = new QTableWidget(0, CaseColumnCount, this);
    m_casesTable->setObjectName(QStringLiteral("partyCasesTable"));
    m_casesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_casesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_casesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_casesTable->setAlternatingRowColors(true);
    m_casesTable->verticalHeader()->hide();
    m_casesTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_casesTable, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        Q_EMIT caseRequested(m_casesTable->item(row, NumberColumn)->data(Qt::UserRole).toString());
    });

    m_timelineTitle = makeSectionTitle(this);
    m_timeline = new TimelineView(m_repository, this);

    auto *casesPane = new QWidget(this);
    auto *casesLayout = new QVBoxLayout(casesPane);
    casesLayout->setContentsMargins(0, 0, 0, 0);
    casesLayout->addWidget(m_casesTitle);
    casesLayout->addWidget(m_casesTable);
    auto *timelinePane = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelinePane);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(m_timelineTitle);
    timelineLayout->addWidget(m_timeline);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(casesPane);
    splitter->addWidget(timelinePane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 540, 600 });
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);
    layout->addWidget(m_details);
    layout->addWidget(splitter, 1);
    resize(1180, 680);
}

void CitizenWindow::retranslateUi()
{
    //: Window title of the citizen 360° view, such as "Maria Papadopoulou – Citizen 360°".
    setWindowTitle(tr("%1 – Citizen 360°").arg(m_partyName));
    m_timelineTitle->setText(tr("Timeline across all cases and channels"));
    m_casesTable->setToolTip(tr("Double-click a case to open it in the main window."));
    m_casesTable->setHorizontalHeaderLabels({
        //: Column title in the citizen's case table.
        tr("Case"),
        //: Column title in the citizen's case table.
        tr("Created"),
        //: Column title in the citizen's case table.
        tr("Category"),
        //: Column title in the citizen's case table.
        tr("Status"),
    });
}

void CitizenWindow::fillCases()
{
    const QList<CaseInfo> cases = m_repository->casesOfParty(m_partyId);
    m_casesTitle->setText(tr("%n case(s)", nullptr, int(cases.size())));
    m_casesTable->setRowCount(0);
    for (const CaseInfo &caseInfo : cases) {
        const int row = m_casesTable->rowCount();
        m_casesTable->insertRow(row);
        auto *numberItem = new QTableWidgetItem(caseInfo.number);
        numberItem->setData(Qt::UserRole, caseInfo.id);
        m_casesTable->setItem(row, NumberColumn, numberItem);
        m_casesTable->setItem(
            row, CreatedColumn, new QTableWidgetItem(DisplayTexts::dateTime(caseInfo.createdAt)));
        m_casesTable->setItem(row, CategoryColumn, new QTableWidgetItem(caseInfo.categoryName));
        m_casesTable->setItem(
            row, StatusColumn, new QTableWidgetItem(DisplayTexts::caseStatus(caseInfo.status)));
    }
    m_casesTable->resizeColumnsToContents();
}

} // namespace CivicDesk
