#include "conflictlistmodel.h"

#include "conflicttexts.h"
#include "displaytexts.h"

namespace CivicDesk {

namespace {

constexpr int MaxListedFields = 3; // more are shown as "…" and listed in the details

/** Returns the names of the fields where the two versions differ, such as "Area, Note". */
QString fieldNames(const Conflict &conflict)
{
    QStringList names;
    for (const ConflictField &field : conflict.differingFields()) {
        if (names.size() == MaxListedFields) {
            names.append(QStringLiteral("…"));
            break;
        }
        names.append(ConflictTexts::field(field.name));
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

ConflictListModel::ConflictListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ConflictListModel::setConflicts(const QList<Conflict> &conflicts, const ConflictTexts &texts)
{
    beginResetModel();
    m_conflicts = conflicts;
    m_texts.clear();
    for (const Conflict &conflict : conflicts) {
        const OutboxEntry &entry = conflict.entry;
        QString reason = DisplayTexts::rejectReason(entry.rejectCode, entry.entity);
        if (!reason.isEmpty()) {
            reason[0] = reason.at(0).toUpper();
        }
        m_texts.append({ texts.record(conflict), ConflictTexts::change(entry), fieldNames(conflict),
            ConflictTexts::madeAt(entry), reason });
    }
    endResetModel();
}

int ConflictListModel::rowOf(const QString &mutationId) const
{
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (m_conflicts.at(row).entry.mutationId == mutationId) {
            return row;
        }
    }
    return -1;
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

int ConflictListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        return m_texts.at(index.row()).at(index.column());
    }
    if (role == MutationIdRole) {
        return m_conflicts.at(index.row()).entry.mutationId;
    }
    return {};
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case RecordColumn:
        return tr("Record");
    case ChangeColumn:
        //: Column of the conflicts window: what the rejected edit did.
        return tr("Change");
    case FieldsColumn:
        //: Column of the conflicts window: the fields where the two versions differ.
        return tr("Fields");
    case MadeAtColumn:
        //: Column of the conflicts window: when the person made the edit.
        return tr("Made");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace CivicDesk
