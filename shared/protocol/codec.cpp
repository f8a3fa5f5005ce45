#include "protocol/codec.h"

#include "domain/ids.h"

#include <array>
#include <stdexcept>
#include <utility>

namespace civicdesk::protocol {

namespace {

using nlohmann::json;

constexpr std::array<std::pair<ErrorCode, std::string_view>, 13> ErrorCodeNames { {
    { ErrorCode::Malformed, "protocol.malformed" },
    { ErrorCode::TooLarge, "protocol.too_large" },
    { ErrorCode::UnsupportedVersion, "protocol.unsupported_version" },
    { ErrorCode::UnknownType, "protocol.unknown_type" },
    { ErrorCode::AuthRequired, "auth.required" },
    { ErrorCode::InvalidCredentials, "auth.invalid_credentials" },
    { ErrorCode::MutationInvalid, "mutation.invalid" },
    { ErrorCode::MutationNotFound, "mutation.not_found" },
    { ErrorCode::MutationForbidden, "mutation.forbidden" },
    { ErrorCode::MutationConflict, "mutation.conflict" },
    { ErrorCode::ServerInternal, "server.internal" },
    { ErrorCode::AccessInvalid, "access.invalid" },
    { ErrorCode::ServerBusy, "server.busy" },
} };

/** Thrown inside the decoder when a field is missing or has the wrong type. */
struct FieldError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

const json &requireField(const json &object, const char *key)
{
    const auto found = object.find(key);
    if (found == object.end()) {
        throw FieldError(std::string("missing field \"") + key + "\"");
    }
    return *found;
}

std::string requireString(const json &object, const char *key)
{
    const json &value = requireField(object, key);
    if (!value.is_string()) {
        throw FieldError(std::string("field \"") + key + "\" must be a string");
    }
    return value.get<std::string>();
}

std::string requireUuid(const json &object, const char *key)
{
    std::string value = requireString(object, key);
    if (!isUuid(value)) {
        throw FieldError(std::string("field \"") + key + "\" must be a UUID");
    }
    return value;
}

std::int64_t requireInteger(const json &object, const char *key, std::int64_t minimum = 0)
{
    const json &value = requireField(object, key);
    if (!value.is_number_integer()) {
        throw FieldError(std::string("field \"") + key + "\" must be an integer");
    }
    const auto number = value.get<std::int64_t>();
    if (number < minimum) {
        throw FieldError(std::string("field \"") + key + "\" must be at least "
                         + std::to_string(minimum));
    }
    return number;
}

/** Returns the field's value, or 0 when the field is missing or null. */
std::int64_t optionalInteger(const json &object, const char *key)
{
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return 0;
    }
    return requireInteger(object, key);
}

bool requireBool(const json &object, const char *key)
{
    const json &value = requireField(object, key);
    if (!value.is_boolean()) {
        throw FieldError(std::string("field \"") + key + "\" must be a boolean");
    }
    return value.get<bool>();
}

const json &requireObject(const json &object, const char *key)
{
    const json &value = requireField(object, key);
    if (!value.is_object()) {
        throw FieldError(std::string("field \"") + key + "\" must be an object");
    }
    return value;
}

const json &requireArray(const json &object, const char *key)
{
    const json &value = requireField(object, key);
    if (!value.is_array()) {
        throw FieldError(std::string("field \"") + key + "\" must be an array");
    }
    return value;
}

std::string optionalString(const json &object, const char *key)
{
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return {};
    }
    if (!found->is_string()) {
        throw FieldError(std::string("field \"") + key + "\" must be a string");
    }
    return found->get<std::string>();
}

ErrorCode requireErrorCode(const json &object)
{
    ErrorCode code;
    if (!errorCodeFromString(requireString(object, "code"), code)) {
        throw FieldError("field \"code\" is not a known error code");
    }
    return code;
}

/** Takes the changes out of a decoded message's array, moving each record. */
std::vector<Change> changesFromJson(json &&array)
{
    std::vector<Change> changes;
    changes.reserve(array.size());
    for (json &item : array) {
        changes.push_back(changeFromJson(std::move(item)));
    }
    return changes;
}

json changesToJson(const std::vector<Change> &changes)
{
    json array = json::array();
    for (const Change &change : changes) {
        array.push_back(changeToJson(change));
    }
    return array;
}

