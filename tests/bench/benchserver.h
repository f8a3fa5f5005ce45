#pragma once

#include <Poco/Process.h>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace civicdesk::bench {

/**
 * A civicdesk-server binary run by a benchmark: imports the full shipped data into a
 * temporary folder and serves it on a free loopback port. Its stdout and stderr go to
 * DIR/server.log. Throws Poco::RuntimeException when the import or the start fails.
 */
class BenchServer
{
public:
    explicit BenchServer(std::string binary);
    ~BenchServer();

    void importAll();
    /**
     * Makes start() keep the server's default TLS, with the certificate it generates in
     * certificateFile(). Without it the server runs with --tls-enabled=false.
     */
    void useTls() { m_tls = true; }
    /** Starts `serve`; options such as "--config=FILE" go before the command. */
    void start(const std::vector<std::string> &options = {});
    /** Asks the server to stop (SIGTERM) and waits for it to exit. */
    void stop();

    std::uint16_t port() const { return m_port; }
    /** Returns the self-signed certificate that a TLS server writes on its first start. */
    std::string certificateFile() const { return m_dataDir + "/tls/server.crt"; }
    const std::string &dataDir() const { return m_dataDir; }
    Poco::ProcessHandle::PID pid() const;
    /** Returns the CPU time (user + system) that the server process has used, in seconds. */
    double cpuSeconds() const;
    /** Returns the size of the store file plus its write-ahead log, in bytes. */
    std::int64_t storeBytes() const;

private:
    Poco::ProcessHandle launch(const std::vector<std::string> &arguments);
    std::string logText() const;

    std::string m_binary;
    std::string m_dataDir;
    std::unique_ptr<Poco::ProcessHandle> m_process;
    std::uint16_t m_port = 0;
    bool m_tls = false;
};

} // namespace civicdesk::bench
