#include "models/caselistmodel.h"

#include "data/repository.h"

#include <algorithm>

namespace CivicDesk {

namespace {

constexpr int PageSize = 200;
constexpr int SummaryLength = 120;

} // namespace

CaseListModel::CaseListModel(Repository *repository, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
{
}

void CaseListModel::setQueue(const QueueKey &queue)
{
    m_queue = queue;
    m_loaded.clear();
    reload();
}

void CaseListModel::setIncludeClosed(bool includeClosed)
{
    if (m_includeClosed == includeClosed) {
        return;
    }
    m_includeClosed = includeClosed;
    reload();
}

void CaseListModel::reload()
{
    // Keep as many rows as were fetched, so a refresh does not shrink a scrolled view.
    const int keep = std::max<int>(PageSize, int(m_loaded.size()));
    beginResetModel();
    m_resetting = true;
    m_ids = m_repository ? m_repository->caseIds(m_queue, m_includeClosed) : QStringList();
    m_loaded = m_repository ? m_repository->casesByIds(m_ids.mid(0, keep)) : QList<CaseInfo>();
    if (m_loaded.size() < std::min<qsizetype>(keep, m_ids.size())) {
        // A case vanished between the two queries; keep ids and rows aligned.
        m_ids = m_ids.mid(0, m_loaded.size());
    }
    endResetModel();
    m_resetting = false;
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_loaded.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool CaseListModel::canFetchMore(const QModelIndex &parent) const
{
    // Views (and QAbstractItemModelTester) may ask from within modelReset or rowsInserted;
    // rows cannot be inserted until that change is over.
    return !parent.isValid() && !m_resetting && !m_fetching && m_loaded.size() < m_ids.size();
}

void CaseListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    const QList<CaseInfo> page = m_repository->casesByIds(m_ids.mid(m_loaded.size(), PageSize));
    if (page.isEmpty()) {
        m_ids = m_ids.mid(0, m_loaded.size());
        return;
    }
    m_fetching = true;
    beginInsertRows({}, int(m_loaded.size()), int(m_loaded.size() + page.size() - 1));
    m_loaded.append(page);
    endInsertRows();
    m_fetching = false;
}

QString CaseListModel::caseIdAt(int row) const
{
    return row >= 0 && row < m_loaded.size() ? m_loaded.at(row).id : QString();
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const CaseInfo &item = m_loaded.at(index.row());
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

QVariant CaseListModel::displayData(const CaseInfo &item, int column)
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
        return item.text.simplified().left(SummaryLength);
    default:
        return {};
    }
}

} // namespace CivicDesk
