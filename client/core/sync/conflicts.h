#pragma once

#include "sync/outbox.h"

#include <QList>
#include <QString>
#include <nlohmann/json.hpp>

namespace CivicDesk {

/**
 * One field of a rejected edit: the value the person's edit sets and the value the server
 * has now. Both values are JSON objects shaped like the edit's args, so a field that spans
 * several keys (a rule's areaLevel and areaId) is chosen as a whole. The server's value is
 * null when the server has none, as for a new note.
 */
struct ConflictField
{
    QString name; // "status", "assignee", "text", "area", or "factorWeights/age" for weights
    nlohmann::json mine;
    nlohmann::json server;
    bool isText = false; // free text that a merge may edit, such as a note

    bool differs() const { return mine != server; }
};

/** A rejected edit described for a person to resolve, with both versions per field. */
struct Conflict
{
    /** The reason the person's edit cannot be sent again. */
    enum class Obstacle {
        None,
        AccessLost, // mutation.forbidden: out of the user's scope or not allowed for the role
        RecordGone, // mutation.not_found, or the record is no longer in the cache
    };

    OutboxEntry entry; // the rejected entry, with its base version and the server's reason
    qint64 currentVersion = 0; // the cached version of the record, 0 when there is none
    nlohmann::json serverRecord; // the record as the server has it, or null
    QList<ConflictField> fields;
    Obstacle obstacle = Obstacle::None;

    bool canKeep() const { return obstacle == Obstacle::None; }
    /** Returns true when a merge can differ from both versions: a text field, or more than
     *  one field that differs. */
    bool canMerge() const;
    QList<ConflictField> differingFields() const;
};

/** The op and args a resolution queues, or an error for merge values that do not fit. */
struct ConflictEdit
{
    enum class Kind { SendMine, TakeServer, Send, Invalid };

    Kind kind = Kind::Invalid;
    QString op;
    nlohmann::json args;
    QString error; // for Invalid: what is wrong with the values, naming the field
};

namespace Conflicts {

/**
 * Describes a rejected entry. serverRecord is the record the cache stores as the server's
 * (else the one sent with the reject), and version its cached version, 0 when the record
 * is not cached. userId is the signed-in user, the assignee of a claim.
 */
Conflict describe(const OutboxEntry &entry, const nlohmann::json &serverRecord, qint64 version,
    bool recordCached, const QString &userId);

/**
 * Builds the edit of a merge. values maps field names to the chosen value: the field's
 * "mine" or "server" object, or for a text field an object with the same key and any
 * string. Fields left out keep the person's value. A merge equal to the server's version
 * gives TakeServer, one equal to the person's gives SendMine.
 */
ConflictEdit mergedEdit(const Conflict &conflict, const nlohmann::json &values);

} // namespace Conflicts
} // namespace CivicDesk
