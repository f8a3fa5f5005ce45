#pragma once

#include "data/clientrecords.h"
#include "data/repository.h"

#include <QAbstractTableModel>
#include <optional>

namespace CivicDesk {

/**
 * The cases of one queue, ordered by priority. Fetches rows lazily (canFetchMore /
 * fetchMore) in keyset pages of 200 from the cache, so opening a queue and each further page
 * cost about the same whatever the queue's size. Only the fetched rows stay in memory, each
 * reduced to the columns the list shows.
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
    /** Reloads from the cache, keeping the queue and as many rows as were fetched, up to
     *  two pages. */
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QString caseIdAt(int row) const;

private:
    /** The part of a CaseInfo the list shows. */
    struct Row
    {
        QString id;
        QString number;
        double priority = 0;
        QString categoryName;
        QString municipalityName;
        QDateTime createdAt;
        QDateTime dueAt;
        QString slaState;
        QString status;
        QString assigneeName;
        QString summary; // the request text on one line, cut to the summary length
        bool pendingEdits = false;
    };

    static Row toRow(const CaseInfo &item);
    static QVariant displayData(const Row &row, int column);
    /** Reads the page after the last fetched row, moves the key on and sets m_atEnd. */
    CaseListPage nextPage(int limit);
    /** Empties m_rows, freeing a long list on a pool thread. */
    void discardRows();
    void appendRows(const QList<CaseInfo> &cases);

    Repository *m_repository;
    QueueKey m_queue;
    bool m_includeClosed = false;
    bool m_resetting = false;
    bool m_fetching = false;
    bool m_atEnd = true;
    std::optional<CaseListKey> m_lastKey; // of the last fetched row
    QList<Row> m_rows;
};

} // namespace CivicDesk
