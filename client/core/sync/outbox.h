#pragma once

#include "protocol/messages.h"

#include <QList>
#include <QString>
#include <optional>

namespace CivicDesk {

class Cache;

/** One queued local edit, as stored in the outbox table. */
struct OutboxEntry
{
    qint64 seq = 0;
    QString mutationId;
    QString entity;
    QString entityId;
    qint64 baseVersion = 0;
    QString op;
    QByteArray argsJson;
    QString state; // pending or rejected
    QString rejectCode;
    QString rejectMessage;
    QByteArray rejectCurrentJson; // the record as the server had it, or empty
    QString createdAt;
};

/**
 * The queue of local edits. An edit changes the cached record and adds its outbox entry in
 * one transaction. An ack removes the entry. A reject keeps it, marked rejected with the
 * server's code, message and current record, until a person dismisses it.
 */
class Outbox
{
public:
    static constexpr int JournalDays = 30;

    Outbox(Cache &cache, const QString &userId); // cache not owned

    /**
     * Applies op to the cached case and queues it. Returns the new mutation id, or an empty
     * string when the case is not in the cache, the op is unknown or the write failed.
     * For "note", args must hold "text"; the interaction id is made here.
     */
    QString enqueueCaseEdit(const QString &caseId, const QString &op, nlohmann::json args);

    /**
     * Queues an edit of a record other than a case: entity routingRule (op create, update or
     * retire) or priorityWeights (op set, entityId "current"). Nothing changes in the cache
     * until the server's change arrives. Returns the new mutation id, or an empty string when
     * the entity, op, id or args are not valid or the write failed.
     */
    QString enqueueRecordEdit(const QString &entity, const QString &entityId,
        qint64 baseVersion, const QString &op, nlohmann::json args);

    std::optional<OutboxEntry> nextPending() const;
    QList<OutboxEntry> entries() const;
    QList<OutboxEntry> rejectedEntries() const;
    int pendingCount() const;
    int rejectedCount() const;

    /** Removes the entry; records the new version and clears a note's pending mark. */
    bool acknowledge(const QString &mutationId, qint64 version, qint64 seq = 0);

    /**
     * Queues again, with their original ids, the acknowledged edits whose ack came after
     * change lostAfterSeq, because the server lost them. They wait in state "resend" until
     * releaseResent(). Runs inside the caller's transaction; returns how many, or -1.
     */
    int requeueLost(qint64 lostAfterSeq);
    /** Makes the edits waiting to be re-sent pending, based on the records' cached versions;
     *  returns how many, or -1 on a failed write. */
    int releaseResent();
    /** Marks the entry rejected and writes the server's current record, when sent, into the
     *  cache table of the entry's entity at currentVersion (0 when the server sent none), unless
     *  the cache already has a newer version. Returns the edited entity's id, or an empty string
     *  when the entry is unknown. */
    QString reject(const QString &mutationId, const QString &code, const QString &message,
        const nlohmann::json &current, qint64 currentVersion = 0);
    /** A person resolved a rejected edit: removes it. */
    bool dismissRejected(const QString &mutationId);

    /** Returns the entry of a pending or rejected mutation, or nothing once acknowledged. */
    std::optional<OutboxEntry> entryById(const QString &mutationId) const;

    static civicdesk::protocol::Mutation toMutation(const OutboxEntry &entry);
    /** Returns true for the ops of docs/protocol.md on routingRule and priorityWeights. */
    static bool isKnownRecordOp(const QString &entity, const QString &op);

private:
    QList<OutboxEntry> select(const char *sql) const;
    bool insertNote(const nlohmann::json &caseRecord, const nlohmann::json &args);
    bool restoreServerCase(
        const QString &caseId, const nlohmann::json &current, qint64 currentVersion);
    bool restoreServerRecord(
        const OutboxEntry &entry, const nlohmann::json &current, qint64 currentVersion);
    bool journal(const QString &mutationId, qint64 seq);
    bool rebaseAfterAck(const OutboxEntry &acked, qint64 version);

    Cache &m_cache;
    QString m_userId;
};

} // namespace CivicDesk