// Only the types are checked here. The server checks the values with accessLogProblem()
// (protocol/accesslog.h) and rejects a bad entry with access.invalid.
AccessEntry accessEntryFromJson(const json &object)
{
    if (!object.is_object()) {
        throw FieldError("each access entry must be an object");
    }
    return AccessEntry { requireString(object, "id"), requireString(object, "entity"),
        requireString(object, "entityId"), requireString(object, "reason"),
        requireString(object, "readAt") };
}

json accessEntryToJson(const AccessEntry &entry)
{
    return json { { "id", entry.id },
                  { "entity", entry.entity },
                  { "entityId", entry.entityId },
                  { "reason", entry.reason },
                  { "readAt", entry.readAt } };
}

AccessLog accessLogFromJson(const json &object, const std::string &rid)
{
    AccessLog log { rid, {} };
    for (const json &item : requireArray(object, "entries")) {
        log.entries.push_back(accessEntryFromJson(item));
    }
    return log;
}

AccessAck accessAckFromJson(const json &object, const std::string &rid)
{
    AccessAck ack { rid, {} };
    for (const json &item : requireArray(object, "entryIds")) {
        if (!item.is_string()) {
            throw FieldError("field \"entryIds\" must be an array of strings");
        }
        ack.entryIds.push_back(item.get<std::string>());
    }
    return ack;
}

Message decodeBody(const std::string &type, json &object, const std::string &rid)
{
    if (type == "login") {
        return Login { rid, requireString(object, "username"), requireString(object, "password"),
                       optionalString(object, "clientId") };
    }
    if (type == "loginOk") {
        StaffUser user;
        try {
            user = requireObject(object, "user").get<StaffUser>();
        } catch (const json::exception &error) {
            throw FieldError(std::string("field \"user\" is invalid: ") + error.what());
        }
        return LoginOk { rid, std::move(user), requireString(object, "serverEpoch"),
                         requireString(object, "serverTime") };
    }
    if (type == "hello") {
        return Hello { rid, requireInteger(object, "cursor") };
    }
    if (type == "welcome") {
        Welcome welcome { rid, requireString(object, "serverEpoch"),
            requireInteger(object, "headSeq"), requireString(object, "serverTime") };
        const auto restored = object.find("restoredFrom");
        if (restored != object.end() && !restored->is_null()) {
            if (!restored->is_object()) {
                throw FieldError("field \"restoredFrom\" must be an object or null");
            }
            welcome.restoredFromEpoch = requireString(*restored, "epoch");
            welcome.restoredAtSeq = requireInteger(*restored, "seq");
        }
        return welcome;
    }
    if (type == "fetch") {
        const auto limit = requireInteger(object, "limit", 1);
        if (limit > MaxFetchLimit) {
            throw FieldError("field \"limit\" must be at most " + std::to_string(MaxFetchLimit));
        }
        // A client without multi-page fetches sends no "pages" and gets one batch.
        std::int64_t pages = 1;
        if (object.contains("pages")) {
            pages = requireInteger(object, "pages", 1);
            if (pages > MaxFetchPages) {
                throw FieldError(
                    "field \"pages\" must be at most " + std::to_string(MaxFetchPages));
            }
        }
        return Fetch { rid, requireInteger(object, "cursor"), static_cast<int>(limit),
                       static_cast<int>(pages) };
    }
    if (type == "batch") {
        requireArray(object, "changes");
        Batch batch { rid, changesFromJson(std::move(object["changes"])),
                      requireInteger(object, "cursor"), requireBool(object, "more") };
        // A server without multi-page fetches sends no "follows": each batch ends its fetch.
        batch.follows = object.contains("follows") && requireBool(object, "follows");
        if (batch.follows && !batch.more) {
            throw FieldError("field \"follows\" must be false when \"more\" is false");
        }
        return batch;
    }
    if (type == "push") {
        const std::int64_t from = requireInteger(object, "from");
        const std::int64_t cursor = requireInteger(object, "cursor");
        requireArray(object, "changes");
        return Push { from, cursor, changesFromJson(std::move(object["changes"])) };
    }
    if (type == "mutate") {
        return Mutate { rid, mutationFromJson(requireObject(object, "mutation")) };
    }
    if (type == "ack") {
        return Ack { rid, requireString(object, "mutationId"), requireString(object, "entityId"),
                     requireInteger(object, "version"), requireInteger(object, "seq") };
    }
    if (type == "reject") {
        const auto current = object.find("current");
        return Reject { rid, requireString(object, "mutationId"), requireErrorCode(object),
                        requireString(object, "message"),
                        current == object.end() ? json() : *current,
                        optionalInteger(object, "version") };
    }
    if (type == "ping") {
        return Ping { rid };
    }
    if (type == "pong") {
        return Pong { rid, requireString(object, "serverTime") };
    }
    if (type == "error") {
        return Error { rid, requireErrorCode(object), requireString(object, "message"),
                       optionalInteger(object, "retryAfter") };
    }
    if (type == "accessLog") {
        return accessLogFromJson(object, rid);
    }
    if (type == "accessAck") {
        return accessAckFromJson(object, rid);
    }
    throw std::invalid_argument(type);
}

