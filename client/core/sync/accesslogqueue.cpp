#include "sync/accesslogqueue.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "corelogging.h"
#include "protocol/accesslog.h"

#include <QDateTime>

namespace CivicDesk {

AccessLogQueue::AccessLogQueue(Cache &cache, const QString &userId)
    : m_cache(cache)
    , m_userId(userId)
{
}

std::vector<civicdesk::protocol::AccessEntry> AccessLogQueue::nextPage(int limit)
{
    std::vector<civicdesk::protocol::AccessEntry> page;
    Statement query(m_cache,
        "SELECT entry_id, entity, entity_id, reason, created_at FROM access_log "
        "WHERE user_id = ? AND uploaded = 0 ORDER BY id LIMIT ?");
    query.bind(1, m_userId).bind(2, limit);
    QStringList unsendable;
    while (query.next()) {
        civicdesk::protocol::AccessEntry entry { query.text(0).toStdString(),
            query.text(1).toStdString(), query.text(2).toStdString(), query.text(3).toStdString(),
            query.text(4).toStdString() };
        const std::string problem = civicdesk::protocol::accessEntryProblem(entry);
        if (!problem.empty()) {
            qCWarning(lcSync) << "access entry" << query.text(0)
                              << "cannot be uploaded:" << QString::fromStdString(problem);
            unsendable.append(query.text(0));
            continue;
        }
        page.push_back(std::move(entry));
    }
    query.reset();
    for (const QString &entryId : unsendable) {
        markUnsendable(entryId);
    }
    return page;
}

bool AccessLogQueue::markUnsendable(const QString &entryId)
{
    Statement mark(m_cache, "UPDATE access_log SET uploaded = 2 WHERE entry_id = ?");
    return mark.bind(1, entryId).run();
}

bool AccessLogQueue::markUploaded(const std::vector<std::string> &entryIds)
{
    Transaction transaction(m_cache);
    if (!transaction.isActive()) {
        return false;
    }
    Statement mark(m_cache,
        "UPDATE access_log SET uploaded = 1 WHERE entry_id = ? AND user_id = ? "
        "AND uploaded = 0");
    for (const std::string &entryId : entryIds) {
        if (!mark.bind(1, QByteArray::fromStdString(entryId)).bind(2, m_userId).run()) {
            return false;
        }
    }
    // created_at is ISO 8601 UTC text, so text order is time order.
    const QString cutoff =
        QDateTime::currentDateTimeUtc().addDays(-RetentionDays).toString(Qt::ISODateWithMs);
    Statement prune(m_cache, "DELETE FROM access_log WHERE uploaded = 1 AND created_at < ?");
    if (!prune.bind(1, cutoff).run()) {
        return false;
    }
    return transaction.commit();
}

int AccessLogQueue::waitingCount() const
{
    Statement count(m_cache, "SELECT count(*) FROM access_log WHERE user_id = ? AND uploaded = 0");
    return count.bind(1, m_userId).next() ? int(count.integer(0)) : -1;
}

} // namespace CivicDesk
