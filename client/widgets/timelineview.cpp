#include "timelineview.h"

#include "displaytexts.h"
#include "models/timelinemodel.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace CivicDesk {

namespace {

constexpr int CardMargin = 4;
constexpr int CardPadding = 8;
constexpr int LineSpacing = 4;
constexpr int MaxBodyLines = 8;

QColor kindColor(const QString &kind)
{
    if (kind == QLatin1String("submission")) {
        return QColor(0x1d, 0x5f, 0xa8);
    }
    if (kind == QLatin1String("note")) {
        return QColor(0x7a, 0x5c, 0x00);
    }
    if (kind == QLatin1String("status") || kind == QLatin1String("assignment")) {
        return QColor(0x55, 0x55, 0x55);
    }
    return QColor(0x1e, 0x7a, 0x46); // contacts: call, e-mail, chat, visit
}

} // namespace

TimelineDelegate::TimelineDelegate(QListView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

int TimelineDelegate::bodyWidth() const
{
    return qMax(120, m_view->viewport()->width() - 2 * (CardMargin + CardPadding));
}

QRect TimelineDelegate::bodyRect(const QRect &cardRect, const QFontMetrics &metrics) const
{
    const int top = cardRect.top() + CardPadding + metrics.height() + LineSpacing;
    return QRect(cardRect.left() + CardPadding, top, cardRect.width() - 2 * CardPadding,
        cardRect.bottom() - CardPadding - top);
}

QString TimelineDelegate::bodyText(const QModelIndex &index) const
{
    return DisplayTexts::interactionBody(index.data(TimelineModel::KindRole).toString(),
        index.data(TimelineModel::BodyRole).toString());
}

QString TimelineDelegate::headerText(const QModelIndex &index) const
{
    const QString time =
        DisplayTexts::dateTime(index.data(TimelineModel::CreatedAtRole).toDateTime());
    const QString author = index.data(TimelineModel::AuthorRole).toString();
    const QString caseNumber = index.data(TimelineModel::CaseNumberRole).toString();
    QString text;
    if (author.isEmpty()) {
        //: Timeline entry header without an author (the citizen's own request): time and
        //: case number, such as "12/03/2024 10:15 · CD-2019-004211".
        text = tr("%1 · %2").arg(time, caseNumber);
    } else {
        //: Timeline entry header: time, author and case number, such as
        //: "12/03/2024 10:15 · Maria Papadopoulou · CD-2019-004211".
        text = tr("%1 · %2 · %3").arg(time, author, caseNumber);
    }
    if (index.data(TimelineModel::PendingRole).toBool()) {
        //: Appended to a timeline entry the server has not received yet.
        text += QLatin1Char(' ') + tr("(waiting to be sent)");
    }
    return text;
}

void TimelineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRect card = option.rect.adjusted(CardMargin, CardMargin, -CardMargin, -CardMargin);
    const QFontMetrics metrics(option.font);
    const QString kind = index.data(TimelineModel::KindRole).toString();
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    painter->fillPath(
        path, option.palette.color(selected ? QPalette::AlternateBase : QPalette::Base));
    painter->setPen(option.palette.color(QPalette::Mid));
    painter->drawPath(path);

    QFont kindFont = option.font;
    kindFont.setBold(true);
    const QString kindText = DisplayTexts::interactionKind(kind);
    const int kindWidth = QFontMetrics(kindFont).horizontalAdvance(kindText) + 14;
    const QRect kindRect(
        card.left() + CardPadding, card.top() + CardPadding, kindWidth, metrics.height());
    QPainterPath pill;
    pill.addRoundedRect(QRectF(kindRect), metrics.height() / 2.0, metrics.height() / 2.0);
    painter->fillPath(pill, kindColor(kind));
    painter->setFont(kindFont);
    painter->setPen(Qt::white);
    painter->drawText(kindRect, Qt::AlignCenter, kindText);

    painter->setFont(option.font);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    const QRect headerRect(kindRect.right() + 8, kindRect.top(),
        card.right() - CardPadding - kindRect.right() - 8, metrics.height());
    painter->drawText(headerRect, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(headerText(index), Qt::ElideRight, headerRect.width()));

    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(bodyRect(card, metrics), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
        bodyText(index));
    painter->restore();
}

void TimelineDelegate::clearSizeCache()
{
    m_sizeCache.clear();
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (m_cachedWidth != bodyWidth()) {
        m_sizeCache.clear();
        m_cachedWidth = bodyWidth();
    }
    const auto cached = m_sizeCache.constFind(index.row());
    if (cached != m_sizeCache.constEnd()) {
        return *cached;
    }

    const QFontMetrics metrics(option.font);
    const QString body = bodyText(index);
    const QRect bounds =
        metrics.boundingRect(QRect(0, 0, bodyWidth(), 100000), Qt::TextWordWrap, body);
    const int bodyHeight = qMin(bounds.height(), MaxBodyLines * metrics.lineSpacing());
    const int height = 2 * (CardMargin + CardPadding) + metrics.height() + LineSpacing + bodyHeight;
    const QSize size(bodyWidth(), height);
    m_sizeCache.insert(index.row(), size);
    return size;
}

TimelineView::TimelineView(Repository *repository, QWidget *parent)
    : QListView(parent)
    , m_model(new TimelineModel(repository, this))
    , m_delegate(new TimelineDelegate(this))
{
    setObjectName(QStringLiteral("timelineView"));
    setModel(m_model);
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(false);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    viewport()->setAutoFillBackground(false);

    // The cached card sizes stay valid only while rows are appended at the end.
    const auto clearSizes = [this] { m_delegate->clearSizeCache(); };
    connect(m_model, &QAbstractItemModel::modelReset, this, clearSizes);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, clearSizes);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, clearSizes);
    connect(m_model, &QAbstractItemModel::dataChanged, this, clearSizes);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TimelineView::onRowsInserted);
}

void TimelineView::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    Q_UNUSED(first)
    if (last != m_model->rowCount(parent) - 1) {
        m_delegate->clearSizeCache(); // rows after the insertion moved
    }
}

void TimelineView::showParty(const QString &partyId)
{
    m_model->showParty(partyId);
}

void TimelineView::reload()
{
    m_model->reload();
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_delegate->clearSizeCache(); // kind labels and bodies have new texts
        scheduleDelayedItemsLayout();
    }
    QListView::changeEvent(event);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    // Card heights depend on the width the text wraps to.
    scheduleDelayedItemsLayout();
}

} // namespace CivicDesk
