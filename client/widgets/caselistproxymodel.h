#pragma once

#include <QIdentityProxyModel>

namespace CivicDesk {

/**
 * Presents a CaseListModel to people: translated column titles, translated case statuses,
 * ages in days ("3 days"), priorities with one decimal and a marker on cases whose edits
 * still wait in the outbox. Row order stays the model's (priority, highest first).
 */
class CaseListProxyModel : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Tells the views to fetch texts and titles again after a language change. */
    void retranslate();

private:
    QVariant displayData(const QModelIndex &index) const;
    QString columnTitle(int column) const;
};

} // namespace CivicDesk
