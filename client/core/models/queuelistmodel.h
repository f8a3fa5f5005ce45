#pragma once

#include "data/clientrecords.h"

#include <QAbstractListModel>

namespace CivicDesk {

class Repository;

/** The queues of the signed-in user: My cases, each of their teams, Unassigned. DisplayRole
 *  is the team name (empty for Mine and Unassigned; the widgets layer labels those). */
class QueueListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { QueueKindRole = Qt::UserRole + 1, TeamIdRole, OpenCountRole, QueueKeyRole };

    explicit QueueListModel(Repository *repository, QObject *parent = nullptr); // not owned

    void reload();
    QueueKey queueAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Repository *m_repository;
    QList<QueueInfo> m_queues;
};

} // namespace CivicDesk
