#pragma once

#include "protocol/messages.h"

#include <cstddef>
#include <string>

/** Checks of the accessLog message's values, shared so both sides apply the same limits. */
namespace civicdesk::protocol {

constexpr std::size_t MaxAccessEntries = 200;
constexpr std::size_t MaxAccessReasonCharacters = 200;

/**
 * Returns why an entry cannot be recorded, or an empty string when it can. The id and the
 * entityId must be UUIDs, the entity case or party, the reason 1 to
 * MaxAccessReasonCharacters characters without control characters, and readAt an ISO 8601
 * UTC time such as 2026-03-01T09:30:00.000Z.
 */
std::string accessEntryProblem(const AccessEntry &entry);

/**
 * Returns why a log cannot be recorded: more than MaxAccessEntries entries or the first
 * invalid entry, named by its position and id. Returns an empty string when all are valid.
 */
std::string accessLogProblem(const AccessLog &log);

} // namespace civicdesk::protocol
