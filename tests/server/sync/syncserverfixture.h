#pragma once

#include "seeddata.h"
#include "syncservice.h"

#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace Poco {
class ThreadPool;
}

namespace Poco::Net {
class HTTPServer;
}

namespace civicdesk::server {

class SqliteStore;

/**
 * A real Poco HTTPServer on 127.0.0.1 with a free port, routing /ws to a SyncService backed
 * by a seeded SQLite store in a temporary directory.
 */
class SyncServerFixture
{
public:
    explicit SyncServerFixture(
        SyncOptions options = {}, int httpThreads = 4, int casesPerTeam = 12);
    ~SyncServerFixture();

    QUrl url() const;
    std::string databasePath() const;
    quint16 port() const { return m_port; }
    SqliteStore &store() { return *m_store; }
    SyncService &service() { return *m_service; }
    const SeedData &seed() const { return m_seed; }

private:
    QTemporaryDir m_directory;
    std::unique_ptr<SqliteStore> m_store;
    SeedData m_seed;
    std::unique_ptr<SyncService> m_service;
    std::unique_ptr<Poco::ThreadPool> m_threads; // the HTTP server's only threads
    std::unique_ptr<Poco::Net::HTTPServer> m_http;
    quint16 m_port = 0;
};

} // namespace civicdesk::server
