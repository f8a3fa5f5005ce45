#pragma once

#include "data/clientrecords.h"

#include <QAbstractTableModel>

namespace CivicDesk {

class Repository;

/** Results of a party search by name, AFM or AMKA. */
class PartySearchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, AfmColumn, AmkaColumn, MunicipalityColumn, ColumnCount };
    enum Role { PartyIdRole = Qt::UserRole + 1, FictitiousRole };

    explicit PartySearchModel(Repository *repository, QObject *parent = nullptr); // not owned

    void search(const QString &text);
    QString partyIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Repository *m_repository;
    QList<PartyInfo> m_results;
};

} // namespace CivicDesk
