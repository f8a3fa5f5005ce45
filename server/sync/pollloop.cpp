#include "pollloop.h"

#include "connectionregistry.h"
#include "workqueue.h"

#include <Poco/Buffer.h>
#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>

namespace civicdesk::server {

namespace {

// Upper bound on one wait, so idle checks run about once a second.
const Poco::Timespan PollInterval(1, 0);

// Frames read from one connection per round before others get their turn.
constexpr int MaxFramesPerRound = 16;

// How long a closing connection waits for the peer's close frame before it is dropped.
constexpr auto CloseGracePeriod = std::chrono::seconds(5);

// Wait for other sockets while a deferred connection has buffered frames. Each round reads
// some of them, so waiting would only delay the rest.
const Poco::Timespan NoWait(0);

} // namespace

PollLoop::PollLoop(ConnectionRegistry &registry, WorkQueue &queue, Poco::Logger &logger,
    const SyncOptions &options)
    : m_registry(registry)
    , m_queue(queue)
    , m_logger(logger)
    , m_options(options)
    , m_wakeReceiver(Poco::Net::SocketAddress("127.0.0.1", 0))
    , m_lastIdleCheck(std::chrono::steady_clock::now())
{
    // The PollSet waits on sockets only, so a loopback datagram socket wakes the thread. It
    // also keeps the set non-empty, because Poco 1.11's PollSet::poll returns at once when
    // the set is empty.
    m_wakeReceiver.setBlocking(false);
    m_wakeSender.connect(m_wakeReceiver.address());
    m_registry.addWakeSocket(m_wakeReceiver);
}

void PollLoop::run()
{
    while (!m_stopping) {
        Poco::Net::PollSet::SocketModeMap ready;
        try {
            ready = m_registry.poll(m_deferred.empty() ? PollInterval : NoWait);
        } catch (const Poco::Exception &error) {
            poco_warning(m_logger, "waiting for sockets failed: " + error.displayText());
            continue;
        }

        for (const auto &[socket, mode] : ready) {
            if (socket == m_wakeReceiver) {
                drainWakeSocket();
            } else if (auto connection = m_registry.findBySocket(socket)) {
                readConnection(connection);
            }
        }

        readPending();
        readDeferred();
        closeIdleConnections();
    }
}

void PollLoop::stop()
{
    m_stopping = true;
    wake();
}

void PollLoop::readSoon(const std::string &connectionId)
{
    {
        std::lock_guard lock(m_pendingMutex);
        m_pending.push_back(connectionId);
    }
    wake();
}

void PollLoop::wake()
{
    const char byte = 0;
    try {
        m_wakeSender.sendBytes(&byte, 1);
    } catch (const Poco::Exception &error) {
        poco_warning(m_logger, "waking the poll thread failed: " + error.displayText());
    }
}

void PollLoop::drainWakeSocket()
{
    char buffer[64];
    try {
        while (m_wakeReceiver.available() > 0) {
            m_wakeReceiver.receiveBytes(buffer, sizeof buffer);
        }
    } catch (const Poco::Exception &) {
        // Nothing is left to read, which a non-blocking socket reports as an error.
    }
}

void PollLoop::readPending()
{
    std::vector<std::string> pending;
    {
        std::lock_guard lock(m_pendingMutex);
        pending.swap(m_pending);
    }
    for (const std::string &id : pending) {
        if (auto connection = m_registry.find(id)) {
            m_registry.resumeReading(*connection);
            readConnection(connection);
        }
    }
}

void PollLoop::readDeferred()
{
    std::vector<std::string> deferred;
    deferred.swap(m_deferred);
    for (const std::string &id : deferred) {
        if (auto connection = m_registry.find(id)) {
            readConnection(connection);
        }
    }
}

void PollLoop::readConnection(const std::shared_ptr<Connection> &connection)
{
    // The worker may be sending on this TLS session. Waiting for it could stall every
    // connection for up to sendTimeout, so the connection is parked instead. It leaves the
    // level-triggered poll set, which would report it on every round, and the worker calls
    // readSoon() when it releases the lock.
    std::unique_lock<std::mutex> tlsLock;
    if (connection->secure) {
        tlsLock = connection->tryLockTlsForRead();
        if (!tlsLock.owns_lock()) {
            m_registry.pauseReading(*connection);
            return;
        }
    }

    // NOTE: a frame is read with the blocking socket and its receive timeout, so a peer that
    // stops halfway through a frame stalls this thread for up to receiveTimeout before it is
    // dropped. Poco 1.11's WebSocketImpl keeps no state between receiveHeader and
    // receivePayload, so a non-blocking read would lose a partly received frame.
    try {
        // NOTE: the poll set has been seen to report a connection readable when it has
        // nothing to read, and a blocking read of it would stall every client for the full
        // receive timeout. A zero-wait check of this socket alone guards against that.
        // WebSocket::available() counts the bytes in Poco's frame buffer and, for TLS, the
        // decrypted bytes in the buffer of OpenSSL (SSL_pending in Poco 1.11). The poll set
        // reports neither, so the check and the loop below include both.
        const int readable = Poco::Net::Socket::SELECT_READ | Poco::Net::Socket::SELECT_ERROR;
        if (connection->socket.available() == 0
            && !connection->socket.poll(Poco::Timespan(0), readable)) {
            return;
        }
        int frames = 0;
        do {
            if (!readFrame(*connection)) {
                return;
            }
            ++frames;
        } while (frames < MaxFramesPerRound && connection->socket.available() > 0);
        // Buffered frames left after the cap would wait for the next packet, because the poll
        // set does not see them, so the connection is read again on the next round.
        if (connection->socket.available() > 0) {
            m_deferred.push_back(connection->id);
        }
    } catch (const Poco::TimeoutException &) {
        m_registry.drop(connection->id, "receive timed out in the middle of a frame");
    } catch (const Poco::Net::WebSocketException &error) {
        // The rest of the frame is unread, so no later frame can be found: close at once.
        if (error.code() == Poco::Net::WebSocket::WS_ERR_PAYLOAD_TOO_BIG) {
            requestClose(*connection, Poco::Net::WebSocket::WS_PAYLOAD_TOO_BIG,
                "frame exceeds " + std::to_string(m_options.maxMessageBytes) + " bytes", true);
        } else {
            m_registry.drop(connection->id, "invalid frame: " + error.displayText());
        }
    } catch (const Poco::Exception &error) {
        m_registry.drop(connection->id, "receive failed: " + error.displayText());
    }
}

bool PollLoop::readFrame(Connection &connection)
{
    Poco::Buffer<char> buffer(0);
    int flags = 0;
    const int size = connection.socket.receiveFrame(buffer, flags);
    if (size <= 0 && flags == 0) {
        m_registry.drop(connection.id, "the peer closed the TCP connection");
        return false;
    }
    connection.lastFrameAt = Connection::Clock::now();
    if (connection.closing) {
        return handleClosingFrame(connection, flags);
    }

    const std::string_view payload(buffer.begin(), buffer.size());
    FrameOutcome outcome =
        applyFrame(connection.assembly, flags, payload, m_options.maxMessageBytes);
    switch (outcome.action) {
    case FrameOutcome::Action::None:
        return true;
    case FrameOutcome::Action::Message:
        m_queue.post({ WorkItem::Kind::Message, connection.id, std::move(outcome.text), 0, false });
        return true;
    case FrameOutcome::Action::Pong:
        m_queue.post({ WorkItem::Kind::Pong, connection.id, std::move(outcome.text), 0, false });
        return true;
    case FrameOutcome::Action::Close: {
        // After a close frame from the peer, the reply is sent and the connection dropped at
        // once. Other closes wait for the peer's close frame, so that no unread data turns the
        // TCP close into a reset.
        const bool peerClosed = (flags & Poco::Net::WebSocket::FRAME_OP_BITMASK)
            == Poco::Net::WebSocket::FRAME_OP_CLOSE;
        requestClose(connection, outcome.closeCode, outcome.text, peerClosed);
        return !peerClosed;
    }
    }
    return false;
}

bool PollLoop::handleClosingFrame(Connection &connection, int flags)
{
    if ((flags & Poco::Net::WebSocket::FRAME_OP_BITMASK) != Poco::Net::WebSocket::FRAME_OP_CLOSE) {
        return true; // data after our close frame is discarded
    }
    m_registry.drop(connection.id, "closing handshake completed");
    return false;
}

void PollLoop::requestClose(
    Connection &connection, int code, const std::string &reason, bool dropAfterClose)
{
    if (!connection.beginClosing()) {
        return;
    }
    if (dropAfterClose) {
        m_registry.stopReading(connection.id);
    }
    m_queue.post({ WorkItem::Kind::Close, connection.id, reason, code, dropAfterClose });
}

void PollLoop::closeIdleConnections()
{
    const auto now = Connection::Clock::now();
    if (now - m_lastIdleCheck < std::chrono::seconds(1)) {
        return;
    }
    m_lastIdleCheck = now;

    const auto limit = std::chrono::seconds(m_options.idleTimeoutSeconds);
    for (const auto &connection : m_registry.snapshot()) {
        if (connection->closing) {
            if (now - connection->closingStartedAt() > CloseGracePeriod) {
                m_registry.drop(connection->id, "the peer did not answer the close frame");
            }
        } else if (now - connection->lastFrameAt > limit) {
            requestClose(*connection, Poco::Net::WebSocket::WS_NORMAL_CLOSE,
                "idle for more than " + std::to_string(m_options.idleTimeoutSeconds) + " s", false);
        } else {
            sendHeartbeatIfDue(*connection, now);
        }
    }
}

void PollLoop::sendHeartbeatIfDue(Connection &connection, Connection::Clock::time_point now)
{
    const int interval = m_options.heartbeatSeconds;
    if (interval <= 0 || interval >= m_options.idleTimeoutSeconds) {
        return;
    }
    const auto period = std::chrono::seconds(interval);
    if (now - connection.lastFrameAt < period || now - connection.lastHeartbeatAt < period) {
        return;
    }
    connection.lastHeartbeatAt = now;
    m_queue.post({ WorkItem::Kind::Heartbeat, connection.id, "heartbeat", 0, false });
}

} // namespace civicdesk::server
