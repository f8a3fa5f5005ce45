#pragma once

/**
 * A SQLite VFS for tests that wraps the default one and fails one chosen commit. It fails the
 * n-th sync of a write-ahead log, so the n-th transaction committed in the process returns
 * SQLITE_IOERR_FSYNC and SQLite rolls it back. As the default VFS it applies to every database
 * the process opens afterwards, including the client's SQLCipher cache.
 */
namespace FaultyVfs {

/** Registers the VFS as the process default; safe to call more than once. */
void install();

/** Fails the commit with this number, counted from now (1 = the next); 0 fails none. */
void failCommit(int number);

/** Returns the number of commits since the last failCommit(). */
int commitsSeen();

/** Returns whether the chosen commit has been failed. */
bool fired();

} // namespace FaultyVfs
