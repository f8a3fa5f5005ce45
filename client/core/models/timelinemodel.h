#pragma once

#include "data/clientrecords.h"

#include <QAbstractListModel>

namespace CivicDesk {

class Repository;

/** A party's or a case's timeline, newest first. Display text is the body; the widgets
 *  layer renders kind, time, author and case number from the roles. */
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        ChannelRole,
        BodyRole,
        AuthorRole,
        CreatedAtRole,
        CaseNumberRole,
        CaseIdRole,
        PendingRole
    };

    explicit TimelineModel(Repository *repository, QObject *parent = nullptr); // not owned

    void showParty(const QString &partyId);
    void showCase(const QString &caseId);
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    Repository *m_repository;
    QString m_partyId;
    QString m_caseId;
    QList<InteractionInfo> m_items;
};

} // namespace CivicDesk
