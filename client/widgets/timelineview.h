#pragma once

#include <QHash>
#include <QListView>
#include <QStyledItemDelegate>

namespace CivicDesk {

class Repository;
class TimelineModel;

/** Paints one timeline entry as a card: kind, time, author and case number over the text. */
class TimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TimelineDelegate(QListView *view); // view is the parent

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /** Forgets the measured card sizes, for when entries change other than at the end. */
    void clearSizeCache();

private:
    QString headerText(const QModelIndex &index) const;
    /** Returns the entry's body, translated where the server wrote it in English. */
    QString bodyText(const QModelIndex &index) const;
    QRect bodyRect(const QRect &cardRect, const QFontMetrics &metrics) const;
    int bodyWidth() const;

    QListView *m_view;
    // Card sizes by row. QListView requests every row's size at each layout, and a layout
    // follows every fetched page, so measuring the wrapped text again each time would make
    // scrolling slower the further it goes.
    mutable QHash<int, QSize> m_sizeCache;
    mutable int m_cachedWidth = -1;
};

/** A party's timeline across cases and channels, newest first. */
class TimelineView : public QListView
{
    Q_OBJECT

public:
    explicit TimelineView(Repository *repository, QWidget *parent = nullptr); // not owned

    void showParty(const QString &partyId);
    void reload();
    TimelineModel *timelineModel() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onRowsInserted(const QModelIndex &parent, int first, int last);

    TimelineModel *m_model;
    TimelineDelegate *m_delegate;
};

} // namespace CivicDesk
