#include "store/walcheckpointer.h"

#include "store/store.h"

#include <Poco/Logger.h>

namespace civicdesk::server {

namespace {

Poco::Logger &checkpointLogger()
{
    return Poco::Logger::get("civicdesk.server.store");
}

} // namespace

WalCheckpointer::WalCheckpointer(const std::string &databasePath)
    : m_sql(databasePath)
{
    m_thread = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WalCheckpointer::watch(SqlSession &writer)
{
    writer.setWalHook([this, &writer](int pages) { walGrew(writer, pages); });
}

int WalCheckpointer::checkpointsRun() const
{
    std::lock_guard lock(m_mutex);
    return m_runs;
}

void WalCheckpointer::walGrew(SqlSession &writer, int pages)
{
    if (pages >= MaxPages) {
        // The thread has fallen far behind, for example while a long read pinned the log.
        // Copying here costs this commit the time that the thread should have spent.
        try {
            writer.checkpoint();
        } catch (const StoreException &error) {
            checkpointLogger().warning("Checkpoint on the writer failed: %s", error.displayText());
        }
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        // While commits keep coming, SQLite cannot start the log again from its beginning, so
        // its size only grows. Counting from the size at the last wake-up keeps the thread to
        // one checkpoint, with its fdatasync, per ThresholdPages new pages.
        if (pages < m_pagesAtWake) {
            m_pagesAtWake = 0; // the log started again
        }
        if (pages - m_pagesAtWake < ThresholdPages) {
            return;
        }
        m_pagesAtWake = pages;
        m_due = true;
    }
    m_wake.notify_one();
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_due || m_stop; });
        if (m_stop) {
            return;
        }
        m_due = false;
        lock.unlock();
        try {
            // A connection takes up the log only with its first read; until then a
            // checkpoint on it does nothing and still returns success.
            m_sql.query("SELECT COUNT(*) FROM sqlite_master");
            m_sql.checkpoint();
        } catch (const StoreException &error) {
            checkpointLogger().warning("Checkpoint failed: %s", error.displayText());
        }
        lock.lock();
        ++m_runs;
    }
}

} // namespace civicdesk::server
