// Repository reads in keyset pages for the lazily fetched case list and timeline.
#include "cache/cache.h"
#include "cache/statement.h"
#include "data/recordconverter.h"
#include "data/repository.h"

namespace CivicDesk {

using nlohmann::json;

namespace {

constexpr const char *CasePageColumns =
    "SELECT data, version, EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = cases.id "
    "AND o.state <> 'rejected'), priority, created_at, id FROM cases WHERE ";
constexpr const char *CaseOrder = " ORDER BY priority DESC, created_at, id LIMIT ?";
constexpr const char *TimelinePageColumns =
    "SELECT data, pending, created_at, id FROM interactions WHERE ";

json parseRecord(const QByteArray &text)
{
    return json::parse(text.toStdString(), nullptr, false);
}

/** Binds the texts from index 1 on and returns the next free index. */
int bindTexts(Statement &query, const QStringList &texts)
{
    for (int i = 0; i < texts.size(); ++i) {
        query.bind(i + 1, texts.at(i));
    }
    return int(texts.size()) + 1;
}

void readCases(Statement &query, RecordConverter &converter, CaseListPage *page)
{
    while (query.next()) {
        page->cases.append(
            converter.toCase(parseRecord(query.bytes(0)), query.integer(1), query.integer(2) != 0));
        page->last = { query.real(3), query.text(4), query.text(5) };
    }
}

void readTimeline(Statement &query, RecordConverter &converter, TimelinePage *page)
{
    while (query.next()) {
        page->items.append(
            converter.toInteraction(parseRecord(query.bytes(0)), query.integer(1) != 0));
        page->last = { query.text(2), query.text(3) };
    }
}

} // namespace

CaseListPage Repository::casePage(const QueueKey &queue, bool includeClosed,
    const std::optional<CaseListKey> &after, int limit) const
{
    CaseListPage page;
    if (limit <= 0) {
        return page;
    }
    QStringList binds;
    const QString filter = caseQueueFilter(queue, includeClosed, &binds);
    RecordConverter converter(m_cache, m_language);

    if (!after) {
        const QString firstSql = QLatin1String(CasePageColumns) + filter + QLatin1String(CaseOrder);
        Statement first(m_cache, firstSql.toUtf8().constData());
        first.bind(bindTexts(first, binds), limit);
        readCases(first, converter, &page);
        return page;
    }

    // SQLite compares row values in one direction only, and the order mixes priority DESC
    // with created_at and id ascending. So the rest of the key's priority comes first, then
    // the lower priorities: two range scans of the same index.
    const QString tiedSql = QLatin1String(CasePageColumns) + filter
        + QLatin1String(" AND priority = ? AND (created_at, id) > (?, ?)"
                        " ORDER BY created_at, id LIMIT ?");
    Statement tied(m_cache, tiedSql.toUtf8().constData());
    const int tiedIndex = bindTexts(tied, binds);
    tied.bind(tiedIndex, after->priority).bind(tiedIndex + 1, after->createdAt);
    tied.bind(tiedIndex + 2, after->id).bind(tiedIndex + 3, limit);
    readCases(tied, converter, &page);
    if (page.cases.size() >= limit) {
        return page;
    }

    const QString lowerSql = QLatin1String(CasePageColumns) + filter
        + QLatin1String(" AND priority < ?") + QLatin1String(CaseOrder);
    Statement lower(m_cache, lowerSql.toUtf8().constData());
    const int lowerIndex = bindTexts(lower, binds);
    lower.bind(lowerIndex, after->priority).bind(lowerIndex + 1, limit - int(page.cases.size()));
    readCases(lower, converter, &page);
    return page;
}

TimelinePage Repository::timelinePageOfParty(
    const QString &partyId, const std::optional<TimelineKey> &after, int limit) const
{
    return timelinePage("party_id", partyId, after, limit);
}

TimelinePage Repository::timelinePageOfCase(
    const QString &caseId, const std::optional<TimelineKey> &after, int limit) const
{
    return timelinePage("case_id", caseId, after, limit);
}

TimelinePage Repository::timelinePage(
    const char *column, const QString &id, const std::optional<TimelineKey> &after, int limit) const
{
    TimelinePage page;
    if (limit <= 0) {
        return page;
    }
    const QByteArray filter = QByteArray(TimelinePageColumns) + column + " = ?";
    RecordConverter converter(m_cache, m_language);

    if (!after) {
        const QByteArray firstSql = filter + " ORDER BY created_at DESC, id LIMIT ?";
        Statement first(m_cache, firstSql.constData());
        first.bind(1, id).bind(2, limit);
        readTimeline(first, converter, &page);
        return page;
    }

    // Entries with the key's time and a greater id come first, then older entries, as in
    // casePage.
    const QByteArray tiedSql = filter + " AND created_at = ? AND id > ? ORDER BY id LIMIT ?";
    Statement tied(m_cache, tiedSql.constData());
    tied.bind(1, id).bind(2, after->createdAt).bind(3, after->id).bind(4, limit);
    readTimeline(tied, converter, &page);
    if (page.items.size() >= limit) {
        return page;
    }

    const QByteArray olderSql = filter + " AND created_at < ? ORDER BY created_at DESC, id LIMIT ?";
    Statement older(m_cache, olderSql.constData());
    older.bind(1, id).bind(2, after->createdAt).bind(3, limit - int(page.items.size()));
    readTimeline(older, converter, &page);
    return page;
}

} // namespace CivicDesk
