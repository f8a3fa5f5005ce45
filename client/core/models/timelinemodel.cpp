#include "models/timelinemodel.h"

#include "data/repository.h"

namespace CivicDesk {

TimelineModel::TimelineModel(Repository *repository, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
{
}

void TimelineModel::showParty(const QString &partyId)
{
    m_partyId = partyId;
    m_caseId.clear();
    reload();
}

void TimelineModel::showCase(const QString &caseId)
{
    m_caseId = caseId;
    m_partyId.clear();
    reload();
}

void TimelineModel::reload()
{
    beginResetModel();
    m_items.clear();
    if (m_repository && !m_partyId.isEmpty()) {
        m_items = m_repository->timelineOfParty(m_partyId);
    } else if (m_repository && !m_caseId.isEmpty()) {
        m_items = m_repository->timelineOfCase(m_caseId);
    }
    endResetModel();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const InteractionInfo &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return item.body;
    case KindRole:
        return item.kind;
    case ChannelRole:
        return item.channel;
    case AuthorRole:
        return item.authorName;
    case CreatedAtRole:
        return item.createdAt;
    case CaseNumberRole:
        return item.caseNumber;
    case CaseIdRole:
        return item.caseId;
    case PendingRole:
        return item.pending;
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(ChannelRole, "channel");
    names.insert(BodyRole, "body");
    names.insert(AuthorRole, "author");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(CaseNumberRole, "caseNumber");
    names.insert(CaseIdRole, "caseId");
    names.insert(PendingRole, "pending");
    return names;
}

} // namespace CivicDesk
