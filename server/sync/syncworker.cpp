#include "syncworker.h"

#include "connectionregistry.h"
#include "loginpool.h"
#include "protocol/codec.h"
#include "workqueue.h"

#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <climits>
#include <cstdint>

namespace civicdesk::server {

namespace {

using Poco::Net::WebSocket;

// Time allowed for each close frame when the service stops, so dead peers cannot hold it up.
const Poco::Timespan StopSendTimeout(0, 200 * 1000);

constexpr int PongFrameFlags = int(WebSocket::FRAME_FLAG_FIN) | int(WebSocket::FRAME_OP_PONG);
constexpr int PingFrameFlags = int(WebSocket::FRAME_FLAG_FIN) | int(WebSocket::FRAME_OP_PING);

// Maximum number of messages kept while a connection's login is checked. A client that sends
// more before the reply is closed with 1008, so a flood cannot grow memory without limit.
constexpr std::size_t MaxHeldMessages = 256;

// The retryAfter in seconds of a server.busy reply to a login that found the login queue full.
// NOTE: an estimate. At an assumed 0.1 to 0.5 s per Argon2id check, a full queue of 64 logins
// on 2 threads (the defaults) drains in 3 to 16 s, and clients add their own backoff.
constexpr std::int64_t LoginRetryAfterSeconds = 5;

/**
 * A send's hold on a connection's TLS session. The poll thread parks a connection whose lock
 * is busy, so the release makes it read that connection again, also when the send throws.
 */
class TlsSendLock
{
public:
    TlsSendLock(Connection &connection, const SyncWorker::ReadResumer &resumeReading)
        : m_connection(connection)
        , m_resumeReading(resumeReading)
        , m_lock(connection.lockTls())
    {
    }

    ~TlsSendLock()
    {
        if (m_connection.releaseTls(m_lock)) {
            m_resumeReading(m_connection.id);
        }
    }

