// Outbox edits of records other than cases: routing rules and the priority weights.
#include "sync/outbox.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "corelogging.h"
#include "domain/ids.h"
#include "sync/changeapplier.h"

#include <string_view>

namespace CivicDesk {

using nlohmann::json;

bool Outbox::isKnownRecordOp(const QString &entity, const QString &op)
{
    if (entity == QLatin1String("routingRule")) {
        return op == QLatin1String("create") || op == QLatin1String("update")
            || op == QLatin1String("retire");
    }
    return entity == QLatin1String("priorityWeights") && op == QLatin1String("set");
}

QString Outbox::enqueueRecordEdit(const QString &entity, const QString &entityId,
    qint64 baseVersion, const QString &op, json args)
{
    if (args.is_null()) {
        args = json::object();
    }
    if (!isKnownRecordOp(entity, op) || entityId.isEmpty() || baseVersion < 0
        || !args.is_object()) {
        qCWarning(lcSync) << "not queueing" << op << "of" << entity << entityId
                          << ": unknown op, empty id, negative base version or args not an object";
        return {};
    }

    const QString mutationId = QString::fromStdString(civicdesk::generateUuid());
    Statement insert(m_cache,
        "INSERT INTO outbox (mutation_id, entity, entity_id, base_version, "
        "op, args, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, mutationId).bind(2, entity).bind(3, entityId).bind(4, baseVersion);
    insert.bind(5, op).bind(6, QByteArray::fromStdString(args.dump()));
    insert.bind(7, QByteArray::fromStdString(civicdesk::utcNowIso()));
    if (!insert.run()) {
        qCWarning(lcSync) << "queueing" << op << "of" << entity << entityId
                          << "failed:" << m_cache.lastErrorDetail();
        return {};
    }
    return mutationId;
}

bool Outbox::restoreServerRecord(
    const OutboxEntry &entry, const json &current, qint64 currentVersion)
{
    const char *table = ChangeApplier::tableOf(entry.entity.toStdString());
    if (!current.is_object() || std::string_view(table).empty()) {
        return true;
    }

    // A reject from a server that sends no version keeps the cached version, and the
    // server's change for the record follows in the change feed and replaces both.
    const QByteArray select = QByteArray("SELECT version FROM ") + table + " WHERE id = ?";
    Statement known(m_cache, select.constData());
    const bool cached = known.bind(1, entry.entityId).next();
    if (!known.ok()) {
        return false;
    }
    const qint64 cachedVersion = cached ? known.integer(0) : 0;
    if (currentVersion == 0 && !cached) {
        return true;
    }
    if (currentVersion > 0 && currentVersion < cachedVersion) {
        return true; // the change feed already brought a newer version
    }
    const qint64 version = currentVersion > 0 ? currentVersion : cachedVersion;

    ChangeApplier applier(m_cache, m_userId);
    return applier.storeServerRecord(entry.entity.toStdString(), entry.entityId.toStdString(),
        current, version);
}

} // namespace CivicDesk
