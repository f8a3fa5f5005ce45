#pragma once

#include "handlers/loginhandler.h"
#include "protocol/messages.h"

#include <Poco/Timespan.h>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace civicdesk::server {

class Store;

struct SyncOptions
{
    std::size_t maxConnections = 5000;
    std::size_t maxMessageBytes = protocol::MaxMessageBytes;
    Poco::Timespan receiveTimeout { 10, 0 };
    Poco::Timespan sendTimeout { 10, 0 };
    int idleTimeoutSeconds = 120;
    // A connection silent for this long gets a WebSocket PING; a live peer's PONG counts as
    // traffic, so only dead or stalled peers reach the idle timeout. Heartbeats are sent only
    // when this is positive and below idleTimeoutSeconds.
    int heartbeatSeconds = 30;
    std::vector<std::string> allowedOrigins; // empty: accept clients that send no Origin
    // Threads that check login passwords (Argon2id) off the worker thread. At least 1.
    std::size_t loginThreads = 2;
    // Maximum number of logins queued or being checked. A login beyond it gets the error
    // server.busy with a retryAfter hint at once. At least 1.
    std::size_t maxPendingLogins = 64;
    // The password check. Empty means verifyPassword(), and tests replace it to keep a check
    // waiting.
    PasswordVerifier passwordVerifier;
};

/**
 * The desktop clients' WebSocket endpoint. Upgraded connections are handed to one poll
 * thread, so no connection holds a thread of the HTTP server's pool; messages are handled
 * in order on one worker thread that owns all protocol state. Sends happen on the worker
 * thread only, so each connection has one writer.
 */
class SyncService
{
public:
    /** Starts the threads. Throws Poco::InvalidArgumentException for an invalid option. */
    SyncService(Store &store, SyncOptions options);
    ~SyncService();

    SyncService(const SyncService &) = delete;
    SyncService &operator=(const SyncService &) = delete;

    /**
     * Completes the WebSocket handshake for request and takes over its socket; returns at
     * once. Replies 403 to an Origin that is not allowed. When maxConnections are open, it completes
     * the handshake, sends a server.busy error with a retryAfter hint and closes with 4013.
     */
    void acceptUpgrade(
        Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response);

    /** Closes every connection and joins the threads. Safe to call twice. */
    void stop();

    std::size_t connectionCount() const;

    /** Returns the number of logins queued or being checked on the login pool. */
    std::size_t pendingLoginCount() const;

private:
    void rejectWhenFull(Poco::Net::HTTPServerRequest &request,
        Poco::Net::HTTPServerResponse &response, const std::string &peer);

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace civicdesk::server
