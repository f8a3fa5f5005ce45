#include "syncservice.h"

#include "auth/passwords.h"
#include "connectionregistry.h"
#include "loginpool.h"
#include "pollloop.h"
#include "protocol/codec.h"
#include "store/store.h"
#include "syncworker.h"
#include "workqueue.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/WebSocket.h>
#include <algorithm>
#include <atomic>
#include <climits>
#include <nlohmann/json.hpp>
#include <pthread.h>
#include <thread>

namespace civicdesk::server {

namespace {

using Poco::Net::HTTPResponse;

void sendJsonError(Poco::Net::HTTPServerResponse &response, HTTPResponse::HTTPStatus status,
    const std::string &code, const std::string &message)
{
    const std::string body = nlohmann::json { { "code", code }, { "message", message } }.dump();
    response.setStatusAndReason(status);
    response.setContentType("application/json");
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.setKeepAlive(false);
    response.send() << body;
}

// The retryAfter in seconds sent to a connection rejected because the server is full.
// NOTE: an estimate; desktop connections are long-lived, so places free up slowly.
constexpr std::int64_t FullRetryAfterSeconds = 30;

// IANA's registry has 1013 "Try Again Later", but Qt 6.4's QWebSocket treats any code from
// 1012 to 2999 as a protocol error and reports 1002. 4013 is in the range RFC 6455 leaves to
// applications, and docs/protocol.md documents it.
constexpr Poco::UInt16 CloseTryAgainLater = 4013;

// A rejected peer gets this long to read the reject, so a slow one cannot hold an HTTP thread.
const Poco::Timespan RejectTimeout(2, 0);

SyncOptions validated(SyncOptions options)
{
    if (options.loginThreads < 1) {
        throw Poco::InvalidArgumentException(
            "sync.loginThreads must be at least 1, not " + std::to_string(options.loginThreads));
    }
    if (options.maxPendingLogins < 1) {
        throw Poco::InvalidArgumentException("sync.maxPendingLogins must be at least 1, not "
            + std::to_string(options.maxPendingLogins));
    }
    if (!options.passwordVerifier) {
        options.passwordVerifier = verifyPassword;
    }
    return options;
}

} // namespace

class SyncService::Private
{
public:
    Private(Store &store, SyncOptions options)
        : store(store)
        , options(validated(std::move(options)))
        , logger(Poco::Logger::get("civicdesk.server.sync"))
        , registry(logger)
        , queue(std::make_shared<WorkQueue>())
        , pollLoop(registry, *queue, logger, this->options)
        , loginPool(this->options.loginThreads, this->options.maxPendingLogins)
        , worker(store, registry, *queue, loginPool, this->options.passwordVerifier,
              [this](const std::string &id) { pollLoop.readSoon(id); }, logger)
    {
    }

    bool originAllowed(const Poco::Net::HTTPServerRequest &request) const;
    void configure(Poco::Net::WebSocket &socket) const;

