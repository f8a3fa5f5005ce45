#pragma once

namespace CivicDesk {

class Cache;

/**
 * Secondary indexes of the synced tables (cases, interactions, parties), dropped while a
 * first sync fills an empty cache and built once it has caught up. Building an index from
 * the loaded rows sorts them once, where keeping it up to date inserts each row at a random
 * place and makes every commit encrypt index pages all over the file again.
 *
 * While they are deferred, the connection's page cache is 256 MiB in place of the usual 64.
 *
 * Each step is one transaction. The statements that recreate the indexes are stored in the
 * meta table in the same transaction as the drop, so a cache that stopped mid-way still
 * has them, and Cache::open builds them before it migrates the schema.
 */
namespace DeferredIndexes {

/** Drops the indexes and stores the statements that recreate them. Does nothing when they
 *  are already deferred. False (error on the cache) when the transaction failed. */
bool defer(Cache &cache);

/** Returns whether the indexes are deferred and not yet built. */
bool areDeferred(const Cache &cache);

/** Builds the deferred indexes and removes the stored statements. Does nothing when none
 *  are deferred. False (error on the cache) when the transaction failed or the stored
 *  statements are invalid. */
bool build(Cache &cache);

} // namespace DeferredIndexes
} // namespace CivicDesk
