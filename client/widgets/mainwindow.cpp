#include "mainwindow.h"

#include "caselistproxymodel.h"
#include "caseview.h"
#include "citizenwindow.h"
#include "data/repository.h"
#include "displaytexts.h"
#include "models/caselistmodel.h"
#include "models/queuelistmodel.h"
#include "queuelistproxymodel.h"
#include "session/clientsession.h"
#include "sessionstatusbar.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QListView>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace CivicDesk {

MainWindow::MainWindow(ClientSession *session, const QString &language, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_language(language)
{
    m_session->repository()->setLanguage(language);
    m_queueModel = new QueueListModel(m_session->repository(), this);
    m_queueProxy = new QueueListProxyModel(this);
    m_queueProxy->setSourceModel(m_queueModel);
    m_caseModel = new CaseListModel(m_session->repository(), this);
    m_caseProxy = new CaseListProxyModel(this);
    m_caseProxy->setSourceModel(m_caseModel);

    setupUi();
    setupMenus();
    setupConnections();
    retranslateUi();
    reloadModels();
}

MainWindow::~MainWindow() = default;

void MainWindow::applyLanguage(const QString &language)
{
    m_language = language;
    m_greekAction->setChecked(language == QLatin1String("el"));
    m_englishAction->setChecked(language == QLatin1String("en"));
    m_session->repository()->setLanguage(language);
    reloadModels();
    for (const QPointer<CitizenWindow> &window : std::as_const(m_citizenWindows)) {
        if (window) {
            window->reload();
        }
    }
}

bool MainWindow::selectFirstNonEmptyQueue()
{
    // The queue model lists My cases first, so this prefers it when it has cases.
    for (int row = 0; row < m_queueModel->rowCount(); ++row) {
        m_queueView->setCurrentIndex(m_queueProxy->index(row, 0));
        if (m_caseModel->rowCount() > 0) {
            return true;
        }
    }
    return false;
}

bool MainWindow::selectFirstCase()
{
    if (m_caseModel->rowCount() == 0 && !selectFirstNonEmptyQueue()) {
        return false;
    }
    m_caseTable->selectRow(0);
    return true;
}

void MainWindow::openCase(const QString &caseId)
{
    if (!selectCaseRow(caseId)) {
        m_caseTable->clearSelection();
        m_caseView->showCase(caseId);
    }
    raise();
    activateWindow();
}

void MainWindow::setupUi()
{
    m_queueView = new QListView(this);
    m_queueView->setObjectName(QStringLiteral("queueView"));
    m_queueView->setModel(m_queueProxy);
    m_queueView->setItemDelegate(new QueueItemDelegate(m_queueView));
    m_queueView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queueView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queueView->setWordWrap(true);
    m_queueView->setResizeMode(QListView::Adjust);
    m_queueView->setMinimumWidth(180);

    m_caseView = new CaseView(m_session, this);
    m_caseView->setObjectName(QStringLiteral("caseView"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_queueView);
    splitter->addWidget(setupCaseListPane());
    splitter->addWidget(m_caseView);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 5);
    splitter->setSizes({ 210, 640, 516 });
    setCentralWidget(splitter);

    m_statusBar = new SessionStatusBar(m_session, this);
    setStatusBar(m_statusBar);
    resize(1366, 768);
}

QWidget *MainWindow::setupCaseListPane()
{
    m_showClosedBox = new QCheckBox(this);
    m_showClosedBox->setObjectName(QStringLiteral("showClosedBox"));

    m_caseTable = new QTableView(this);
    m_caseTable->setObjectName(QStringLiteral("caseTable"));
    m_caseTable->setModel(m_caseProxy);
    m_caseTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_caseTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_caseTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_caseTable->setAlternatingRowColors(true);
    m_caseTable->setWordWrap(false);
    m_caseTable->setSortingEnabled(false); // the model orders by priority
    m_caseTable->verticalHeader()->hide();
    m_caseTable->verticalHeader()->setDefaultSectionSize(m_caseTable->fontMetrics().height() + 10);
    m_caseTable->horizontalHeader()->setStretchLastSection(true);
    m_caseTable->horizontalHeader()->setHighlightSections(false);
    m_caseTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_caseTable->setColumnHidden(CaseListModel::MunicipalityColumn, true);
    m_caseTable->setColumnHidden(CaseListModel::AssigneeColumn, true);
    // What a civil servant triages by comes first: priority, status and age.
    QHeaderView *header = m_caseTable->horizontalHeader();
    header->moveSection(header->visualIndex(CaseListModel::StatusColumn),
        header->visualIndex(CaseListModel::PriorityColumn) + 1);
    header->moveSection(header->visualIndex(CaseListModel::AgeColumn),
        header->visualIndex(CaseListModel::StatusColumn) + 1);
    // The statutory clock is what an agent acts on first, so it sits beside the priority.
    header->moveSection(header->visualIndex(CaseListModel::TimeLeftColumn),
        header->visualIndex(CaseListModel::PriorityColumn) + 1);

    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_showClosedBox);
    layout->addWidget(m_caseTable, 1);
    return pane;
}

