#include "areacompleter.h"

#include "data/textnormalizer.h"

#include <QStandardItemModel>

namespace CivicDesk {

namespace {

constexpr int SearchRole = Qt::UserRole + 1; // both names folded by normalizeForSearch
constexpr int IdRole = Qt::UserRole + 2;
constexpr int GreekRole = Qt::UserRole + 3; // the Greek name, folded
constexpr int EnglishRole = Qt::UserRole + 4; // the English name, folded

} // namespace

AreaCompleter::AreaCompleter(QObject *parent)
    : QCompleter(parent)
    , m_model(new QStandardItemModel(this))
{
    setModel(m_model);
    setCompletionRole(SearchRole);
    setFilterMode(Qt::MatchContains);
    setCaseSensitivity(Qt::CaseSensitive); // both sides are folded already
    setMaxVisibleItems(12);
}

void AreaCompleter::setAreas(const QList<AreaInfo> &areas, const QString &language)
{
    const bool english = language == QLatin1String("en");
    m_model->clear();
    for (const AreaInfo &area : areas) {
        const QString other = english ? area.nameEl : area.nameEn;
        const QString shown = other.isEmpty() || other == area.name
            ? area.name
            : QStringLiteral("%1 (%2)").arg(area.name, other);
        auto *item = new QStandardItem(shown);
        item->setData(normalizeForSearch(area.nameEl + QLatin1Char(' ') + area.nameEn), SearchRole);
        item->setData(area.id, IdRole);
        item->setData(normalizeForSearch(area.nameEl), GreekRole);
        item->setData(normalizeForSearch(area.nameEn), EnglishRole);
        item->setToolTip(area.id);
        m_model->appendRow(item);
    }
}

QString AreaCompleter::areaIdForText(const QString &text) const
{
    const QString folded = normalizeForSearch(text.trimmed());
    if (folded.isEmpty()) {
        return {};
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStandardItem *item = m_model->item(row);
        const bool sameText = normalizeForSearch(item->text()) == folded;
        const bool sameName = item->data(GreekRole).toString() == folded
            || item->data(EnglishRole).toString() == folded;
        if (sameText || sameName) {
            return item->data(IdRole).toString();
        }
    }
    return {};
}

QString AreaCompleter::textForAreaId(const QString &id) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row)->data(IdRole).toString() == id) {
            return m_model->item(row)->text();
        }
    }
    return {};
}

QStringList AreaCompleter::splitPath(const QString &path) const
{
    return { normalizeForSearch(path) };
}

QString AreaCompleter::pathFromIndex(const QModelIndex &index) const
{
    return index.data(Qt::DisplayRole).toString();
}

} // namespace CivicDesk
