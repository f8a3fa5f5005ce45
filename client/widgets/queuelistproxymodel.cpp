#include "queuelistproxymodel.h"

#include "data/clientrecords.h"
#include "models/queuelistmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>

namespace CivicDesk {

QVariant QueueListProxyModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return QIdentityProxyModel::data(index, role);
    }

    const int openCount = QIdentityProxyModel::data(index, QueueListModel::OpenCountRole).toInt();
    if (role == Qt::ToolTipRole) {
        //: Tooltip of a queue: its full name, then the number of open cases on a new line.
        return tr("%1\n%n open case(s)", nullptr, openCount)
            .arg(data(index, Qt::DisplayRole).toString());
    }

    const auto *queues = qobject_cast<const QueueListModel *>(sourceModel());
    if (!queues) {
        return QIdentityProxyModel::data(index, role);
    }

    switch (queues->queueAt(mapToSource(index).row()).kind) {
    case QueueKey::Kind::Mine:
        //: Queue of the cases assigned to the signed-in user.
        return tr("My cases");
    case QueueKey::Kind::Unassigned:
        //: Queue of the cases of the user's teams that nobody has claimed.
        return tr("Unassigned");
    case QueueKey::Kind::Team:
        break;
    }
    return QIdentityProxyModel::data(index, Qt::DisplayRole);
}

void QueueListProxyModel::retranslate()
{
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), { Qt::DisplayRole });
    }
}

namespace {

constexpr int CountPadding = 16;
constexpr int TextPadding = 12;

int countWidth(const QFontMetrics &metrics, const QModelIndex &index)
{
    const QString count = QString::number(index.data(QueueListModel::OpenCountRole).toInt());
    return metrics.horizontalAdvance(count) + CountPadding;
}

} // namespace

void QueueItemDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString count = QString::number(index.data(QueueListModel::OpenCountRole).toInt());
    const int reserved = countWidth(QFontMetrics(option.font), index);

    QStyleOptionViewItem textOption = option;
    textOption.rect.setRight(option.rect.right() - reserved);
    textOption.features |= QStyleOptionViewItem::WrapText;
    QStyledItemDelegate::paint(painter, textOption, index);

    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.rect = option.rect.adjusted(option.rect.width() - reserved, 0, 0, 0);
    QApplication::style()->drawControl(
        QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(
        background.rect.adjusted(0, 0, -8, 0), Qt::AlignRight | Qt::AlignVCenter, count);
    painter->restore();
}

QSize QueueItemDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Rows take the view's width: long team names wrap onto a second line and the count
    // stays in sight instead of scrolling sideways.
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const int rowWidth = view ? view->viewport()->width() : 200;
    const QFontMetrics metrics(option.font);
    const int textWidth = qMax(40, rowWidth - countWidth(metrics, index) - TextPadding);
    const QRect text = metrics.boundingRect(
        QRect(0, 0, textWidth, 1000), Qt::TextWordWrap, index.data(Qt::DisplayRole).toString());
    return QSize(1, text.height() + TextPadding);
}

} // namespace CivicDesk
