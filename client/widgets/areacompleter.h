#pragma once

#include "data/clientrecords.h"

#include <QCompleter>

class QStandardItemModel;

namespace CivicDesk {

/**
 * Completes area names (regions, regional units or municipalities) in Greek and English,
 * ignoring case and accents: "αθην", "ΑΘΗΝ" and "athen" all offer "Αθηναίων (Athens)". The
 * typed text may match anywhere in either name.
 */
class AreaCompleter : public QCompleter
{
    Q_OBJECT

public:
    explicit AreaCompleter(QObject *parent = nullptr);

    /** Replaces the offered areas; each shows its name in language, the other in brackets. */
    void setAreas(const QList<AreaInfo> &areas, const QString &language);
    /** Returns the id of the area whose shown text, Greek or English name is text (accents
     *  and case ignored), or an empty string. */
    QString areaIdForText(const QString &text) const;
    /** Returns the text shown for an area id, or an empty string for an unknown id. */
    QString textForAreaId(const QString &id) const;

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;

private:
    QStandardItemModel *m_model;
};

} // namespace CivicDesk
