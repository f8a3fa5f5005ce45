#pragma once

#include "sync/conflicts.h"

#include <QList>
#include <QString>
#include <optional>

namespace CivicDesk {

class Cache;

/**
 * Resolves the edits the server rejected. Keeping the person's version queues the same
 * change as a new mutation on the record's cached version. Taking the server's drops the
 * edit, and a merge queues the values the person chose. Each resolution removes the
 * rejected entry and writes its replacement, the case's shown state and a note's timeline
 * entry in one transaction, so a crash leaves either the rejected entry or its replacement.
 */
class ConflictResolver
{
public:
    enum class Resolution { KeepMine, TakeServer };

    enum class Error {
        None,
        NotFound, // no rejected entry has this mutation id
        CannotKeep, // the edit can only be dismissed (Conflict::obstacle)
        InvalidMerge, // the merge values do not fit the conflict's fields
        WriteFailed, // the cache write failed; nothing changed
    };

    struct Outcome
    {
        Error error = Error::None;
        QString detail; // what failed, in English, for logs and tests
        QString mutationId; // the rejected entry
        QString entity;
        QString entityId;
        QString queuedMutationId; // the new mutation, empty when nothing was queued

        bool ok() const { return error == Error::None; }
    };

    ConflictResolver(Cache &cache, const QString &userId); // cache not owned

    /** Returns every rejected edit, oldest first. */
    QList<Conflict> conflicts() const;
    std::optional<Conflict> conflict(const QString &mutationId) const;

    Outcome keepMine(const QString &mutationId);
    /** Drops the edit and a rejected note's timeline entry, because the cache already
     *  contains the server's record. Also dismisses an edit that cannot be kept. */
    Outcome takeServer(const QString &mutationId);
    /** Queues the values chosen per field (see Conflicts::mergedEdit). */
    Outcome merge(const QString &mutationId, const nlohmann::json &values);
    /** Resolves each entry in its own transaction, oldest first, and returns one outcome
     *  per id. Unknown ids come last, as NotFound. */
    QList<Outcome> resolve(const QStringList &mutationIds, Resolution resolution);

private:
    struct ServerRecord
    {
        nlohmann::json record;
        qint64 version = 0;
        bool cached = false;
    };

    Conflict describe(const OutboxEntry &entry) const;
    ServerRecord serverRecord(const OutboxEntry &entry) const;
    Outcome start(const QString &mutationId, std::optional<Conflict> *found) const;
    bool requeue(
        const Conflict &conflict, const QString &op, const nlohmann::json &args, Outcome &outcome);
    bool discard(const Conflict &conflict);
    bool writeNote(const Conflict &conflict, const nlohmann::json &args);
    bool showCase(const Conflict &conflict);
    Outcome finish(Outcome outcome, bool written, const char *action);

    Cache &m_cache;
    QString m_userId;
};

} // namespace CivicDesk
