#pragma once

#include <string>
#include <string_view>

namespace civicdesk {

/**
 * Returns a new UUID in lowercase canonical text form: version 7 (RFC 9562), so ids made
 * later sort later, with 74 random bits. Thread-safe.
 */
std::string generateUuid();

/** Returns true when text is a UUID in canonical 8-4-4-4-12 form (either case). */
bool isUuid(std::string_view text);

/** Returns the current UTC time as ISO 8601 with millisecond precision and a Z suffix. */
std::string utcNowIso();

} // namespace civicdesk
