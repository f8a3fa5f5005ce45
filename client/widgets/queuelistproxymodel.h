#pragma once

#include <QIdentityProxyModel>
#include <QStyledItemDelegate>

namespace CivicDesk {

/**
 * Labels the rows of a QueueListModel: "My cases" and "Unassigned" are translated here,
 * teams keep their names. OpenCountRole passes through for QueueItemDelegate.
 */
class QueueListProxyModel : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /** Tells the views to fetch the labels again after a language change. */
    void retranslate();
};

/** Paints a queue's name with its open-case count right-aligned. */
class QueueItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace CivicDesk
