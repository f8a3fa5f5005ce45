#pragma once

namespace CivicDesk {

class Cache;

/**
 * The cache's numbered schema migrations. PRAGMA user_version stores the number of the last
 * migration applied. Each migration runs in its own transaction together with the bump, so
 * a crash leaves the file at a whole version.
 */
namespace Schema {

/** Returns the number of the newest migration in this client. */
int latestVersion();

/** Applies the migrations after the file's version; false (error on the cache) on failure
 *  or when the file is newer than this client. */
bool migrate(Cache &cache);

} // namespace Schema
} // namespace CivicDesk