struct BodyEncoder
{
    json &out;

    void operator()(const Login &m) const
    {
        out["username"] = m.username;
        out["password"] = m.password;
        out["clientId"] = m.clientId;
    }
    void operator()(const LoginOk &m) const
    {
        out["user"] = m.user;
        out["serverEpoch"] = m.serverEpoch;
        out["serverTime"] = m.serverTime;
    }
    void operator()(const Hello &m) const { out["cursor"] = m.cursor; }
    void operator()(const Welcome &m) const
    {
        out["serverEpoch"] = m.serverEpoch;
        out["headSeq"] = m.headSeq;
        out["serverTime"] = m.serverTime;
        if (!m.restoredFromEpoch.empty()) {
            out["restoredFrom"] = { { "epoch", m.restoredFromEpoch }, { "seq", m.restoredAtSeq } };
        }
    }
    void operator()(const Fetch &m) const
    {
        out["cursor"] = m.cursor;
        out["limit"] = m.limit;
        if (m.pages != 1) {
            out["pages"] = m.pages;
        }
    }
    void operator()(const Batch &m) const
    {
        out["changes"] = changesToJson(m.changes);
        out["cursor"] = m.cursor;
        out["more"] = m.more;
        if (m.follows) {
            out["follows"] = true;
        }
    }
    void operator()(const Push &m) const
    {
        out["from"] = m.from;
        out["cursor"] = m.cursor;
        out["changes"] = changesToJson(m.changes);
    }
    void operator()(const Mutate &m) const { out["mutation"] = mutationToJson(m.mutation); }
    void operator()(const Ack &m) const
    {
        out["mutationId"] = m.mutationId;
        out["entityId"] = m.entityId;
        out["version"] = m.version;
        out["seq"] = m.seq;
    }
    void operator()(const Reject &m) const
    {
        out["mutationId"] = m.mutationId;
        out["code"] = toString(m.code);
        out["message"] = m.message;
        out["current"] = m.current;
        if (!m.current.is_null()) {
            out["version"] = m.version;
        }
    }
    void operator()(const Ping &) const { }
    void operator()(const Pong &m) const { out["serverTime"] = m.serverTime; }
    void operator()(const Error &m) const
    {
        out["code"] = toString(m.code);
        out["message"] = m.message;
        if (m.retryAfter > 0) {
            out["retryAfter"] = m.retryAfter;
        }
    }
    void operator()(const AccessLog &m) const
    {
        json entries = json::array();
        for (const AccessEntry &entry : m.entries) {
            entries.push_back(accessEntryToJson(entry));
        }
        out["entries"] = std::move(entries);
    }
    void operator()(const AccessAck &m) const { out["entryIds"] = m.entryIds; }
};

std::string ridOf(const Message &message)
{
    return std::visit(
            [](const auto &m) -> std::string {
                if constexpr (requires { m.rid; }) {
                    return m.rid;
                } else {
                    return {};
                }
            },
            message);
}

} // namespace

std::string_view toString(ErrorCode code)
{
    for (const auto &[value, name] : ErrorCodeNames) {
        if (value == code) {
            return name;
        }
    }
    return "server.internal";
}

bool errorCodeFromString(std::string_view text, ErrorCode &code)
{
    for (const auto &[value, name] : ErrorCodeNames) {
        if (name == text) {
            code = value;
            return true;
        }
    }
    return false;
}

