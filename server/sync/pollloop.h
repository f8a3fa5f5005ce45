#pragma once

#include "connection.h"
#include "syncservice.h"

#include <Poco/Net/DatagramSocket.h>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace civicdesk::server {

class ConnectionRegistry;
class WorkQueue;
struct Connection;

/**
 * The body of the poll thread. It waits on every connection at once, reads the frames of
 * those that are readable and queues complete text messages, PONG replies and close frames
 * for the worker. It closes connections idle for longer than idleTimeoutSeconds.
 */
class PollLoop
{
public:
    PollLoop(ConnectionRegistry &registry, WorkQueue &queue, Poco::Logger &logger,
        const SyncOptions &options);

    void run();

    /** Makes run() return soon. Thread-safe. */
    void stop();

    /**
     * Reads connectionId on the next round even when its socket is not readable, and polls it
     * again if it was parked because its TLS lock was busy. Thread-safe.
     */
    void readSoon(const std::string &connectionId);

private:
    void wake();
    void drainWakeSocket();
    void readPending();
    void readDeferred();
    void readConnection(const std::shared_ptr<Connection> &connection);
    bool readFrame(Connection &connection);
    bool handleClosingFrame(Connection &connection, int flags);
    void requestClose(
        Connection &connection, int code, const std::string &reason, bool dropAfterClose);
    void closeIdleConnections();
    void sendHeartbeatIfDue(Connection &connection, Connection::Clock::time_point now);

    ConnectionRegistry &m_registry;
    WorkQueue &m_queue;
    Poco::Logger &m_logger;
    const SyncOptions &m_options;
    Poco::Net::DatagramSocket m_wakeReceiver;
    Poco::Net::DatagramSocket m_wakeSender;
    std::atomic<bool> m_stopping = false;
    std::mutex m_pendingMutex;
    std::vector<std::string> m_pending;
    // Poll thread only: connections to read again on the next round, because they have
    // buffered frames that the poll set cannot see.
    std::vector<std::string> m_deferred;
    std::chrono::steady_clock::time_point m_lastIdleCheck;
};

} // namespace civicdesk::server
