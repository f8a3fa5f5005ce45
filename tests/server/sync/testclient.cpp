#include "testclient.h"

#include "protocol/codec.h"

#include <QTest>

namespace civicdesk::server {

TestClient::TestClient()
    : m_messages(&m_socket, &QWebSocket::textMessageReceived)
    , m_disconnected(&m_socket, &QWebSocket::disconnected)
{
}

bool TestClient::open(const QUrl &url, int timeoutMs)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(url);
    return connected.wait(timeoutMs) || connected.count() > 0;
}

void TestClient::sendText(const std::string &text)
{
    m_socket.sendTextMessage(QString::fromStdString(text));
}

void TestClient::send(const protocol::Message &message)
{
    sendText(protocol::encode(message));
}

std::optional<std::string> TestClient::nextText(int timeoutMs)
{
    if (m_read >= m_messages.count() && !m_messages.wait(timeoutMs)) {
        return std::nullopt;
    }
    if (m_read >= m_messages.count()) {
        return std::nullopt;
    }
    return m_messages.at(m_read++).at(0).toString().toStdString();
}

std::optional<protocol::Message> TestClient::next(int timeoutMs)
{
    const std::optional<std::string> text = nextText(timeoutMs);
    if (!text) {
        return std::nullopt;
    }
    protocol::DecodeResult decoded = protocol::decode(*text);
    if (!decoded) {
        qWarning("undecodable message from the server: %s", decoded.error.message.c_str());
        return std::nullopt;
    }
    return std::move(decoded.message);
}

bool TestClient::login(const std::string &username, const std::string &password)
{
    send(protocol::Login { "login-" + std::to_string(m_nextRid++), username, password,
        "3f0c1b7e-6a52-4c55-9d0e-2b7a9e1d4c11" });
    return nextOf<protocol::LoginOk>().has_value();
}

std::optional<std::vector<protocol::Change>> TestClient::syncAll(int limit, std::int64_t &cursor)
{
    send(protocol::Hello { "hello-" + std::to_string(m_nextRid++), cursor });
    if (!nextOf<protocol::Welcome>()) {
        return std::nullopt;
    }

    std::vector<protocol::Change> changes;
    for (;;) {
        send(protocol::Fetch { "fetch-" + std::to_string(m_nextRid++), cursor, limit });
        std::optional<protocol::Batch> batch = nextOf<protocol::Batch>();
        if (!batch) {
            return std::nullopt;
        }
        changes.insert(changes.end(), batch->changes.begin(), batch->changes.end());
        cursor = batch->cursor;
        if (!batch->more) {
            return changes;
        }
    }
}

bool TestClient::waitDisconnected(int timeoutMs)
{
    return m_disconnected.count() > 0 || m_disconnected.wait(timeoutMs);
}

} // namespace civicdesk::server
