#include "connectionregistry.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace civicdesk::server {

ConnectionRegistry::ConnectionRegistry(Poco::Logger &logger)
    : m_logger(logger)
{
}

bool ConnectionRegistry::reserve(std::size_t maxConnections)
{
    std::lock_guard lock(m_mutex);
    if (m_connections.size() + m_reserved >= maxConnections) {
        return false;
    }
    ++m_reserved;
    return true;
}

void ConnectionRegistry::cancelReservation()
{
    std::lock_guard lock(m_mutex);
    if (m_reserved > 0) {
        --m_reserved;
    }
}

std::shared_ptr<Connection> ConnectionRegistry::add(const Poco::Net::WebSocket &socket)
{
    std::lock_guard lock(m_mutex);
    auto connection = std::make_shared<Connection>("ws-" + std::to_string(m_nextId++), socket);
    m_pollSet.add(
        connection->socket, Poco::Net::PollSet::POLL_READ | Poco::Net::PollSet::POLL_ERROR);

    // The reservation ends only once polling started. When add() throws, the caller cancels it.
    if (m_reserved > 0) {
        --m_reserved;
    }
    m_connections.emplace(connection->id, connection);
    m_bySocket.emplace(connection->socket.impl(), connection);
    return connection;
}

std::shared_ptr<Connection> ConnectionRegistry::find(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_connections.find(id);
    return found == m_connections.end() ? nullptr : found->second;
}

std::shared_ptr<Connection> ConnectionRegistry::findBySocket(const Poco::Net::Socket &socket) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_bySocket.find(socket.impl());
    return found == m_bySocket.end() ? nullptr : found->second;
}

std::vector<std::shared_ptr<Connection>> ConnectionRegistry::snapshot() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::shared_ptr<Connection>> connections;
    connections.reserve(m_connections.size());
    for (const auto &entry : m_connections) {
        connections.push_back(entry.second);
    }
    return connections;
}

std::size_t ConnectionRegistry::count() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size();
}

void ConnectionRegistry::stopReading(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_connections.find(id);
    if (found == m_connections.end()) {
        return;
    }
    stopPolling(*found->second);
}

void ConnectionRegistry::pauseReading(const Connection &connection)
{
    std::lock_guard lock(m_mutex);
    const Poco::Net::SocketImpl *socket = connection.socket.impl();
    if (m_bySocket.count(socket) > 0 && m_paused.insert(socket).second) {
        removeFromPollSet(connection);
    }
}

void ConnectionRegistry::resumeReading(const Connection &connection)
{
    std::lock_guard lock(m_mutex);
    if (m_paused.erase(connection.socket.impl()) == 0) {
        return;
    }
    try {
        m_pollSet.add(
            connection.socket, Poco::Net::PollSet::POLL_READ | Poco::Net::PollSet::POLL_ERROR);
    } catch (const Poco::Exception &error) {
        poco_warning(m_logger,
            "connection " + connection.id + ": could not resume polling: " + error.displayText());
    }
}

bool ConnectionRegistry::drop(const std::string &id, const std::string &reason)
{
    std::shared_ptr<Connection> connection;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_connections.find(id);
        if (found == m_connections.end()) {
            return false;
        }
        connection = found->second;
        m_connections.erase(found);
        stopPolling(*connection);
    }

    // NOTE: this is a TCP shutdown and not close(), because the other thread may still use the
    // socket. The descriptor is closed when the last reference to the connection goes away,
    // so the kernel cannot reuse its number while that thread still reads or writes it.
    // SocketImpl::shutdown is called by name, because the TLS socket's override sends a TLS
    // close_notify through the SSL object, which the other thread may be using.
    try {
        connection->socket.impl()->Poco::Net::SocketImpl::shutdown();
    } catch (const Poco::Exception &) {
        // The peer may have reset the connection already, so there is nothing left to shut down.
    }
    poco_information(m_logger, "connection " + id + " closed: " + reason);
    return true;
}

void ConnectionRegistry::addWakeSocket(const Poco::Net::Socket &socket)
{
    std::lock_guard lock(m_mutex);
    m_pollSet.add(socket, Poco::Net::PollSet::POLL_READ);
}

Poco::Net::PollSet::SocketModeMap ConnectionRegistry::poll(const Poco::Timespan &timeout)
{
    return m_pollSet.poll(timeout);
}

void ConnectionRegistry::stopPolling(const Connection &connection)
{
    const Poco::Net::SocketImpl *socket = connection.socket.impl();
    if (m_bySocket.erase(socket) == 0) {
        return;
    }
    // A paused socket is out of the poll set already.
    if (m_paused.erase(socket) == 0) {
        removeFromPollSet(connection);
    }
}

void ConnectionRegistry::removeFromPollSet(const Connection &connection)
{
    try {
        m_pollSet.remove(connection.socket);
    } catch (const Poco::Exception &error) {
        poco_warning(m_logger,
            "connection " + connection.id + ": could not stop polling: " + error.displayText());
    }
}

} // namespace civicdesk::server
