#include "syncservice.h"

#include "auth/passwords.h"
#include "connectionregistry.h"
#include "loginpool.h"
#include "pollloop.h"
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
        , worker(store, registry, *queue, loginPool, this->options.passwordVerifier, logger)
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
        poco_warning(d->logger, "upgrade from " + peer + " rejected: server busy");
        response.set("Retry-After", "30");
        sendJsonError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "server.busy",
            "the server has reached its limit of " + std::to_string(d->options.maxConnections)
                + " connections; retry later");
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
