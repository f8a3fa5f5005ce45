#pragma once

#include "protocol/messages.h"

#include <QSignalSpy>
#include <QUrl>
#include <QWebSocket>
#include <optional>
#include <string>

namespace civicdesk::server {

/** A QWebSocket that speaks the sync protocol and waits for replies with QSignalSpy. */
class TestClient
{
public:
    TestClient();

    /** Opens the connection. Returns false when it did not connect within timeoutMs. */
    bool open(const QUrl &url, int timeoutMs = 5000);

    void sendText(const std::string &text);
    void send(const protocol::Message &message);

    /** Returns the next text message received, or nothing after timeoutMs. */
    std::optional<std::string> nextText(int timeoutMs = 5000);

    /** Returns the next message decoded, or nothing on timeout or an undecodable message. */
    std::optional<protocol::Message> next(int timeoutMs = 5000);

    /** Returns the next message of type T, skipping pushes that arrive in between. */
    template <typename T> std::optional<T> nextOf(int timeoutMs = 5000)
    {
        while (std::optional<protocol::Message> message = next(timeoutMs)) {
            if (auto *wanted = std::get_if<T>(&*message)) {
                return std::move(*wanted);
            }
            if (!std::holds_alternative<protocol::Push>(*message)) {
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    /** Signs in; returns false unless loginOk arrives. */
    bool login(const std::string &username, const std::string &password);

    /**
     * Sends hello and fetches from cursor until more == false. Returns the changes and
     * leaves the last batch's cursor in cursor.
     */
    std::optional<std::vector<protocol::Change>> syncAll(int limit, std::int64_t &cursor);

    bool waitDisconnected(int timeoutMs = 10000);
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QSignalSpy m_messages;
    QSignalSpy m_disconnected;
    qsizetype m_read = 0;
    int m_nextRid = 1;
};

} // namespace civicdesk::server
