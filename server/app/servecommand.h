#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <cstdint>
#include <memory>
#include <string>

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class HTTPServer;
class ServerSocket;
}

namespace civicdesk::server {

class AccessLogRetention;
class IntakeService;
class SqliteStore;
class SyncService;
class TextClassifier;
namespace sla {
class SlaScheduler;
}

struct ServeOptions
{
    std::string dataDir;
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080; // 0 picks a free port
};

/**
 * The running server: store, category model, intake, sync service and HTTP server. start()
 * throws Poco::IllegalStateException when the data folder has not been imported or a TLS
 * setting or file is invalid.
 */
class ServeCommand
{
public:
    ServeCommand(ServeOptions options, const Poco::Util::AbstractConfiguration &config);
    ~ServeCommand();

    /** Starts listening, prints the listening line to stdout and writes DIR/server.port. */
    void start();

    /** Stops the HTTP server and the sync service; safe to call twice. */
    void stop();

    std::uint16_t port() const { return m_port; }

private:
    void openStore();
    /** Checks the TLS settings and files, creating them if needed, unless TLS is off. */
    void prepareTls();
    /** Returns an unbound socket: TLS unless tls.enabled is false. */
    Poco::Net::ServerSocket makeListeningSocket();
    void startHttp();

    ServeOptions m_options;
    const Poco::Util::AbstractConfiguration &m_config;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<TextClassifier> m_classifier;
    std::unique_ptr<IntakeService> m_intake;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<Poco::ThreadPool> m_httpThreads; // declared first, so it outlives m_http
    std::unique_ptr<Poco::Net::HTTPServer> m_http;
    std::unique_ptr<sla::SlaScheduler> m_slaScheduler;
    std::unique_ptr<AccessLogRetention> m_accessLogRetention;
    Poco::Net::Context::Ptr m_tlsContext; // null when tls.enabled is false
    std::uint16_t m_port = 0;
};

} // namespace civicdesk::server
