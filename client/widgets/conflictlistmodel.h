#pragma once

#include "sync/conflicts.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace CivicDesk {

class ConflictTexts;

/** The rejected edits of the conflicts window, one row each, oldest first. */
class ConflictListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RecordColumn,
        ChangeColumn,
        FieldsColumn,
        MadeAtColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role { MutationIdRole = Qt::UserRole + 1 };

    explicit ConflictListModel(QObject *parent = nullptr);

    /** Replaces the rows, naming records and changes through texts in the display language. */
    void setConflicts(const QList<Conflict> &conflicts, const ConflictTexts &texts);
    const Conflict &conflictAt(int row) const { return m_conflicts.at(row); }
    /** Returns the row of a mutation id, or -1. */
    int rowOf(const QString &mutationId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Conflict> m_conflicts;
    QList<QStringList> m_texts; // per row, one text per column
};

} // namespace CivicDesk
