#pragma once

#include "data/clientrecords.h"
#include "data/repository.h"

#include <QAbstractListModel>
#include <optional>

namespace CivicDesk {

/** A party's or a case's timeline, newest first. Display text is the body; the widgets
 *  layer renders kind, time, author and case number from the roles. Fetches entries lazily
 *  (canFetchMore / fetchMore) in keyset pages of 100, so a party with thousands of entries
 *  opens as fast as one with a few. */
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
    /** Reloads from the cache, keeping as many entries as were fetched. */
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    /** Reads the page after the last fetched entry, moves the key on and sets m_atEnd. */
    QList<InteractionInfo> nextPage(int limit);

    Repository *m_repository;
    QString m_partyId;
    QString m_caseId;
    bool m_resetting = false;
    bool m_fetching = false;
    bool m_atEnd = true;
    std::optional<TimelineKey> m_lastKey; // of the last fetched entry
    QList<InteractionInfo> m_items;
};

} // namespace CivicDesk
