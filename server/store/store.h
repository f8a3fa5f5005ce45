#pragma once

#include "domain/records.h"
#include "protocol/messages.h"

#include <Poco/Exception.h>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace civicdesk::server {

/** A store failure: the database could not be opened, read or written. */
POCO_DECLARE_EXCEPTION(, StoreException, Poco::Exception)

/**
 * What one signed-in user may read and change. Change-log rows carry a scope tag: "public"
 * for reference data every user sees, "team:<uuid>" for a team's cases, their parties and
 * their timelines. Administrators see everything; supervisors see their teams.
 */
struct AccessScope
{
    std::string userId;
    Role role = Role::Agent;
    std::vector<std::string> teamIds;
    bool everything = false;

    bool allows(const std::string &scopeTag) const;
};

/** A staff account as stored, with its Argon2id PHC password hash. */
struct UserAccount
{
    StaffUser user;
    std::string passwordHash;
    bool active = true;
};

/** Restore point of a store restored from a backup: the backup's epoch and head sequence. */
struct RestorePoint
{
    std::string epoch;
    std::int64_t seq = 0;
};

/** One page of the change log filtered by scope; cursor is the position to ask from next. */
struct ChangePage
{
    std::vector<protocol::Change> changes;
    std::int64_t cursor = 0;
    bool more = false;
};

/**
 * Result of applying a client mutation. When applied is false, code and message give the reason,
 * and current is the edited record as stored now, with its version (null and 0 when the
 * record does not exist or lies outside the user's scope). A mutation id seen before
 * returns the outcome recorded the first time, whatever the request now contains, with current
 * and version read again.
 */
struct MutationOutcome
{
    bool applied = false;
    std::int64_t version = 0; // the new version when applied, else the version of current
    std::int64_t seq = 0;
    protocol::ErrorCode code = protocol::ErrorCode::MutationInvalid;
    std::string message;
    nlohmann::json current;
};

/**
 * The server's system of record on SQLite through Poco::Data. Every write appends to the
 * change log in the same transaction. All members are thread-safe: calls are serialised on
 * one session. Failures throw StoreException (a Poco::Exception).
 */
class Store
{
public:
    /** Opens or creates the database file and applies pending schema migrations. */
    static std::unique_ptr<Store> open(const std::string &databasePath);
    virtual ~Store() = default;

    /** Returns the random id made when this store was created (see docs/protocol.md). */
    virtual std::string epoch() = 0;
    virtual std::int64_t headSeq() = 0;
    /** Returns the restore point when the store was restored from a backup. */
    virtual std::optional<RestorePoint> restorePoint() = 0;

    virtual std::optional<UserAccount> findAccount(const std::string &username) = 0;
    virtual AccessScope scopeFor(const StaffUser &user) = 0;

    /** Returns up to limit changes after cursor that scope allows. */
    virtual ChangePage changesSince(const AccessScope &scope, std::int64_t cursor, int limit) = 0;

    /** Applies a client mutation once (idempotent by mutation id), in one transaction. */
    virtual MutationOutcome applyMutation(
        const AccessScope &scope, const protocol::Mutation &mutation) = 0;

    /**
     * Records reads of citizens' records by the user of scope (never a user named by the
     * client), once per entry id, in one transaction. A read of a record outside scope is
     * stored too, marked as such. Throws Poco::InvalidArgumentException, storing nothing,
     * when accessLogProblem() finds an entry invalid. Returns the ids of the entries, each
     * stored now or before.
     */
    virtual std::vector<std::string> recordAccess(
        const AccessScope &scope, const std::vector<protocol::AccessEntry> &entries) = 0;

    /**
     * Registers a function called with the new head sequence after every committed write,
     * from the writing thread and outside the store's lock. One listener; a new one replaces
     * the old.
     */
    virtual void setChangeListener(std::function<void(std::int64_t headSeq)> listener) = 0;
};

} // namespace civicdesk::server