std::string_view typeName(const Message &message)
{
    static constexpr std::array<std::string_view, std::variant_size_v<Message>> Names {
        "login", "loginOk", "hello", "welcome", "fetch", "batch", "push",
        "mutate", "ack", "reject", "ping", "pong", "error", "accessLog", "accessAck"
    };
    return Names[message.index()];
}

json changeToJson(const Change &change)
{
    json out { { "seq", change.seq },
               { "entity", change.entity },
               { "id", change.id },
               { "version", change.version },
               { "op", change.op == ChangeOp::Upsert ? "upsert" : "purge" } };
    if (change.op == ChangeOp::Upsert) {
        out["data"] = change.data;
    }
    return out;
}

Change changeFromJson(json &&object)
{
    if (!object.is_object()) {
        throw FieldError("each change must be an object");
    }
    Change change;
    change.seq = requireInteger(object, "seq", 1);
    change.entity = requireString(object, "entity");
    change.id = requireString(object, "id");
    change.version = requireInteger(object, "version");
    const std::string op = requireString(object, "op");
    if (op == "upsert") {
        change.op = ChangeOp::Upsert;
        requireObject(object, "data");
        change.data = std::move(object["data"]);
    } else if (op == "purge") {
        change.op = ChangeOp::Purge;
    } else {
        throw FieldError("field \"op\" must be upsert or purge");
    }
    return change;
}

json mutationToJson(const Mutation &mutation)
{
    return json { { "id", mutation.id },
                  { "entity", mutation.entity },
                  { "entityId", mutation.entityId },
                  { "baseVersion", mutation.baseVersion },
                  { "op", mutation.op },
                  { "args", mutation.args },
                  { "createdAt", mutation.createdAt } };
}

Mutation mutationFromJson(const json &object)
{
    Mutation mutation;
    mutation.id = requireUuid(object, "id");
    mutation.entity = requireString(object, "entity");
    // The priority weights are one record with the fixed id "current"; other records are
    // named by UUID.
    if (mutation.entity == "priorityWeights") {
        mutation.entityId = requireString(object, "entityId");
        if (mutation.entityId != "current") {
            throw FieldError("field \"entityId\" must be \"current\" for priorityWeights");
        }
    } else {
        mutation.entityId = requireUuid(object, "entityId");
    }
    mutation.baseVersion = requireInteger(object, "baseVersion");
    mutation.op = requireString(object, "op");
    mutation.args = requireObject(object, "args");
    mutation.createdAt = optionalString(object, "createdAt");
    return mutation;
}

DecodeResult decode(std::string_view text)
{
    DecodeResult result;
    if (text.size() > MaxMessageBytes) {
        result.error = { ErrorCode::TooLarge,
                         "message of " + std::to_string(text.size()) + " bytes exceeds the limit of "
                                 + std::to_string(MaxMessageBytes),
                         {} };
        return result;
    }
    json object = json::parse(text, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
        result.error = { ErrorCode::Malformed, "message is not a JSON object", {} };
        return result;
    }
    std::string rid;
    try {
        rid = optionalString(object, "rid");
        const json &version = requireField(object, "v");
        if (!version.is_number_integer() || version.get<std::int64_t>() != Version) {
            result.error = { ErrorCode::UnsupportedVersion,
                             "protocol version " + version.dump() + " is not supported; expected "
                                     + std::to_string(Version),
                             rid };
            return result;
        }
        const std::string type = requireString(object, "type");
        try {
            result.message = decodeBody(type, object, rid);
        } catch (const std::invalid_argument &) {
            result.error = { ErrorCode::UnknownType, "unknown message type \"" + type + "\"", rid };
        }
    } catch (const FieldError &error) {
        result.error = { ErrorCode::Malformed, error.what(), rid };
    } catch (const json::exception &error) {
        result.error = { ErrorCode::Malformed, error.what(), rid };
    }
    return result;
}

std::string encode(const Message &message)
{
    json out { { "v", Version }, { "type", typeName(message) } };
    const std::string rid = ridOf(message);
    if (!rid.empty()) {
        out["rid"] = rid;
    }
    std::visit(BodyEncoder { out }, message);
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace civicdesk::protocol
