#include "sync/conflicts.h"

#include <QStringList>
#include <algorithm>

namespace CivicDesk {

namespace {

using nlohmann::json;

// The server's limits on free text, in characters: a case note and a routing rule's note.
constexpr int MaxCaseNoteCharacters = 10000;
constexpr int MaxRuleNoteCharacters = 500;

/** The default pause reason of a case set to waiting without one (docs/protocol.md). */
constexpr const char *DefaultPauseReason = "waiting_for_citizen";

/** Returns record[key], or null when it is missing, null or an empty string. */
json valueOrNull(const json &record, const char *key)
{
    if (!record.is_object()) {
        return nullptr;
    }
    const auto found = record.find(key);
    if (found == record.end() || (found->is_string() && found->get<std::string>().empty())) {
        return nullptr;
    }
    return *found;
}

/** Returns the keys of record as an args-shaped object, with missing ones null. */
json pick(const json &record, std::initializer_list<const char *> keys)
{
    json picked = json::object();
    for (const char *key : keys) {
        picked[key] = valueOrNull(record, key);
    }
    return picked;
}

ConflictField field(const char *name, json mine, json server, bool isText = false)
{
    return { QString::fromLatin1(name), std::move(mine), std::move(server), isText };
}

json statusValue(const json &status, const json &reason)
{
    const bool waiting = status.is_string() && status.get<std::string>() == "waiting";
    json shownReason = waiting ? reason : json(nullptr);
    if (waiting && shownReason.is_null()) {
        shownReason = DefaultPauseReason;
    }
    return { { "status", status }, { "reason", shownReason } };
}

QList<ConflictField> caseFields(
    const OutboxEntry &entry, const json &args, const json &record, const QString &userId)
{
    const std::string op = entry.op.toStdString();
    if (op == "claim") {
        return { field("assignee", { { "assigneeId", userId.toStdString() } },
            pick(record, { "assigneeId" })) };
    }
    if (op == "assign") {
        return { field("assignee", pick(args, { "assigneeId" }), pick(record, { "assigneeId" })) };
    }
    if (op == "status") {
        return { field("status",
            statusValue(valueOrNull(args, "status"), valueOrNull(args, "reason")),
            statusValue(valueOrNull(record, "status"), valueOrNull(record, "slaPausedReason"))) };
    }
    if (op == "recategorise") {
        return { field("category", pick(args, { "categoryId", "subcategoryId" }),
            pick(record, { "categoryId", "subcategoryId" })) };
    }
    if (op == "unlink_duplicate") {
        return { field(
            "duplicateOf", { { "duplicateOf", nullptr } }, pick(record, { "duplicateOf" })) };
    }
    if (op == "note") {
        // A note adds an interaction, so the server has no version of it.
        return { field("text", pick(args, { "text" }), nullptr, true) };
    }
    return {};
}

QList<ConflictField> routingRuleFields(
    const OutboxEntry &entry, const json &args, const json &record)
{
    const auto server = [&record](std::initializer_list<const char *> keys) {
        return record.is_object() ? pick(record, keys) : json(nullptr);
    };
    if (entry.op == QLatin1String("retire")) {
        return { field("note", pick(args, { "note" }), server({ "note" }), true) };
    }
    // Keys that only make sense together are chosen together.
    return {
        field("category", pick(args, { "categoryId", "subcategoryId" }),
            server({ "categoryId", "subcategoryId" })),
        field("area", pick(args, { "areaLevel", "areaId" }), server({ "areaLevel", "areaId" })),
        field("team", pick(args, { "teamId", "teamCode" }), server({ "teamId", "teamCode" })),
        field("precedence", pick(args, { "precedence" }), server({ "precedence" })),
        field("effectiveFrom", pick(args, { "effectiveFrom" }), server({ "effectiveFrom" })),
        field("effectiveTo", pick(args, { "effectiveTo" }), server({ "effectiveTo" })),
        field("note", pick(args, { "note" }), server({ "note" }), true),
    };
}

/** Lists the weights that differ, one field per key of a value table (factorWeights/age),
 *  because the weights hold hundreds of values and a person changes a few. */
QList<ConflictField> weightsFields(const json &args, const json &record)
{
    QStringList keys;
    for (const json &source : { args, record }) {
        for (auto it = source.begin(); source.is_object() && it != source.end(); ++it) {
            const QString key = QString::fromStdString(it.key());
            if (!keys.contains(key) && key != QLatin1String("id")
                && key != QLatin1String("changedBy") && key != QLatin1String("changedAt")) {
                keys.append(key);
            }
        }
    }

    QList<ConflictField> fields;
    for (const QString &key : std::as_const(keys)) {
        const std::string name = key.toStdString();
        const json mine = valueOrNull(args, name.c_str());
        const json server = valueOrNull(record, name.c_str());
        if (mine == server) {
            continue;
        }
        if (name == "ageing" || (!mine.is_object() && !server.is_object())) {
            fields.append({ key, { { name, mine } }, { { name, server } }, false });
            continue;
        }
        json subkeys = mine.is_object() ? mine : json::object();
        if (server.is_object()) {
            subkeys.update(server);
        }
        for (auto it = subkeys.begin(); it != subkeys.end(); ++it) {
            const json mineValue = valueOrNull(mine, it.key().c_str());
            const json serverValue = valueOrNull(server, it.key().c_str());
            if (mineValue != serverValue) {
                fields.append({ key + QLatin1Char('/') + QString::fromStdString(it.key()),
                    { { name, { { it.key(), mineValue } } } },
                    { { name, { { it.key(), serverValue } } } }, false });
            }
        }
    }
    return fields;
}

Conflict::Obstacle obstacleOf(const OutboxEntry &entry, bool recordCached)
{
    if (entry.rejectCode == QLatin1String("mutation.forbidden")) {
        return Conflict::Obstacle::AccessLost;
    }
    if (entry.rejectCode == QLatin1String("mutation.not_found")) {
        return Conflict::Obstacle::RecordGone;
    }
    const bool creates =
        entry.entity == QLatin1String("routingRule") && entry.op == QLatin1String("create");
    return recordCached || creates ? Conflict::Obstacle::None : Conflict::Obstacle::RecordGone;
}

/** Returns an error for a text value that the server would reject, else an empty string. */
QString textProblem(const Conflict &conflict, const ConflictField &field, const json &value)
{
    if (!value.is_object() || value.size() != field.mine.size()) {
        return QStringLiteral("field %1 must be an object with the key of the field")
            .arg(field.name);
    }
    const bool caseNote = conflict.entry.entity == QLatin1String("case");
    const int maximum = caseNote ? MaxCaseNoteCharacters : MaxRuleNoteCharacters;
    for (auto it = field.mine.begin(); it != field.mine.end(); ++it) {
        const auto found = value.find(it.key());
        if (found == value.end() || !(found->is_string() || (!caseNote && found->is_null()))) {
            return QStringLiteral("field %1 must hold a string under \"%2\"")
                .arg(field.name, QString::fromStdString(it.key()));
        }
        const QString text =
            found->is_string() ? QString::fromStdString(found->get<std::string>()) : QString();
        if ((caseNote && text.trimmed().isEmpty()) || text.size() > maximum) {
            return QStringLiteral("field %1 must have %2 to %3 characters")
                .arg(field.name)
                .arg(caseNote ? 1 : 0)
                .arg(maximum);
        }
    }
    return {};
}

/** Writes a chosen value into args. A null in a weights table removes the key there. */
void applyValue(json &args, const json &value)
{
    for (auto it = value.begin(); it != value.end(); ++it) {
        json &target = args[it.key()];
        if (!it->is_object() || !target.is_object()) {
            target = *it;
            continue;
        }
        for (auto sub = it->begin(); sub != it->end(); ++sub) {
            if (sub->is_null()) {
                target.erase(sub.key());
            } else {
                target[sub.key()] = *sub;
            }
        }
    }
}

ConflictEdit invalid(const QString &error)
{
    ConflictEdit edit;
    edit.error = error;
    return edit;
}

} // namespace

bool Conflict::canMerge() const
{
    const bool hasText = std::any_of(
        fields.begin(), fields.end(), [](const ConflictField &field) { return field.isText; });
    return canKeep() && (hasText || differingFields().size() > 1);
}

QList<ConflictField> Conflict::differingFields() const
{
    QList<ConflictField> differing;
    std::copy_if(fields.begin(), fields.end(), std::back_inserter(differing),
        [](const ConflictField &field) { return field.differs(); });
    return differing;
}

namespace Conflicts {

Conflict describe(const OutboxEntry &entry, const json &serverRecord, qint64 version,
    bool recordCached, const QString &userId)
{
    Conflict conflict;
    conflict.entry = entry;
    conflict.currentVersion = recordCached ? version : 0;
    conflict.serverRecord = serverRecord.is_object() ? serverRecord : json(nullptr);
    conflict.obstacle = obstacleOf(entry, recordCached);

    const json parsed = json::parse(entry.argsJson.toStdString(), nullptr, false);
    const json args = parsed.is_object() ? parsed : json::object();
    if (entry.entity == QLatin1String("case")) {
        conflict.fields = caseFields(entry, args, conflict.serverRecord, userId);
    } else if (entry.entity == QLatin1String("routingRule")) {
        conflict.fields = routingRuleFields(entry, args, conflict.serverRecord);
    } else if (entry.entity == QLatin1String("priorityWeights")) {
        conflict.fields = weightsFields(args, conflict.serverRecord);
    }
    return conflict;
}

ConflictEdit mergedEdit(const Conflict &conflict, const json &values)
{
    if (!conflict.canKeep()) {
        return invalid(QStringLiteral("mutation %1 cannot be sent again, only dismissed")
                           .arg(conflict.entry.mutationId));
    }
    if (!values.is_object()) {
        return invalid(QStringLiteral("the merge values must be a JSON object"));
    }

    QList<json> chosen;
    for (const ConflictField &field : conflict.fields) {
        chosen.append(field.mine);
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        const auto found = std::find_if(conflict.fields.begin(), conflict.fields.end(),
            [&name](const ConflictField &field) { return field.name == name; });
        if (found == conflict.fields.end()) {
            return invalid(QStringLiteral("unknown field %1").arg(name));
        }
        const bool offered =
            *it == found->mine || (!found->server.is_null() && *it == found->server);
        if (!offered && !found->isText) {
            return invalid(QStringLiteral("field %1 must be your value or the server's").arg(name));
        }
        if (!offered) {
            if (const QString problem = textProblem(conflict, *found, *it); !problem.isEmpty()) {
                return invalid(problem);
            }
        }
        chosen[int(found - conflict.fields.begin())] = *it;
    }

    bool allMine = true;
    bool allServer = true;
    const json original = json::parse(conflict.entry.argsJson.toStdString(), nullptr, false);
    ConflictEdit edit;
    edit.op = conflict.entry.op;
    edit.args = original.is_object() ? original : json::object();
    for (int i = 0; i < conflict.fields.size(); ++i) {
        allMine = allMine && chosen.at(i) == conflict.fields.at(i).mine;
        allServer = allServer && chosen.at(i) == conflict.fields.at(i).server;
        if (chosen.at(i) != conflict.fields.at(i).mine) {
            applyValue(edit.args, chosen.at(i));
        }
    }
    edit.kind = allServer ? ConflictEdit::Kind::TakeServer
        : allMine         ? ConflictEdit::Kind::SendMine
                          : ConflictEdit::Kind::Send;
    return edit;
}

} // namespace Conflicts
} // namespace CivicDesk