void MainWindow::setupConnections()
{
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { onQueueSelected(current.row()); });
    connect(m_caseTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::onCaseSelected);
    connect(m_showClosedBox, &QCheckBox::toggled, this, [this](bool checked) {
        m_restoringSelection = true;
        // The new list starts at its first page, so the view starts at its top.
        m_caseTable->scrollToTop();
        m_caseModel->setIncludeClosed(checked);
        selectCaseRow(m_caseView->caseId());
        m_restoringSelection = false;
    });
    connect(m_caseView, &CaseView::citizenRequested, this, &MainWindow::openCitizen);
    connect(m_caseView, &CaseView::caseRequested, this, &MainWindow::openCase);
    connect(m_session, &ClientSession::cacheChanged, this, &MainWindow::reloadModels);
    connect(m_session, &ClientSession::mutationRejected, this, &MainWindow::onMutationRejected);
    connect(m_session, &ClientSession::rejectedEditsChanged, this,
        &MainWindow::onRejectedEditsChanged);
    connect(m_statusBar, &SessionStatusBar::conflictsRequested, this, [this] { openConflicts(); });
}

void MainWindow::reloadModels()
{
    const int queueRow = qMax(0, m_queueView->currentIndex().row());
    const QString caseId = m_caseView->caseId();

    m_restoringSelection = true;
    m_queueModel->reload();
    if (m_queueModel->rowCount() > 0) {
        m_queueView->setCurrentIndex(
            m_queueProxy->index(qMin(queueRow, m_queueModel->rowCount() - 1), 0));
    }
    m_caseModel->reload();
    selectCaseRow(caseId);
    m_restoringSelection = false;

    fitCaseColumns();
    m_caseView->refresh();
}

void MainWindow::fitCaseColumns()
{
    constexpr int MaxCategoryWidth = 150; // long category names are elided, the request shows
    m_caseTable->resizeColumnsToContents();
    if (m_caseTable->columnWidth(CaseListModel::CategoryColumn) > MaxCategoryWidth) {
        m_caseTable->setColumnWidth(CaseListModel::CategoryColumn, MaxCategoryWidth);
    }
}

void MainWindow::onQueueSelected(int row)
{
    if (row < 0) {
        return;
    }
    m_caseModel->setQueue(m_queueModel->queueAt(row));
    if (!m_restoringSelection) {
        m_caseView->showCase(QString());
    }
    fitCaseColumns();
}

void MainWindow::onCaseSelected()
{
    if (m_restoringSelection) {
        return;
    }
    const QModelIndexList rows = m_caseTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    m_caseView->showCase(m_caseModel->caseIdAt(rows.first().row()));
}

void MainWindow::onMutationRejected(
    const QString &caseId, const QString &code, const QString &message)
{
    const std::optional<CaseInfo> found = m_session->repository()->caseById(caseId);
    m_statusBar->showRejection(found ? found->number : caseId, DisplayTexts::rejectReason(code));
    m_caseView->markRejected(caseId, code, message);
}

void MainWindow::onRejectedEditsChanged()
{
    QSet<QString> rejectedCases;
    for (const OutboxEntry &entry : m_session->rejectedEdits()) {
        if (entry.entity == QLatin1String("case")) {
            rejectedCases.insert(entry.entityId);
        }
    }
    m_caseView->keepRejectionsOf(rejectedCases);
}

bool MainWindow::selectCaseRow(const QString &caseId)
{
    if (caseId.isEmpty()) {
        return false;
    }
    for (int row = 0; row < m_caseModel->rowCount(); ++row) {
        if (m_caseModel->caseIdAt(row) == caseId) {
            m_caseTable->selectRow(row);
            return true;
        }
    }
    return false;
}

} // namespace CivicDesk
