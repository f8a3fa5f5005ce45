#pragma once

#include "frameassembly.h"
#include "store/store.h"

#include <Poco/Net/WebSocket.h>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <utility>

namespace civicdesk::server {

/** Protocol state of one connection. Only the worker thread reads or writes it. */
struct SyncSession
{
    bool authenticated = false;
    StaffUser user;
    AccessScope scope;
    int failedLogins = 0;
    bool live = false; // set once a fetch returned more == false, so pushes go to it
    std::int64_t cursor = 0; // position the next push starts from
    // The last cursor sent to the client. Pages with nothing in scope advance cursor but not
    // this, so a push's `from` is never past what the client holds.
    std::int64_t clientCursor = 0;
    int closeCode = 0; // non-zero: close with this status after the reply is sent
    std::string closeReason;
};

/**
 * One upgraded WebSocket. The poll thread alone reads frames and owns the reassembly
 * fields. The worker thread alone sends and owns the session. The registry's mutex guards
 * membership, so either thread may drop the connection.
 */
struct Connection
{
    using Clock = std::chrono::steady_clock;

    Connection(std::string connectionId, const Poco::Net::WebSocket &webSocket)
        : id(std::move(connectionId))
        , socket(webSocket)
        , secure(webSocket.secure())
    {
    }

    /**
     * Locks the TLS session for one read or write. OpenSSL forbids using one SSL object from
     * two threads at once, and the poll thread reads while the worker writes. A plain socket
     * needs no lock, so the returned lock is empty for it.
     * NOTE: a peer that stops in the middle of a TLS record holds up the poll thread's read
     * and this lock for up to twice the receive timeout. Poco 1.11 waits once more for
     * readability after the socket's own timeout. A send to that connection waits as long.
     */
    std::unique_lock<std::mutex> lockTls()
    {
        return secure ? std::unique_lock(tlsMutex) : std::unique_lock<std::mutex>();
    }

    /**
     * Tries to lock the TLS session for the poll thread's read without waiting. When a sender
     * holds it, the returned lock is empty and the connection is marked parked, so that the
     * sender's releaseTls() returns true and the sender re-arms reading.
     */
    std::unique_lock<std::mutex> tryLockTlsForRead()
    {
        const std::lock_guard parkLock(parkMutex);
        std::unique_lock tlsLock(tlsMutex, std::try_to_lock);
        if (!tlsLock.owns_lock()) {
            readParked = true;
        }
        return tlsLock;
    }

    /**
     * Releases a sender's lock from lockTls(). Returns true when the poll thread parked the
     * connection meanwhile, and then the caller must make the poll thread read it again.
     */
    bool releaseTls(std::unique_lock<std::mutex> &tlsLock)
    {
        if (!tlsLock.owns_lock()) {
            return false;
        }
        // Under parkMutex, the poll thread's failed try-lock and its parked mark form one step.
        // So either this unlock comes first and the try-lock succeeds, or readParked is set.
        const std::lock_guard parkLock(parkMutex);
        tlsLock.unlock();
        return std::exchange(readParked, false);
    }

    /**
     * Marks the start of the closing handshake. Returns false if it had started already.
     * From then on data frames are discarded and the connection is dropped when the peer's
     * close frame arrives or the grace period ends.
     */
    bool beginClosing()
    {
        bool expected = false;
        if (!closing.compare_exchange_strong(expected, true)) {
            return false;
        }
        closingSince = Clock::now().time_since_epoch().count();
        return true;
    }

    Clock::time_point closingStartedAt() const
    {
        return Clock::time_point(Clock::duration(closingSince.load()));
    }

    const std::string id;
    Poco::Net::WebSocket socket;
    const bool secure; // TLS: reads and writes hold tlsMutex
    std::mutex tlsMutex;
    std::mutex parkMutex; // guards readParked and orders it with the TLS lock's try and release
    bool readParked = false; // the poll thread stopped reading until the sender releases

    // Either thread.
    std::atomic<bool> closing = false;
    std::atomic<Clock::rep> closingSince = 0;

    // Poll thread only.
    MessageAssembly assembly;
    Clock::time_point lastFrameAt = Clock::now();
    Clock::time_point lastHeartbeatAt = Clock::now();

    // Worker thread only.
    SyncSession session;
    bool closeSent = false; // nothing but the close frame may follow it
    // A login of this connection is on the login pool. Until its result is handled, later
    // messages wait in heldMessages so that they are handled in the order they arrived.
    bool loginPending = false;
    std::deque<std::string> heldMessages;
};

} // namespace civicdesk::server
