#include "models/caselistmodel.h"

#include "data/repository.h"

#include <QThreadPool>

#include <algorithm>
#include <utility>

namespace CivicDesk {

namespace {

constexpr int PageSize = 200;
// A reload reads again at most this many rows, so a refresh after every sync stays short even
// after scrolling far down a large queue.
constexpr int MaxRowsKeptOnReload = 400;
constexpr int SummaryLength = 120;
// Lists longer than this are freed on a pool thread.
constexpr int RowsFreedInBackground = 2000;

} // namespace

CaseListModel::CaseListModel(Repository *repository, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
{
}

void CaseListModel::setQueue(const QueueKey &queue)
{
    m_queue = queue;
    discardRows();
    reload();
}

void CaseListModel::setIncludeClosed(bool includeClosed)
{
    if (m_includeClosed == includeClosed) {
        return;
    }
    m_includeClosed = includeClosed;
    // Another filter gives another list, read from its first page as for another queue.
    discardRows();
    reload();
}

void CaseListModel::reload()
{
    // Keep as many rows as were fetched, up to the cap, so a refresh does not shrink a view
    // scrolled less far than that.
    // NOTE: a selected case beyond the cap leaves the list at a reload until the user scrolls
    // down to it again. MainWindow then shows no selected row but keeps the case open.
    const int keep = std::clamp<int>(int(m_rows.size()), PageSize, MaxRowsKeptOnReload);
    beginResetModel();
    m_resetting = true;
    discardRows();
    m_lastKey.reset();
    m_atEnd = m_repository == nullptr;
    while (!m_atEnd && m_rows.size() < keep) {
        appendRows(nextPage(std::min<int>(PageSize, keep - int(m_rows.size()))).cases);
    }
    endResetModel();
    m_resetting = false;
}

void CaseListModel::discardRows()
{
    if (m_rows.size() <= RowsFreedInBackground) {
        m_rows.clear();
        return;
    }
    // After a scroll to the end of a queue of 120,000 cases, freeing the rows' strings took
    // about 100 ms of the UI thread (bench_caselist). Some strings share their data with the
    // UI thread's, which is safe because Qt's reference counts are atomic and shared data
    // is never written in place.
    QThreadPool::globalInstance()->start(
        [rows = std::exchange(m_rows, {})]() mutable { rows.clear(); });
}

CaseListPage CaseListModel::nextPage(int limit)
{
    CaseListPage page = m_repository->casePage(m_queue, m_includeClosed, m_lastKey, limit);
    m_atEnd = page.cases.size() < limit;
    if (!page.cases.isEmpty()) {
        m_lastKey = page.last;
    }
    return page;
}

void CaseListModel::appendRows(const QList<CaseInfo> &cases)
{
    m_rows.reserve(m_rows.size() + cases.size());
    for (const CaseInfo &item : cases) {
        m_rows.append(toRow(item));
    }
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool CaseListModel::canFetchMore(const QModelIndex &parent) const
{
    // Views (and QAbstractItemModelTester) may ask from within modelReset or rowsInserted;
    // rows cannot be inserted until that change is over.
    return !parent.isValid() && !m_resetting && !m_fetching && !m_atEnd;
}

void CaseListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    const CaseListPage page = nextPage(PageSize);
    if (page.cases.isEmpty()) {
        return;
    }
    m_fetching = true;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.cases.size()) - 1);
    appendRows(page.cases);
    endInsertRows();
    m_fetching = false;
}

QString CaseListModel::caseIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

CaseListModel::Row CaseListModel::toRow(const CaseInfo &item)
{
    return { item.id, item.number, item.priority, item.categoryName, item.municipalityName,
        item.createdAt, item.dueAt, item.slaState, item.status, item.assigneeName,
        item.text.simplified().left(SummaryLength), item.pendingEdits };
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &item = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(item, index.column());
    case CaseIdRole:
        return item.id;
    case StatusRole:
        return item.status;
    case PriorityRole:
        return item.priority;
    case CreatedAtRole:
        return item.createdAt;
    case PendingRole:
        return item.pendingEdits;
    case DueAtRole:
        return item.dueAt;
    case SlaStateRole:
        return item.slaState;
    default:
        return {};
    }
}

QVariant CaseListModel::displayData(const Row &item, int column)
{
    switch (column) {
    case NumberColumn:
        return item.number;
    case PriorityColumn:
        return QString::number(item.priority, 'f', 1);
    case CategoryColumn:
        return item.categoryName;
    case MunicipalityColumn:
        return item.municipalityName;
    case AgeColumn:
        return item.createdAt.isValid()
            ? int(item.createdAt.daysTo(QDateTime::currentDateTimeUtc()))
            : 0;
    case TimeLeftColumn:
        return item.dueAt;
    case StatusColumn:
        return item.status;
    case AssigneeColumn:
        return item.assigneeName;
    case SummaryColumn:
        return item.summary;
    default:
        return {};
    }
}

} // namespace CivicDesk
