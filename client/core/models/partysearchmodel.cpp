#include "models/partysearchmodel.h"

#include "data/repository.h"

namespace CivicDesk {

PartySearchModel::PartySearchModel(Repository *repository, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
{
}

void PartySearchModel::search(const QString &text)
{
    beginResetModel();
    m_results = m_repository ? m_repository->searchParties(text) : QList<PartyInfo>();
    endResetModel();
}

QString PartySearchModel::partyIdAt(int row) const
{
    return row >= 0 && row < m_results.size() ? m_results.at(row).id : QString();
}

int PartySearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int PartySearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartySearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PartyInfo &party = m_results.at(index.row());
    if (role == PartyIdRole) {
        return party.id;
    }
    if (role == FictitiousRole) {
        return party.fictitious;
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return party.displayName;
    case AfmColumn:
        return party.afm;
    case AmkaColumn:
        return party.amka;
    case MunicipalityColumn:
        return party.municipalityName;
    default:
        return {};
    }
}

} // namespace CivicDesk
