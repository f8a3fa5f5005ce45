#include "sync/conflictresolver.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "corelogging.h"
#include "domain/ids.h"
#include "sync/changeapplier.h"

#include <QSet>

namespace CivicDesk {

namespace {

using nlohmann::json;

json parseObject(const QByteArray &text)
{
    const json parsed = json::parse(text.toStdString(), nullptr, false);
    return parsed.is_object() ? parsed : json(nullptr);
}

QString stringOf(const json &record, const char *key)
{
    const auto found = record.is_object() ? record.find(key) : record.end();
    return found != record.end() && found->is_string()
        ? QString::fromStdString(found->get<std::string>())
        : QString();
}

bool isNote(const OutboxEntry &entry)
{
    return entry.entity == QLatin1String("case") && entry.op == QLatin1String("note");
}

} // namespace

ConflictResolver::ConflictResolver(Cache &cache, const QString &userId)
    : m_cache(cache)
    , m_userId(userId)
{
}

QList<Conflict> ConflictResolver::conflicts() const
{
    QList<Conflict> found;
    for (const OutboxEntry &entry : Outbox(m_cache, m_userId).rejectedEntries()) {
        found.append(describe(entry));
    }
    return found;
}

std::optional<Conflict> ConflictResolver::conflict(const QString &mutationId) const
{
    const std::optional<OutboxEntry> entry = Outbox(m_cache, m_userId).entryById(mutationId);
    if (!entry || entry->state != QLatin1String("rejected")) {
        return std::nullopt;
    }
    return describe(*entry);
}

Conflict ConflictResolver::describe(const OutboxEntry &entry) const
{
    const ServerRecord server = serverRecord(entry);
    return Conflicts::describe(entry, server.record, server.version, server.cached, m_userId);
}

ConflictResolver::ServerRecord ConflictResolver::serverRecord(const OutboxEntry &entry) const
{
    // The cached record is the newest the change feed brought; the reject's copy may be older.
    const char *column = entry.entity == QLatin1String("case") ? "server_data" : "data";
    const char *table = ChangeApplier::tableOf(entry.entity.toStdString());
    ServerRecord server;
    if (*table != '\0') {
        const QByteArray sql =
            QByteArray("SELECT version, ") + column + " FROM " + table + " WHERE id = ?";
        Statement read(m_cache, sql.constData());
        if (read.bind(1, entry.entityId).next()) {
            server.version = read.integer(0);
            server.record = parseObject(read.bytes(1));
            server.cached = true;
            return server;
        }
    }
    server.record = parseObject(entry.rejectCurrentJson);
    return server;
}

ConflictResolver::Outcome ConflictResolver::start(
    const QString &mutationId, std::optional<Conflict> *found) const
{
    Outcome outcome;
    outcome.mutationId = mutationId;
    *found = conflict(mutationId);
    if (!*found) {
        outcome.error = Error::NotFound;
        outcome.detail = QStringLiteral("no rejected edit has mutation id %1").arg(mutationId);
        return outcome;
    }
    outcome.entity = (*found)->entry.entity;
    outcome.entityId = (*found)->entry.entityId;
    return outcome;
}

ConflictResolver::Outcome ConflictResolver::keepMine(const QString &mutationId)
{
    Transaction transaction(m_cache);
    std::optional<Conflict> found;
    Outcome outcome = start(mutationId, &found);
    if (!transaction.isActive()) {
        return finish(outcome, false, "");
    }
    if (!outcome.ok()) {
        return outcome;
    }
    if (!found->canKeep()) {
        outcome.error = Error::CannotKeep;
        outcome.detail = QStringLiteral("mutation %1 was rejected with %2 and can only be "
                                        "dismissed")
                             .arg(mutationId, found->entry.rejectCode);
        return outcome;
    }
    const json args = parseObject(found->entry.argsJson);
    const bool written =
        requeue(*found, found->entry.op, args.is_null() ? json::object() : args, outcome)
        && transaction.commit();
    return finish(outcome, written, "kept");
}

ConflictResolver::Outcome ConflictResolver::takeServer(const QString &mutationId)
{
    Transaction transaction(m_cache);
    std::optional<Conflict> found;
    Outcome outcome = start(mutationId, &found);
    if (!transaction.isActive()) {
        return finish(outcome, false, "");
    }
    if (!outcome.ok()) {
        return outcome;
    }
    const bool written = discard(*found) && transaction.commit();
    return finish(outcome, written, "dropped for the server's version");
}

ConflictResolver::Outcome ConflictResolver::merge(const QString &mutationId, const json &values)
{
    Transaction transaction(m_cache);
    std::optional<Conflict> found;
    Outcome outcome = start(mutationId, &found);
    if (!transaction.isActive()) {
        return finish(outcome, false, "");
    }
    if (!outcome.ok()) {
        return outcome;
    }
    const ConflictEdit edit = Conflicts::mergedEdit(*found, values);
    if (edit.kind == ConflictEdit::Kind::Invalid) {
        outcome.error = found->canKeep() ? Error::InvalidMerge : Error::CannotKeep;
        outcome.detail = edit.error;
        return outcome;
    }
    bool written = false;
    if (edit.kind == ConflictEdit::Kind::TakeServer) {
        written = discard(*found);
    } else {
        written = requeue(*found, edit.op, edit.args, outcome);
    }
    return finish(outcome, written && transaction.commit(), "merged");
}

QList<ConflictResolver::Outcome> ConflictResolver::resolve(
    const QStringList &mutationIds, Resolution resolution)
{
    QSet<QString> wanted(mutationIds.begin(), mutationIds.end());
    QList<Outcome> outcomes;
    for (const OutboxEntry &entry : Outbox(m_cache, m_userId).rejectedEntries()) {
        if (wanted.remove(entry.mutationId)) {
            outcomes.append(resolution == Resolution::KeepMine ? keepMine(entry.mutationId)
                                                               : takeServer(entry.mutationId));
        }
    }
    for (const QString &unknown : std::as_const(wanted)) {
        Outcome missing;
        missing.error = Error::NotFound;
        missing.mutationId = unknown;
        missing.detail = QStringLiteral("no rejected edit has mutation id %1").arg(unknown);
        outcomes.append(missing);
    }
    return outcomes;
}

bool ConflictResolver::requeue(
    const Conflict &conflict, const QString &op, const json &args, Outcome &outcome)
{
    const OutboxEntry &entry = conflict.entry;
    QString queuedOp = op;
    qint64 baseVersion = conflict.currentVersion;
    if (entry.entity == QLatin1String("routingRule") && op == QLatin1String("create")
        && conflict.currentVersion > 0) {
        // The rule exists now, so the person's fields replace it.
        queuedOp = QStringLiteral("update");
    }

    const QString mutationId = QString::fromStdString(civicdesk::generateUuid());
    Statement insert(m_cache,
        "INSERT INTO outbox (mutation_id, entity, entity_id, base_version, op, args, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, mutationId).bind(2, entry.entity).bind(3, entry.entityId);
    insert.bind(4, baseVersion).bind(5, queuedOp).bind(6, QByteArray::fromStdString(args.dump()));
    insert.bind(7, QByteArray::fromStdString(civicdesk::utcNowIso()));
    Statement remove(m_cache, "DELETE FROM outbox WHERE mutation_id = ? AND state = 'rejected'");
    if (!insert.run() || !remove.bind(1, entry.mutationId).run() || m_cache.changes() != 1) {
        return false;
    }
    if (isNote(entry) && !writeNote(conflict, args)) {
        return false;
    }
    outcome.queuedMutationId = mutationId;
    return showCase(conflict);
}

bool ConflictResolver::discard(const Conflict &conflict)
{
    Statement remove(m_cache, "DELETE FROM outbox WHERE mutation_id = ? AND state = 'rejected'");
    if (!remove.bind(1, conflict.entry.mutationId).run() || m_cache.changes() != 1) {
        return false;
    }
    if (isNote(conflict.entry)) {
        const json args = parseObject(conflict.entry.argsJson);
        Statement note(m_cache, "DELETE FROM interactions WHERE id = ? AND pending = 1");
        if (!note.bind(1, stringOf(args, "interactionId")).run()) {
            return false;
        }
    }
    return showCase(conflict);
}

bool ConflictResolver::writeNote(const Conflict &conflict, const json &args)
{
    // The timeline entry keeps its id and time, but a merge may have changed its text.
    const QString interactionId = stringOf(args, "interactionId");
    Statement read(m_cache, "SELECT data FROM interactions WHERE id = ?");
    json interaction = read.bind(1, interactionId).next() ? parseObject(read.bytes(0)) : json();
    if (!read.ok()) {
        return false;
    }
    if (!interaction.is_object()) {
        const json &record = conflict.serverRecord;
        interaction = { { "id", interactionId.toStdString() },
            { "partyId", record.is_object() ? record.value("partyId", json()) : json() },
            { "caseId", conflict.entry.entityId.toStdString() }, { "kind", "note" },
            { "channel", "internal" }, { "authorId", m_userId.toStdString() },
            { "createdAt", civicdesk::utcNowIso() } };
    }
    interaction["body"] = args.value("text", std::string());

    Statement write(m_cache,
        "INSERT OR REPLACE INTO interactions "
        "(id, version, party_id, case_id, created_at, pending, data) "
        "VALUES (?, 0, ?, ?, ?, 1, ?)");
    write.bind(1, interactionId).bindOptional(2, stringOf(interaction, "partyId"));
    write.bind(3, conflict.entry.entityId).bind(4, stringOf(interaction, "createdAt"));
    write.bind(5, QByteArray::fromStdString(interaction.dump()));
    return write.run();
}

bool ConflictResolver::showCase(const Conflict &conflict)
{
    // Stores the server's case again so the shown case has exactly the edits still queued.
    if (conflict.entry.entity != QLatin1String("case") || conflict.currentVersion <= 0
        || !conflict.serverRecord.is_object()) {
        return true;
    }
    return ChangeApplier(m_cache, m_userId)
        .storeCase(conflict.serverRecord, conflict.currentVersion);
}

ConflictResolver::Outcome ConflictResolver::finish(
    Outcome outcome, bool written, const char *action)
{
    if (!written) {
        outcome.error = Error::WriteFailed;
        outcome.queuedMutationId.clear();
        outcome.detail = QStringLiteral("writing the resolution of %1 failed: %2")
                             .arg(outcome.mutationId, m_cache.lastErrorDetail());
        qCWarning(lcSync) << "rejected edit" << outcome.mutationId
                          << "not resolved:" << m_cache.lastErrorDetail();
        return outcome;
    }
    qCInfo(lcSync) << "rejected edit" << outcome.mutationId << "of" << outcome.entity
                   << outcome.entityId << action << "; queued:"
                   << (outcome.queuedMutationId.isEmpty() ? QStringLiteral("nothing")
                                                          : outcome.queuedMutationId);
    return outcome;
}

} // namespace CivicDesk
