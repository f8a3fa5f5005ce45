#pragma once

#include "data/clientrecords.h"

#include <QAbstractTableModel>

namespace CivicDesk {

class Repository;

/**
 * The cases of one queue, ordered by priority. Fetches rows lazily (canFetchMore /
 * fetchMore in pages of 200) so a queue of any size stays responsive.
 */
class CaseListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        PriorityColumn,
        CategoryColumn,
        MunicipalityColumn,
        AgeColumn,
        TimeLeftColumn,
        StatusColumn,
        AssigneeColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role {
        CaseIdRole = Qt::UserRole + 1,
        StatusRole,
        PriorityRole,
        CreatedAtRole,
        PendingRole,
        DueAtRole, // resolution due time (QDateTime, UTC), invalid when unknown
        SlaStateRole // running, paused, stopped or empty
    };

    explicit CaseListModel(Repository *repository, QObject *parent = nullptr); // not owned

    void setQueue(const QueueKey &queue);
    void setIncludeClosed(bool includeClosed);
    /** Reloads from the cache, keeping the queue. */
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QString caseIdAt(int row) const;

private:
    static QVariant displayData(const CaseInfo &item, int column);

    Repository *m_repository;
    QueueKey m_queue;
    bool m_includeClosed = false;
    bool m_resetting = false;
    bool m_fetching = false;
    QStringList m_ids;
    QList<CaseInfo> m_loaded;
};

} // namespace CivicDesk
