#pragma once

#include <optional>
#include <string>

namespace civicdesk::server {

/**
 * Converts an ISO 8601 time with a zone offset, such as "2019-12-15T12:08:09-05:00", to UTC
 * in the protocol's form "2019-12-15T17:08:09.000Z". Returns nothing when text is not such a
 * time.
 */
std::optional<std::string> toUtcIso(const std::string &text);

/** Returns the days, with fraction, from one ISO time to a later one; 0 if unreadable. */
double daysBetween(const std::string &from, const std::string &to);

} // namespace civicdesk::server
