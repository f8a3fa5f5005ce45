#include "scriptedserver.h"

#include "protocol/codec.h"

#include <QHostAddress>
#include <QWebSocket>

using namespace civicdesk;
using namespace civicdesk::protocol;

namespace {

constexpr auto ServerEpoch = "6f1c2a52-3f5e-4f0e-9a55-2d0c4b1e7a10";
constexpr auto ServerTime = "2024-05-02T09:30:00Z";

} // namespace

ScriptedServer::ScriptedServer(std::string username, std::string password, StaffUser user,
    std::vector<Change> changes, QObject *parent)
    : QObject(parent)
    , m_server(QStringLiteral("civicdesk-scripted"), QWebSocketServer::NonSecureMode)
    , m_username(std::move(username))
    , m_password(std::move(password))
    , m_user(std::move(user))
    , m_changes(std::move(changes))
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &ScriptedServer::onNewConnection);
}

bool ScriptedServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedServer::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort()));
}

void ScriptedServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { onMessage(socket, text); });
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void ScriptedServer::onMessage(QWebSocket *socket, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const DecodeResult decoded = decode(std::string_view(utf8.constData(), utf8.size()));
    Message answer = decoded
        ? reply(*decoded.message)
        : Message(Error { decoded.error.rid, decoded.error.code, decoded.error.message });
    socket->sendTextMessage(QString::fromStdString(encode(answer)));
}

Message ScriptedServer::reply(const Message &request)
{
    if (const auto *login = std::get_if<Login>(&request)) {
        ++m_loginCount;
        if (m_busyLogins > 0) {
            --m_busyLogins;
            return Error { login->rid, ErrorCode::ServerBusy, "the server is busy", 1 };
        }
        if (login->username != m_username || login->password != m_password) {
            return Error { login->rid, ErrorCode::InvalidCredentials,
                "wrong username or password" };
        }
        return LoginOk { login->rid, m_user, ServerEpoch, ServerTime };
    }
    if (const auto *hello = std::get_if<Hello>(&request)) {
        return Welcome { hello->rid, ServerEpoch, std::int64_t(m_changes.size()), ServerTime };
    }
    if (const auto *fetch = std::get_if<Fetch>(&request)) {
        std::vector<Change> pending;
        for (const Change &change : m_changes) {
            if (change.seq > fetch->cursor) {
                pending.push_back(change);
            }
        }
        return Batch { fetch->rid, pending, std::int64_t(m_changes.size()), false };
    }
    if (const auto *mutate = std::get_if<Mutate>(&request)) {
        return Ack { mutate->rid, mutate->mutation.id, mutate->mutation.entityId,
            mutate->mutation.baseVersion + 1, std::int64_t(m_changes.size()) };
    }
    if (const auto *ping = std::get_if<Ping>(&request)) {
        return Pong { ping->rid, ServerTime };
    }
    return Error { std::string(), ErrorCode::UnknownType, "not scripted" };
}
