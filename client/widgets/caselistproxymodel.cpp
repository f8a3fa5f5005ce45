#include "caselistproxymodel.h"

#include "displaytexts.h"
#include "models/caselistmodel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace CivicDesk {

QVariant CaseListProxyModel::data(const QModelIndex &index, int role) const
{
    const bool pending = QIdentityProxyModel::data(index, CaseListModel::PendingRole).toBool();

    switch (role) {
    case Qt::DisplayRole:
        return displayData(index);
    case Qt::ToolTipRole:
        if (pending) {
            return tr("Your change to this case has not reached the server yet.");
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == CaseListModel::TimeLeftColumn
            && DisplayTexts::isOverdue(
                QIdentityProxyModel::data(index, CaseListModel::DueAtRole).toDateTime(),
                QIdentityProxyModel::data(index, CaseListModel::SlaStateRole).toString(),
                QDateTime::currentDateTimeUtc())) {
            return QColor(Qt::red);
        }
        break;
    case Qt::FontRole:
        if (pending) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == CaseListModel::PriorityColumn
            || index.column() == CaseListModel::AgeColumn
            || index.column() == CaseListModel::TimeLeftColumn) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    default:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

QVariant CaseListProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        return columnTitle(section);
    }
    return QIdentityProxyModel::headerData(section, orientation, role);
}

void CaseListProxyModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0) {
        Q_EMIT dataChanged(
            index(0, 0), index(rowCount() - 1, columnCount() - 1), { Qt::DisplayRole });
    }
}

QVariant CaseListProxyModel::displayData(const QModelIndex &index) const
{
    switch (index.column()) {
    case CaseListModel::StatusColumn:
        return DisplayTexts::caseStatus(
            QIdentityProxyModel::data(index, CaseListModel::StatusRole).toString());
    case CaseListModel::AgeColumn:
        return DisplayTexts::age(
            QIdentityProxyModel::data(index, CaseListModel::CreatedAtRole).toDateTime());
    case CaseListModel::TimeLeftColumn:
        return DisplayTexts::timeLeft(
            QIdentityProxyModel::data(index, CaseListModel::DueAtRole).toDateTime(),
            QIdentityProxyModel::data(index, CaseListModel::SlaStateRole).toString(),
            QDateTime::currentDateTimeUtc());
    case CaseListModel::PriorityColumn:
        return QLocale().toString(
            QIdentityProxyModel::data(index, CaseListModel::PriorityRole).toDouble(), 'f', 1);
    case CaseListModel::NumberColumn: {
        const QString number = QIdentityProxyModel::data(index, Qt::DisplayRole).toString();
        const bool pending = QIdentityProxyModel::data(index, CaseListModel::PendingRole).toBool();
        //: Case number with a marker for a change not yet sent, such as "CD-2019-004211 •".
        return pending ? tr("%1 •").arg(number) : number;
    }
    default:
        return QIdentityProxyModel::data(index, Qt::DisplayRole);
    }
}

QString CaseListProxyModel::columnTitle(int column) const
{
    switch (column) {
    case CaseListModel::NumberColumn:
        //: Column title in the case list.
        return tr("Case");
    case CaseListModel::PriorityColumn:
        //: Column title in the case list.
        return tr("Priority");
    case CaseListModel::CategoryColumn:
        //: Column title in the case list.
        return tr("Category");
    case CaseListModel::MunicipalityColumn:
        //: Column title in the case list.
        return tr("Municipality");
    case CaseListModel::AgeColumn:
        //: Column title in the case list: days since the case was created.
        return tr("Age");
    case CaseListModel::TimeLeftColumn:
        //: Column title in the case list: working time until the case is due.
        return tr("Time left");
    case CaseListModel::StatusColumn:
        //: Column title in the case list.
        return tr("Status");
    case CaseListModel::AssigneeColumn:
        //: Column title in the case list.
        return tr("Assigned to");
    case CaseListModel::SummaryColumn:
        //: Column title in the case list: the start of the citizen's request.
        return tr("Request");
    default:
        return {};
    }
}

} // namespace CivicDesk