    TlsSendLock(const TlsSendLock &) = delete;
    TlsSendLock &operator=(const TlsSendLock &) = delete;

private:
    Connection &m_connection;
    const SyncWorker::ReadResumer &m_resumeReading;
    std::unique_lock<std::mutex> m_lock;
};

} // namespace

SyncWorker::SyncWorker(Store &store, ConnectionRegistry &registry, WorkQueue &queue,
    LoginPool &loginPool, PasswordVerifier passwordVerifier, ReadResumer resumeReading,
    Poco::Logger &logger)
    : m_registry(registry)
    , m_queue(queue)
    , m_loginPool(loginPool)
    , m_passwordVerifier(std::move(passwordVerifier))
    , m_resumeReading(std::move(resumeReading))
    , m_logger(logger)
    , m_dispatcher(store, logger)
    , m_fanout(store, logger, [this](Connection &connection, const protocol::Message &message) {
        return send(connection, message);
    })
{
}

void SyncWorker::run()
{
    WorkItem item;
    while (m_queue.take(item)) {
        handle(item);
    }
}

void SyncWorker::closeAll(int code, const std::string &reason)
{
    for (const auto &connection : m_registry.snapshot()) {
        if (connection->closeSent) {
            m_registry.drop(connection->id, reason);
            continue;
        }
        try {
            connection->socket.setSendTimeout(StopSendTimeout);
        } catch (const Poco::Exception &) {
            // The socket is already unusable; close() below drops it.
        }
        close(*connection, code, reason, true);
    }
}

void SyncWorker::handle(const WorkItem &item)
{
    if (item.kind == WorkItem::Kind::ChangesAvailable) {
        pushChanges();
        return;
    }

    const std::shared_ptr<Connection> connection = m_registry.find(item.connectionId);
    if (!connection || connection->closeSent) {
        // Dropped while the item waited, or the close frame was sent and must be last. A
        // login result for it is discarded here too.
        return;
    }
    switch (item.kind) {
    case WorkItem::Kind::Message:
        handleMessage(*connection, item.text);
        break;
    case WorkItem::Kind::Pong:
        sendFrame(*connection, item.text, PongFrameFlags);
        break;
    case WorkItem::Kind::Heartbeat:
        sendFrame(*connection, item.text, PingFrameFlags);
        break;
    case WorkItem::Kind::Close:
        close(*connection, item.closeCode, item.text, item.dropAfterClose);
        break;
    case WorkItem::Kind::LoginChecked:
        if (item.login) {
            finishLogin(*connection, *item.login);
        }
        break;
    case WorkItem::Kind::ChangesAvailable:
        break;
    }
}

void SyncWorker::handleMessage(Connection &connection, const std::string &text)
{
    if (connection.loginPending) {
        if (connection.heldMessages.size() >= MaxHeldMessages) {
            if (connection.beginClosing()) {
                close(connection, 1008, "too many messages before the login reply", false);
            }
            return;
        }
        connection.heldMessages.push_back(text);
        return;
    }

    Dispatched dispatched = m_dispatcher.dispatch(text, connection.id, connection.session);
    if (dispatched.login) {
        startLoginCheck(connection, std::move(dispatched.login));
        return;
    }
    if (!sendReply(connection, dispatched.reply) || !dispatched.nextFetch) {
        return;
    }
    // The remaining pages are queued as a fetch of their own, so the work of other
    // connections runs between two pages of a long catch-up.
    m_queue.post(WorkItem { WorkItem::Kind::Message, connection.id,
        protocol::encode(*dispatched.nextFetch), 0, false });
}

void SyncWorker::startLoginCheck(Connection &connection, std::shared_ptr<LoginCheck> check)
{
    const std::string connectionId = connection.id;
    // The queue outlives the pool, whose threads SyncService::stop() joins first.
    WorkQueue &queue = m_queue;
    const bool queued =
        m_loginPool.tryPost([check, connectionId, &queue, verifier = m_passwordVerifier] {
            check->check(verifier);
            WorkItem result { WorkItem::Kind::LoginChecked, connectionId, {}, 0, false };
            result.login = check;
            queue.post(std::move(result));
        });
    if (queued) {
        connection.loginPending = true;
        return;
    }

    // The failed-login count is left alone, because the password was not checked.
    poco_warning(m_logger,
        "connection " + connection.id + ": login request " + check->rid
            + " rejected because the login queue is full");
    sendReply(connection,
        protocol::Error { check->rid, protocol::ErrorCode::ServerBusy,
            "the server is busy checking other logins; retry in "
                + std::to_string(LoginRetryAfterSeconds) + " seconds",
            LoginRetryAfterSeconds });
}

void SyncWorker::finishLogin(Connection &connection, const LoginCheck &check)
{
    connection.loginPending = false;
    sendReply(connection, m_dispatcher.finishLogin(check, connection.id, connection.session));

    // Messages that arrived during the check are handled now, in order. Another login among
    // them stops the loop, and the rest wait for its result.
    while (!connection.heldMessages.empty() && !connection.loginPending && !connection.closeSent
        && m_registry.find(connection.id)) {
        const std::string text = std::move(connection.heldMessages.front());
        connection.heldMessages.pop_front();
        handleMessage(connection, text);
    }
    if (connection.closeSent) {
        connection.heldMessages.clear();
    }
}

bool SyncWorker::sendReply(Connection &connection, const protocol::Message &reply)
{
    if (const auto *error = std::get_if<protocol::Error>(&reply)) {
        poco_information(m_logger,
            "connection " + connection.id + ": request " + error->rid + " answered with "
                + std::string(protocol::toString(error->code)));
    }
    if (!send(connection, reply)) {
        return false;
    }

    const SyncSession &session = connection.session;
    if (session.closeCode != 0) {
        if (connection.beginClosing()) {
            close(connection, session.closeCode, session.closeReason, false);
        }
        return false;
    }
    return true;
}

void SyncWorker::pushChanges()
{
    m_fanout.startRound();
    for (const auto &connection : m_registry.snapshot()) {
        if (connection->session.live && !connection->closeSent) {
            m_fanout.pushTo(*connection);
        }
    }
}

bool SyncWorker::send(Connection &connection, const protocol::Message &message)
{
    return sendFrame(connection, protocol::encode(message), WebSocket::FRAME_TEXT);
}

bool SyncWorker::sendFrame(Connection &connection, const std::string &payload, int flags)
{
    if (payload.size() > static_cast<std::size_t>(INT_MAX)) {
        m_registry.drop(connection.id, "a reply is too large to send");
        return false;
    }
    try {
        const int length = static_cast<int>(payload.size());
        int sent = 0;
        {
            const TlsSendLock tlsLock(connection, m_resumeReading);
            sent = connection.socket.sendFrame(payload.data(), length, flags);
        }
        if (sent == length) {
            return true;
        }
        m_registry.drop(connection.id, "send was incomplete");
    } catch (const Poco::TimeoutException &) {
        m_registry.drop(connection.id, "send timed out; the peer is not reading");
    } catch (const Poco::Exception &error) {
        m_registry.drop(connection.id, "send failed: " + error.displayText());
    }
    return false;
}

void SyncWorker::close(
    Connection &connection, int code, const std::string &reason, bool dropAfterClose)
{
    const std::string description = reason + " (close code " + std::to_string(code) + ")";
    if (!dropAfterClose) {
        // Logged before sending, because the poll thread may log the peer's reply at once.
        poco_information(m_logger, "connection " + connection.id + " closing: " + description);
    }

    connection.closeSent = true;
    try {
        // Close reasons are limited to 123 bytes by RFC 6455.
        const TlsSendLock tlsLock(connection, m_resumeReading);
        connection.socket.shutdown(static_cast<Poco::UInt16>(code), reason.substr(0, 123));
    } catch (const Poco::Exception &error) {
        m_registry.drop(connection.id,
            description + "; sending the close frame failed: " + error.displayText());
        return;
    }
    if (dropAfterClose) {
        m_registry.drop(connection.id, description);
    }
}

} // namespace civicdesk::server
