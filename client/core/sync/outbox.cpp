#include "sync/outbox.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "corelogging.h"
#include "data/recordconverter.h"
#include "domain/ids.h"
#include "sync/caseedits.h"
#include "sync/changeapplier.h"

#include <QDateTime>
#include <algorithm>

namespace CivicDesk {

namespace {

using nlohmann::json;

constexpr const char *EntryColumns =
    "SELECT seq, mutation_id, entity, entity_id, base_version, op, args, state, "
    "reject_code, reject_message, reject_current, created_at FROM outbox ";

OutboxEntry readEntry(const Statement &row)
{
    OutboxEntry entry;
    entry.seq = row.integer(0);
    entry.mutationId = row.text(1);
    entry.entity = row.text(2);
    entry.entityId = row.text(3);
    entry.baseVersion = row.integer(4);
    entry.op = row.text(5);
    entry.argsJson = row.bytes(6);
    entry.state = row.text(7);
    entry.rejectCode = row.text(8);
    entry.rejectMessage = row.text(9);
    entry.rejectCurrentJson = row.bytes(10);
    entry.createdAt = row.text(11);
    return entry;
}

} // namespace

Outbox::Outbox(Cache &cache, const QString &userId)
    : m_cache(cache)
    , m_userId(userId)
{
}

QString Outbox::enqueueCaseEdit(const QString &caseId, const QString &op, json args)
{
    if (args.is_null()) {
        args = json::object();
    }
    if (!CaseEdits::isKnownOp(op.toStdString()) || !args.is_object()) {
        return {};
    }
    const auto text = args.find("text");
    if (op == QLatin1String("note") && (text == args.end() || !text->is_string())) {
        return {};
    }
    Transaction transaction(m_cache);
    Statement read(m_cache, "SELECT version, server_data FROM cases WHERE id = ?");
    if (!transaction.isActive() || !read.bind(1, caseId).next()) {
        return {};
    }
    const qint64 baseVersion = read.integer(0);
    const json serverRecord = json::parse(read.bytes(1).toStdString(), nullptr, false);

    if (op == QLatin1String("note")) {
        args["interactionId"] = civicdesk::generateUuid();
        if (!insertNote(serverRecord, args)) {
            return {};
        }
    }

    const QString mutationId = QString::fromStdString(civicdesk::generateUuid());
    Statement insert(m_cache,
        "INSERT INTO outbox (mutation_id, entity, entity_id, base_version, "
        "op, args, created_at) VALUES (?, 'case', ?, ?, ?, ?, ?)");
    insert.bind(1, mutationId).bind(2, caseId).bind(3, baseVersion).bind(4, op);
    insert.bind(5, QByteArray::fromStdString(args.dump()));
    insert.bind(6, QByteArray::fromStdString(civicdesk::utcNowIso()));

    // storeCase re-applies every pending edit, this one included, on the server's record.
    ChangeApplier applier(m_cache, m_userId);
    if (!insert.run() || !applier.storeCase(serverRecord, baseVersion) || !transaction.commit()) {
        qCWarning(lcSync) << "queueing" << op << "of case" << caseId
                          << "failed:" << m_cache.lastErrorDetail();
        return {};
    }
    return mutationId;
}

bool Outbox::insertNote(const json &caseRecord, const json &args)
{
    const json interaction = {
        { "id", args.at("interactionId") },
        { "partyId", caseRecord.value("partyId", json()) },
        { "caseId", caseRecord.value("id", json()) },
        { "kind", "note" },
        { "channel", "internal" },
        { "body", args.value("text", std::string()) },
        { "authorId", m_userId.toStdString() },
        { "createdAt", civicdesk::utcNowIso() },
    };
    Statement insert(m_cache,
        "INSERT OR REPLACE INTO interactions "
        "(id, version, party_id, case_id, created_at, pending, data) "
        "VALUES (?, 0, ?, ?, ?, 1, ?)");
    insert.bind(1, QByteArray::fromStdString(interaction["id"].get<std::string>()));
    insert.bindOptional(2, jsonString(caseRecord, "partyId"));
    insert.bind(3, jsonString(caseRecord, "id"));
    insert.bind(4, QByteArray::fromStdString(interaction["createdAt"].get<std::string>()));
    insert.bind(5, QByteArray::fromStdString(interaction.dump()));
    return insert.run();
}

std::optional<OutboxEntry> Outbox::nextPending() const
{
    const QList<OutboxEntry> found = select("WHERE state = 'pending' ORDER BY seq LIMIT 1");
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<OutboxEntry> Outbox::entries() const
{
    return select("ORDER BY seq");
}

QList<OutboxEntry> Outbox::rejectedEntries() const
{
    return select("WHERE state = 'rejected' ORDER BY seq");
}

int Outbox::pendingCount() const
{
    Statement count(m_cache, "SELECT count(*) FROM outbox WHERE state = 'pending'");
    return count.next() ? int(count.integer(0)) : 0;
}

int Outbox::rejectedCount() const
{
    Statement count(m_cache, "SELECT count(*) FROM outbox WHERE state = 'rejected'");
    return count.next() ? int(count.integer(0)) : 0;
}

bool Outbox::acknowledge(const QString &mutationId, qint64 version, qint64 seq)
{
    Transaction transaction(m_cache);
    const std::optional<OutboxEntry> entry = entryById(mutationId);
    if (!transaction.isActive() || !entry || !journal(mutationId, seq)) {
        return false;
    }

    Statement remove(m_cache, "DELETE FROM outbox WHERE mutation_id = ?");
    Statement bump(m_cache, "UPDATE cases SET version = ? WHERE id = ? AND version < ?");
    bump.bind(1, version).bind(2, entry->entityId).bind(3, version);
    if (!remove.bind(1, mutationId).run() || !bump.run() || !rebaseAfterAck(*entry, version)) {
        return false;
    }

    if (entry->op == QLatin1String("note")) {
        const json args = json::parse(entry->argsJson.toStdString(), nullptr, false);
        Statement settle(m_cache, "UPDATE interactions SET pending = 0 WHERE id = ?");
        settle.bind(1, jsonString(args, "interactionId"));
        if (!settle.run()) {
            return false;
        }
    }
    return transaction.commit();
}

bool Outbox::journal(const QString &mutationId, qint64 seq)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Statement keep(m_cache,
        "INSERT OR REPLACE INTO sent_journal (mutation_id, entity, entity_id, op, args, "
        "ack_seq, acked_at) SELECT mutation_id, entity, entity_id, op, args, ?, ? "
        "FROM outbox WHERE mutation_id = ?");
    keep.bind(1, seq).bind(2, now.toString(Qt::ISODate)).bind(3, mutationId);
    Statement prune(m_cache, "DELETE FROM sent_journal WHERE acked_at < ?");
    prune.bind(1, now.addDays(-JournalDays).toString(Qt::ISODate));
    return keep.run() && prune.run();
}

int Outbox::requeueLost(qint64 lostAfterSeq)
{
    Statement count(m_cache, "SELECT count(*) FROM sent_journal WHERE ack_seq > ?");
    count.bind(1, lostAfterSeq);
    if (!count.next()) {
        return -1;
    }
    const int lost = int(count.integer(0));
    Statement requeue(m_cache,
        "INSERT OR IGNORE INTO outbox (mutation_id, entity, entity_id, base_version, op, args, "
        "state, created_at) SELECT mutation_id, entity, entity_id, 0, op, args, 'resend', "
        "acked_at FROM sent_journal WHERE ack_seq > ? ORDER BY ack_seq");
    requeue.bind(1, lostAfterSeq);
    Statement forget(m_cache, "DELETE FROM sent_journal WHERE ack_seq > ?");
    forget.bind(1, lostAfterSeq);
    return requeue.run() && forget.run() ? lost : -1;
}

int Outbox::releaseResent()
{
    Statement count(m_cache, "SELECT count(*) FROM outbox WHERE state = 'resend'");
    if (!count.next()) {
        return -1;
    }
    const int waiting = int(count.integer(0));
    if (waiting == 0) {
        return 0;
    }
    // The records were fetched again, so each edit is based on the version the server has.
    Statement release(m_cache,
        "UPDATE outbox SET state = 'pending', base_version = COALESCE("
        "(SELECT version FROM cases WHERE id = outbox.entity_id), "
        "(SELECT version FROM routing_rules WHERE id = outbox.entity_id), "
        "(SELECT version FROM priority_weights WHERE id = outbox.entity_id), 0) "
        "WHERE state = 'resend'");
    return release.run() ? waiting : -1;
}

bool Outbox::rebaseAfterAck(const OutboxEntry &acked, qint64 version)
{
    // Later edits of the same record were made on top of the acked one. When the server
    // applied it straight on its base (version + 1), they may move to the new version.
    // Otherwise their old base lets the server detect what changed in between.
    if (version != acked.baseVersion + 1) {
        return true;
    }
    Statement rebase(m_cache,
        "UPDATE outbox SET base_version = ? WHERE entity_id = ? "
        "AND state = 'pending' AND base_version = ?");
    rebase.bind(1, version).bind(2, acked.entityId).bind(3, acked.baseVersion);
    return rebase.run();
}

QString Outbox::reject(const QString &mutationId, const QString &code, const QString &message,
    const json &current, qint64 currentVersion)
{
    Transaction transaction(m_cache);
    const std::optional<OutboxEntry> entry = entryById(mutationId);
    if (!transaction.isActive() || !entry) {
        return {};
    }

    Statement mark(m_cache,
        "UPDATE outbox SET state = 'rejected', reject_code = ?, "
        "reject_message = ?, reject_current = ? WHERE mutation_id = ?");
    mark.bind(1, code).bind(2, message);
    if (current.is_object()) {
        mark.bind(3, QByteArray::fromStdString(current.dump()));
    } else {
        mark.bindNull(3);
    }
    if (!mark.bind(4, mutationId).run()) {
        return {};
    }

    const bool isCase = entry->entity == QLatin1String("case");
    const bool restored = isCase ? restoreServerCase(entry->entityId, current, currentVersion)
                                 : restoreServerRecord(*entry, current, currentVersion);
    if (!restored) {
        return {};
    }
    return transaction.commit() ? entry->entityId : QString();
}

bool Outbox::restoreServerCase(const QString &caseId, const json &current, qint64 currentVersion)
{
    // The rejected edit no longer counts as pending, so storing the server's record (the
    // one sent with the reject, else the last one known) shows the case without it.
    Statement known(m_cache, "SELECT version, server_data FROM cases WHERE id = ?");
    if (!known.bind(1, caseId).next()) {
        return known.ok();
    }
    const qint64 cachedVersion = known.integer(0);
    ChangeApplier applier(m_cache, m_userId);
    // A record sent without a version keeps the cached version. A record older than the
    // cached one (the change feed overtook the reject) is not stored.
    if (current.is_object() && (currentVersion == 0 || currentVersion >= cachedVersion)) {
        return applier.storeCase(current, std::max(currentVersion, cachedVersion));
    }
    return applier.storeCase(
        json::parse(known.bytes(1).toStdString(), nullptr, false), cachedVersion);
}

bool Outbox::dismissRejected(const QString &mutationId)
{
    Statement remove(m_cache, "DELETE FROM outbox WHERE mutation_id = ? AND state = 'rejected'");
    return remove.bind(1, mutationId).run() && m_cache.changes() == 1;
}

std::optional<OutboxEntry> Outbox::entryById(const QString &mutationId) const
{
    Statement query(m_cache, (QByteArray(EntryColumns) + "WHERE mutation_id = ?").constData());
    query.bind(1, mutationId);
    if (!query.next()) {
        return std::nullopt;
    }
    return readEntry(query);
}

QList<OutboxEntry> Outbox::select(const char *sql) const
{
    QList<OutboxEntry> found;
    Statement query(m_cache, (QByteArray(EntryColumns) + sql).constData());
    while (query.next()) {
        found.append(readEntry(query));
    }
    return found;
}

civicdesk::protocol::Mutation Outbox::toMutation(const OutboxEntry &entry)
{
    civicdesk::protocol::Mutation mutation;
    mutation.id = entry.mutationId.toStdString();
    mutation.entity = entry.entity.toStdString();
    mutation.entityId = entry.entityId.toStdString();
    mutation.baseVersion = entry.baseVersion;
    mutation.op = entry.op.toStdString();
    mutation.args = json::parse(entry.argsJson.toStdString(), nullptr, false);
    mutation.createdAt = entry.createdAt.toStdString();
    return mutation;
}

} // namespace CivicDesk
