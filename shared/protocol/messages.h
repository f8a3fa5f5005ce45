#pragma once

#include "domain/records.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

/** The sync protocol's messages, one struct per message type of docs/protocol.md. */
namespace civicdesk::protocol {

constexpr int Version = 1;
constexpr std::size_t MaxMessageBytes = 1024 * 1024;
constexpr int MaxFetchLimit = 2000;
// Maximum pages that one fetch may request. The server sends each page as its own batch.
constexpr int MaxFetchPages = 16;

enum class ErrorCode {
    Malformed,
    TooLarge,
    UnsupportedVersion,
    UnknownType,
    AuthRequired,
    InvalidCredentials,
    MutationInvalid,
    MutationNotFound,
    MutationForbidden,
    MutationConflict,
    ServerInternal,
    AccessInvalid,
    ServerBusy,
};

/** Returns the wire code, such as "protocol.malformed". */
std::string_view toString(ErrorCode code);
bool errorCodeFromString(std::string_view text, ErrorCode &code);

enum class ChangeOp { Upsert, Purge };

/** One entry of the server's change log as a client sees it. */
struct Change
{
    std::int64_t seq = 0;
    std::string entity;
    std::string id;
    std::int64_t version = 0;
    ChangeOp op = ChangeOp::Upsert;
    nlohmann::json data; // the whole record for Upsert, null for Purge
};

/** A client edit, identified by a client-made UUID so the server can apply it once. */
struct Mutation
{
    std::string id;
    std::string entity = "case";
    std::string entityId;
    std::int64_t baseVersion = 0;
    std::string op; // claim, assign, status, note
    nlohmann::json args = nlohmann::json::object();
    std::string createdAt;
};

struct Login
{
    std::string rid;
    std::string username;
    std::string password;
    std::string clientId;
};

struct LoginOk
{
    std::string rid;
    StaffUser user;
    std::string serverEpoch;
    std::string serverTime;
};

struct Hello
{
    std::string rid;
    std::int64_t cursor = 0;
};

struct Welcome
{
    std::string rid;
    std::string serverEpoch;
    std::int64_t headSeq = 0;
    std::string serverTime;
    // Set when the store was restored from a backup: the epoch the backup had and its head
    // sequence. Changes after that point, and the mutations behind them, were lost.
    std::string restoredFromEpoch;
    std::int64_t restoredAtSeq = 0;
};

struct Fetch
{
    std::string rid;
    std::int64_t cursor = 0;
    int limit = 500; // changes per page
    int pages = 1; // pages the server sends in a row, each one batch, 1..MaxFetchPages
};

struct Batch
{
    std::string rid;
    std::vector<Change> changes;
    std::int64_t cursor = 0;
    bool more = false;
    // True when the server sends the next page of the same fetch right after this batch,
    // so the client must not fetch from cursor itself.
    bool follows = false;
};

struct Push
{
    std::int64_t from = 0;
    std::int64_t cursor = 0;
    std::vector<Change> changes;
};

struct Mutate
{
    std::string rid;
    Mutation mutation;
};

struct Ack
{
    std::string rid;
    std::string mutationId;
    std::string entityId;
    std::int64_t version = 0;
    std::int64_t seq = 0;
};

struct Reject
{
    std::string rid;
    std::string mutationId;
    ErrorCode code = ErrorCode::MutationInvalid;
    std::string message;
    nlohmann::json current; // the record as the server has it, or null
    std::int64_t version = 0; // the version of current, 0 when current is null
};

/** One read of a citizen's record by the signed-in user, made and identified by the client. */
struct AccessEntry
{
    std::string id; // UUID made by the client when the record was read
    std::string entity; // case or party
    std::string entityId;
    std::string reason; // why the record was read, such as "case-view"
    std::string readAt; // client time of the read, ISO 8601 UTC; informational only
};

/** A page of access entries; the server records them for the session's user. */
struct AccessLog
{
    std::string rid;
    std::vector<AccessEntry> entries;
};

/** Names the entries of an accessLog that the server has stored, now or before. */
struct AccessAck
{
    std::string rid;
    std::vector<std::string> entryIds;
};

struct Ping
{
    std::string rid;
};

struct Pong
{
    std::string rid;
    std::string serverTime;
};

struct Error
{
    std::string rid;
    ErrorCode code = ErrorCode::Malformed;
    std::string message;
    std::int64_t retryAfter = 0; // seconds to wait before retrying; 0 when there is no hint
};

using Message = std::variant<Login, LoginOk, Hello, Welcome, Fetch, Batch, Push, Mutate, Ack,
                             Reject, Ping, Pong, Error, AccessLog, AccessAck>;

/** Returns the wire type of a message, such as "loginOk". */
std::string_view typeName(const Message &message);

} // namespace civicdesk::protocol