    Store &store;
    const SyncOptions options;
    Poco::Logger &logger;
    ConnectionRegistry registry;
    std::shared_ptr<WorkQueue> queue; // shared so the store's listener can outlive the service
    PollLoop pollLoop;
    LoginPool loginPool; // declared after queue, because its threads post results to queue
    SyncWorker worker;
    std::thread pollThread;
    std::thread workerThread;
    std::atomic<bool> stopped = false;
};

bool SyncService::Private::originAllowed(const Poco::Net::HTTPServerRequest &request) const
{
    if (options.allowedOrigins.empty() || !request.has("Origin")) {
        return true;
    }
    const std::string &origin = request.get("Origin");
    return std::find(options.allowedOrigins.begin(), options.allowedOrigins.end(), origin)
        != options.allowedOrigins.end();
}

void SyncService::Private::configure(Poco::Net::WebSocket &socket) const
{
    socket.setBlocking(true);
    socket.setReceiveTimeout(options.receiveTimeout);
    socket.setSendTimeout(options.sendTimeout);
    socket.setMaxPayloadSize(static_cast<int>(
        std::min<std::size_t>(options.maxMessageBytes, static_cast<std::size_t>(INT_MAX))));
}

SyncService::SyncService(Store &store, SyncOptions options)
    : d(std::make_unique<Private>(store, std::move(options)))
{
    std::weak_ptr<WorkQueue> queue = d->queue;
    store.setChangeListener([queue](std::int64_t) {
        if (auto target = queue.lock()) {
            target->postChangesAvailable();
        }
    });

    d->pollThread = std::thread([this] { d->pollLoop.run(); });
    d->workerThread = std::thread([this] { d->worker.run(); });
    // Names shown by top -H and in /proc/PID/task/*/comm, where tests measure the threads' CPU.
    // Linux limits a thread name to 15 bytes.
    ::pthread_setname_np(d->pollThread.native_handle(), "sync-poll");
    ::pthread_setname_np(d->workerThread.native_handle(), "sync-worker");
    poco_information(d->logger,
        "sync service started; at most " + std::to_string(d->options.maxConnections)
            + " connections, " + std::to_string(d->options.loginThreads)
            + " login threads");
}

SyncService::~SyncService()
{
    stop();
}

void SyncService::acceptUpgrade(
    Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const std::string peer = request.clientAddress().toString();
    if (!d->originAllowed(request)) {
        poco_warning(d->logger,
            "upgrade from " + peer + " rejected: origin " + request.get("Origin")
                + " is not allowed");
        sendJsonError(response, HTTPResponse::HTTP_FORBIDDEN, "origin.forbidden",
            "origin \"" + request.get("Origin") + "\" is not allowed");
        return;
    }
    if (d->stopped || !d->registry.reserve(d->options.maxConnections)) {
        rejectWhenFull(request, response, peer);
        return;
    }

    std::shared_ptr<Connection> connection;
    bool bytesBuffered = false;
    try {
        Poco::Net::WebSocket socket(request, response);
        d->configure(socket);
        // Bytes sent right behind the handshake sit in Poco's buffer, which epoll cannot
        // see. They are checked before the poll thread shares the socket.
        bytesBuffered = socket.available() > 0;
        connection = d->registry.add(socket);
    } catch (const Poco::Exception &error) {
        d->registry.cancelReservation();
        poco_warning(d->logger, "upgrade from " + peer + " failed: " + error.displayText());
        if (!response.sent()) {
            sendJsonError(response, HTTPResponse::HTTP_BAD_REQUEST, "protocol.handshake",
                "WebSocket handshake failed: " + error.message());
        }
        return;
    }
    poco_information(d->logger, "connection " + connection->id + " opened from " + peer);

    if (d->stopped) {
        d->registry.drop(connection->id, "the sync service is stopping");
    } else if (bytesBuffered) {
        d->pollLoop.readSoon(connection->id);
    }
}

void SyncService::rejectWhenFull(Poco::Net::HTTPServerRequest &request,
    Poco::Net::HTTPServerResponse &response, const std::string &peer)
{
    // Qt 6.4's QWebSocket does not report the HTTP status of a failed handshake, so an HTTP 503
    // would look like a server that is down. The reject goes over the WebSocket instead.
    poco_warning(d->logger, "upgrade from " + peer + " rejected: server full");
    const std::string limit = std::to_string(d->options.maxConnections);
    try {
        Poco::Net::WebSocket socket(request, response);
        socket.setSendTimeout(RejectTimeout);
        socket.setReceiveTimeout(RejectTimeout);
        const std::string busy = protocol::encode(protocol::Error { "",
            protocol::ErrorCode::ServerBusy,
            "the server has reached its limit of " + limit + " connections; retry later",
            FullRetryAfterSeconds });
        socket.sendFrame(
            busy.data(), static_cast<int>(busy.size()), Poco::Net::WebSocket::FRAME_TEXT);
        socket.shutdown(CloseTryAgainLater, "server full");
        socket.close();
    } catch (const Poco::Exception &error) {
        poco_information(
            d->logger, "server-full reject to " + peer + " failed: " + error.displayText());
        if (!response.sent()) {
            sendJsonError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "server.busy",
                "the server has reached its limit of " + limit + " connections; retry later");
        }
    }
}

void SyncService::stop()
{
    if (d->stopped.exchange(true)) {
        return;
    }
    d->store.setChangeListener([](std::int64_t) {});

    d->pollLoop.stop();
    if (d->pollThread.joinable()) {
        d->pollThread.join();
    }
    d->queue->close();
    if (d->workerThread.joinable()) {
        d->workerThread.join();
    }
    // Results of checks still running are posted to the closed queue and dropped.
    d->loginPool.stop();

    // Both threads are gone, so this thread is now the only writer.
    d->worker.closeAll(Poco::Net::WebSocket::WS_ENDPOINT_GOING_AWAY, "server stopping");
    poco_information(d->logger, "sync service stopped");
}

std::size_t SyncService::connectionCount() const
{
    return d->registry.count();
}

std::size_t SyncService::pendingLoginCount() const
{
    return d->loginPool.pendingCount();
}

} // namespace civicdesk::server
