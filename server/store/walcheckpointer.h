#pragma once

#include "store/sqlsession.h"

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace civicdesk::server {

/**
 * Copies the store's write-ahead log back into the database file on a thread and connection
 * of its own. With SQLite's automatic checkpoint, the commit that crosses the threshold
 * does the copy and its fdatasync while the writer holds the store's lock, and every intake
 * request waits for it. Here the checkpoint is PASSIVE, which SQLite documents as not waiting
 * for readers or writers, so it runs beside the writer.
 */
class WalCheckpointer
{
public:
    /** Opens its own connection to databasePath and starts the thread. */
    explicit WalCheckpointer(const std::string &databasePath);
    /** Stops the thread; a checkpoint in progress finishes first. */
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    /**
     * Installs the hook on the writer's connection: the log's size after each commit
     * decides when the thread runs. Past MaxPages the writer checkpoints itself, so the
     * log stays bounded if the thread falls behind.
     */
    void watch(SqlSession &writer);

    /** How many checkpoints the thread has run; for tests. */
    int checkpointsRun() const;

    static constexpr int ThresholdPages = 1000; // SQLite's own default
    static constexpr int MaxPages = 10000; // about 40 MiB with 4 KiB pages

private:
    void walGrew(SqlSession &writer, int pages);
    void run();

    SqlSession m_sql;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    int m_pagesAtWake = 0; // the log's size when the thread was last woken
    bool m_stop = false;
    int m_runs = 0;
    std::thread m_thread;
};

} // namespace civicdesk::server
