// Backup and restore of the SQLite store.
#include "domain/ids.h"
#include "store/sqlitestore.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <sys/stat.h>

namespace civicdesk::server {

void SqliteStore::backupTo(const std::string &path)
{
    if (Poco::File(path).exists()) {
        throw StoreException("the backup file " + path + " exists already; choose a new name");
    }
    std::lock_guard lock(m_mutex);
    try {
        // VACUUM INTO (SQLite 3.27+) writes a consistent, compacted copy while others read.
        m_sql.exec("VACUUM INTO ?", { path });
    } catch (const Poco::Exception &error) {
        throw StoreException("cannot write the backup " + path, error);
    }
    ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
}

RestorePoint SqliteStore::restoreFrom(const std::string &databasePath, const std::string &backupPath)
{
    if (!Poco::File(backupPath).exists()) {
        throw StoreException("the backup file " + backupPath + " does not exist");
    }
    const std::string staging = databasePath + ".restoring";
    for (const std::string &file : { staging, staging + "-wal", staging + "-shm" }) {
        if (Poco::File(file).exists()) {
            Poco::File(file).remove();
        }
    }
    Poco::File(backupPath).copyTo(staging);

    RestorePoint point;
    try {
        const auto restored = openFile(staging);
        point.epoch = restored->epoch();
        point.seq = restored->headSeq();
        restored->setMeta("restored_from_epoch", point.epoch);
        restored->setMeta("restored_at_seq", std::to_string(point.seq));
        restored->setMeta("epoch", generateUuid());
    } catch (const Poco::Exception &error) {
        // The store in place stays as it was; only the staging copy goes.
        for (const std::string &file : { staging, staging + "-wal", staging + "-shm" }) {
            if (Poco::File(file).exists()) {
                Poco::File(file).remove();
            }
        }
        throw StoreException("the backup file " + backupPath
                + " is not a readable CivicDesk store; nothing was changed",
            error);
    } // closing the last connection checkpoints the log into the file

    for (const std::string &file : { databasePath + "-wal", databasePath + "-shm" }) {
        if (Poco::File(file).exists()) {
            Poco::File(file).remove();
        }
    }
    Poco::File(staging).renameTo(databasePath);
    ::chmod(databasePath.c_str(), S_IRUSR | S_IWUSR);
    Poco::Logger::get("civicdesk.server.store")
        .information("Restored %s from %s (epoch %s at change %s)", databasePath, backupPath,
            point.epoch, std::to_string(point.seq));
    return point;
}

} // namespace civicdesk::server
