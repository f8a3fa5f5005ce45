#include "models/timelinemodel.h"

#include "data/repository.h"

#include <algorithm>

namespace CivicDesk {

namespace {

constexpr int PageSize = 100;

} // namespace

TimelineModel::TimelineModel(Repository *repository, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
{
}

void TimelineModel::showParty(const QString &partyId)
{
    m_partyId = partyId;
    m_caseId.clear();
    m_items.clear();
    reload();
}

void TimelineModel::showCase(const QString &caseId)
{
    m_caseId = caseId;
    m_partyId.clear();
    m_items.clear();
    reload();
}

void TimelineModel::reload()
{
    // Keep as many entries as were fetched, so a refresh does not shrink a scrolled view.
    const int keep = std::max<int>(PageSize, int(m_items.size()));
    beginResetModel();
    m_resetting = true;
    m_items.clear();
    m_lastKey.reset();
    m_atEnd = !m_repository || (m_partyId.isEmpty() && m_caseId.isEmpty());
    while (!m_atEnd && m_items.size() < keep) {
        m_items.append(nextPage(std::min<int>(PageSize, keep - int(m_items.size()))));
    }
    endResetModel();
    m_resetting = false;
}

QList<InteractionInfo> TimelineModel::nextPage(int limit)
{
    const TimelinePage page = m_partyId.isEmpty()
        ? m_repository->timelinePageOfCase(m_caseId, m_lastKey, limit)
        : m_repository->timelinePageOfParty(m_partyId, m_lastKey, limit);
    m_atEnd = page.items.size() < limit;
    if (!page.items.isEmpty()) {
        m_lastKey = page.last;
    }
    return page.items;
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    // As in CaseListModel: no insertion while a reset or an insertion is in progress.
    return !parent.isValid() && !m_resetting && !m_fetching && !m_atEnd;
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    const QList<InteractionInfo> page = nextPage(PageSize);
    if (page.isEmpty()) {
        return;
    }
    m_fetching = true;
    const int first = int(m_items.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_items.append(page);
    endInsertRows();
    m_fetching = false;
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
