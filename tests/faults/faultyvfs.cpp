#include "faultyvfs.h"

#include <atomic>
#include <cstring>
#include <sqlite3.h>

namespace {

std::atomic<int> g_failAt { 0 };
std::atomic<int> g_commits { 0 };
std::atomic<bool> g_fired { false };
sqlite3_vfs *g_base = nullptr;

/** A file of this VFS: the header passed to SQLite, followed by the base VFS's file object. */
struct FaultyFile
{
    sqlite3_file header;
    bool writeAheadLog = false;

    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};

FaultyFile *cast(sqlite3_file *file)
{
    return reinterpret_cast<FaultyFile *>(file);
}

int fileClose(sqlite3_file *file)
{
    return cast(file)->real()->pMethods->xClose(cast(file)->real());
}

int fileRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    return cast(file)->real()->pMethods->xRead(cast(file)->real(), buffer, amount, offset);
}

int fileWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    return cast(file)->real()->pMethods->xWrite(cast(file)->real(), buffer, amount, offset);
}

int fileTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    return cast(file)->real()->pMethods->xTruncate(cast(file)->real(), size);
}

int fileSync(sqlite3_file *file, int flags)
{
    FaultyFile *faulty = cast(file);
    // With synchronous=FULL every commit in WAL mode syncs the log once.
    if (faulty->writeAheadLog) {
        const int number = ++g_commits;
        if (number == g_failAt.load() && !g_fired.exchange(true)) {
            return SQLITE_IOERR_FSYNC;
        }
    }
    return faulty->real()->pMethods->xSync(faulty->real(), flags);
}

int fileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    return cast(file)->real()->pMethods->xFileSize(cast(file)->real(), size);
}

int fileLock(sqlite3_file *file, int level)
{
    return cast(file)->real()->pMethods->xLock(cast(file)->real(), level);
}

int fileUnlock(sqlite3_file *file, int level)
{
    return cast(file)->real()->pMethods->xUnlock(cast(file)->real(), level);
}

int fileCheckReservedLock(sqlite3_file *file, int *result)
{
    return cast(file)->real()->pMethods->xCheckReservedLock(cast(file)->real(), result);
}

int fileControl(sqlite3_file *file, int operation, void *argument)
{
    return cast(file)->real()->pMethods->xFileControl(cast(file)->real(), operation, argument);
}

int fileSectorSize(sqlite3_file *file)
{
    return cast(file)->real()->pMethods->xSectorSize(cast(file)->real());
}

int fileDeviceCharacteristics(sqlite3_file *file)
{
    return cast(file)->real()->pMethods->xDeviceCharacteristics(cast(file)->real());
}

int fileShmMap(sqlite3_file *file, int page, int size, int extend, void volatile **address)
{
    return cast(file)->real()->pMethods->xShmMap(cast(file)->real(), page, size, extend, address);
}

int fileShmLock(sqlite3_file *file, int offset, int count, int flags)
{
    return cast(file)->real()->pMethods->xShmLock(cast(file)->real(), offset, count, flags);
}

void fileShmBarrier(sqlite3_file *file)
{
    cast(file)->real()->pMethods->xShmBarrier(cast(file)->real());
}

int fileShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return cast(file)->real()->pMethods->xShmUnmap(cast(file)->real(), deleteFlag);
}

const sqlite3_io_methods FileMethods = { 2, fileClose, fileRead, fileWrite, fileTruncate,
    fileSync, fileSize, fileLock, fileUnlock, fileCheckReservedLock, fileControl,
    fileSectorSize, fileDeviceCharacteristics, fileShmMap, fileShmLock, fileShmBarrier,
    fileShmUnmap, nullptr, nullptr };

int vfsOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    FaultyFile *faulty = cast(file);
    faulty->header.pMethods = nullptr;
    faulty->writeAheadLog = (flags & SQLITE_OPEN_WAL) != 0;
    const int result = g_base->xOpen(g_base, name, faulty->real(), flags, outFlags);
    if (result == SQLITE_OK && faulty->real()->pMethods) {
        faulty->header.pMethods = &FileMethods;
    }
    return result;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDirectory)
{
    return g_base->xDelete(g_base, name, syncDirectory);
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *result)
{
    return g_base->xAccess(g_base, name, flags, result);
}

int vfsFullPathname(sqlite3_vfs *, const char *name, int size, char *output)
{
    return g_base->xFullPathname(g_base, name, size, output);
}

int vfsRandomness(sqlite3_vfs *, int size, char *output)
{
    return g_base->xRandomness(g_base, size, output);
}

int vfsSleep(sqlite3_vfs *, int microseconds)
{
    return g_base->xSleep(g_base, microseconds);
}

int vfsCurrentTime(sqlite3_vfs *, double *now)
{
    return g_base->xCurrentTime(g_base, now);
}

int vfsGetLastError(sqlite3_vfs *, int size, char *output)
{
    return g_base->xGetLastError ? g_base->xGetLastError(g_base, size, output) : 0;
}

int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *now)
{
    return g_base->xCurrentTimeInt64(g_base, now);
}

sqlite3_vfs g_vfs;

} // namespace

namespace FaultyVfs {

void install()
{
    if (g_base) {
        return;
    }
    g_base = sqlite3_vfs_find(nullptr);
    std::memset(&g_vfs, 0, sizeof g_vfs);
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = int(sizeof(FaultyFile)) + g_base->szOsFile;
    g_vfs.mxPathname = g_base->mxPathname;
    g_vfs.zName = "faulty";
    g_vfs.xOpen = vfsOpen;
    g_vfs.xDelete = vfsDelete;
    g_vfs.xAccess = vfsAccess;
    g_vfs.xFullPathname = vfsFullPathname;
    g_vfs.xRandomness = vfsRandomness;
    g_vfs.xSleep = vfsSleep;
    g_vfs.xCurrentTime = vfsCurrentTime;
    g_vfs.xGetLastError = vfsGetLastError;
    g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    sqlite3_vfs_register(&g_vfs, 1);
}

void failCommit(int number)
{
    g_commits = 0;
    g_fired = false;
    g_failAt = number;
}

int commitsSeen()
{
    return g_commits.load();
}

bool fired()
{
    return g_fired.load();
}

} // namespace FaultyVfs
