#pragma once

#include "connection.h"

#include <Poco/Net/PollSet.h>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace civicdesk::server {

/**
 * The open connections by id, and the PollSet the poll thread waits on. One mutex guards
 * both, so a connection leaves the map and the PollSet together and either thread can drop
 * it. Thread-safe.
 */
class ConnectionRegistry
{
public:
    explicit ConnectionRegistry(Poco::Logger &logger);

    /**
     * Reserves a place for a connection being upgraded. Returns false when open and reserved
     * connections already reach maxConnections. After a true result the caller must call add()
     * or cancelReservation().
     */
    bool reserve(std::size_t maxConnections);
    void cancelReservation();

    /** Adds an upgraded socket under a reservation, starts polling it and returns it. */
    std::shared_ptr<Connection> add(const Poco::Net::WebSocket &socket);

    std::shared_ptr<Connection> find(const std::string &id) const;
    std::shared_ptr<Connection> findBySocket(const Poco::Net::Socket &socket) const;
    std::vector<std::shared_ptr<Connection>> snapshot() const;
    std::size_t count() const;

    /** Stops polling a connection that is about to be closed. It stays in the map. */
    void stopReading(const std::string &id);

    /**
     * Takes a connection out of the poll set while a sender holds its TLS lock, because the
     * level-triggered poll set would otherwise report it readable on every round.
     */
    void pauseReading(const Connection &connection);

    /** Puts a connection that pauseReading() took out back into the poll set. */
    void resumeReading(const Connection &connection);

    /**
     * Removes the connection, shuts its TCP connection down and logs reason. Returns false
     * when it was already gone, so only the first caller logs.
     */
    bool drop(const std::string &id, const std::string &reason);

    /** Adds a socket that is not a connection (the poll thread's wake-up socket). */
    void addWakeSocket(const Poco::Net::Socket &socket);

    /** Waits up to timeout and returns the sockets with something to read or an error. */
    Poco::Net::PollSet::SocketModeMap poll(const Poco::Timespan &timeout);

private:
    // Both need m_mutex held. stopPolling() also removes the socket from m_bySocket, so that
    // resumeReading() does not poll it again.
    void stopPolling(const Connection &connection);
    void removeFromPollSet(const Connection &connection);

    Poco::Logger &m_logger;
    mutable std::mutex m_mutex;
    Poco::Net::PollSet m_pollSet; // add and remove under m_mutex, but poll() needs no lock
    std::map<std::string, std::shared_ptr<Connection>> m_connections;
    std::map<const Poco::Net::SocketImpl *, std::shared_ptr<Connection>> m_bySocket;
    // Sockets of m_bySocket that pauseReading() took out of the poll set.
    std::set<const Poco::Net::SocketImpl *> m_paused;
    std::size_t m_reserved = 0;
    std::uint64_t m_nextId = 1;
};

} // namespace civicdesk::server
