#include "models/queuelistmodel.h"

#include "data/repository.h"

namespace CivicDesk {

QueueListModel::QueueListModel(Repository *repository, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
{
}

void QueueListModel::reload()
{
    beginResetModel();
    m_queues = m_repository ? m_repository->queues() : QList<QueueInfo>();
    endResetModel();
}

QueueKey QueueListModel::queueAt(int row) const
{
    return row >= 0 && row < m_queues.size() ? m_queues.at(row).key : QueueKey();
}

int QueueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_queues.size());
}

QVariant QueueListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const QueueInfo &queue = m_queues.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return queue.name;
    case QueueKindRole:
        return int(queue.key.kind);
    case TeamIdRole:
        return queue.key.teamId;
    case OpenCountRole:
        return queue.openCount;
    case QueueKeyRole:
        return QVariant::fromValue(queue.key);
    default:
        return {};
    }
}

} // namespace CivicDesk
