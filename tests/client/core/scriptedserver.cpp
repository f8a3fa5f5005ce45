#include "scriptedserver.h"

#include "domain/ids.h"
#include "protocol/codec.h"

#include <QWebSocket>

namespace proto = civicdesk::protocol;

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
    , m_server(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode)
{
    user.id = "00000000-0000-4000-8000-000000000001";
    user.username = username;
    user.displayName = "Agent One";
    user.teamIds = { "00000000-0000-4000-8000-000000000100" };
    connect(&m_server, &QWebSocketServer::newConnection, this, &ScriptedServer::onNewConnection);
}

ScriptedServer::~ScriptedServer()
{
    shutDown();
}

bool ScriptedServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port)) {
        return false;
    }
    m_port = m_server.serverPort();
    return true;
}

void ScriptedServer::shutDown()
{
    m_server.close();
    dropClients();
}

void ScriptedServer::dropClients()
{
    const QList<QWebSocket *> clients = m_clients;
    m_clients.clear();
    for (QWebSocket *client : clients) {
        client->disconnect(this);
        client->abort();
        client->deleteLater();
    }
}

QUrl ScriptedServer::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port));
}

proto::Change &ScriptedServer::append(proto::Change change)
{
    change.seq = log.empty() ? 1 : log.back().seq + 1;
    log.push_back(std::move(change));
    return log.back();
}

void ScriptedServer::sendPush(std::int64_t from, const std::vector<proto::Change> &changes)
{
    const std::int64_t cursor = changes.empty() ? from : changes.back().seq;
    for (QWebSocket *client : m_clients) {
        reply(client, proto::Push { from, cursor, changes });
    }
}

void ScriptedServer::onNewConnection()
{
    while (QWebSocket *client = m_server.nextPendingConnection()) {
        if (fullConnections > 0) {
            --fullConnections;
            ++rejectedConnections;
            reply(client,
                proto::Error { "", proto::ErrorCode::ServerBusy,
                    "the server has reached its limit of connections", busyRetryAfter });
            client->close(QWebSocketProtocol::CloseCode(4013), QStringLiteral("server full"));
            client->deleteLater();
            continue;
        }
        m_clients.append(client);
        connect(client, &QWebSocket::textMessageReceived, this,
            [this, client](const QString &text) { onTextMessage(client, text); });
        connect(client, &QWebSocket::disconnected, this, [this, client] {
            m_clients.removeAll(client);
            client->deleteLater();
        });
    }
}

void ScriptedServer::reply(QWebSocket *client, const proto::Message &message)
{
    client->sendTextMessage(QString::fromStdString(proto::encode(message)));
}

void ScriptedServer::onTextMessage(QWebSocket *client, const QString &text)
{
    const proto::DecodeResult decoded = proto::decode(text.toStdString());
    if (!decoded) {
        reply(
            client, proto::Error { decoded.error.rid, decoded.error.code, decoded.error.message });
        return;
    }
    const proto::Message &message = *decoded.message;
    Q_EMIT messageReceived(QString::fromUtf8(proto::typeName(message).data()));

    if (const auto *login = std::get_if<proto::Login>(&message)) {
        ++logins;
        if (busyLogins > 0) {
            --busyLogins;
            reply(client,
                proto::Error { login->rid, proto::ErrorCode::ServerBusy,
                    "the server is busy checking other logins", busyRetryAfter });
            return;
        }
        if (login->username != username || login->password != password) {
            reply(client,
                proto::Error { login->rid, proto::ErrorCode::InvalidCredentials,
                    "wrong username or password" });
            return;
        }
        reply(client, proto::LoginOk { login->rid, user, epoch, civicdesk::utcNowIso() });
    } else if (const auto *hello = std::get_if<proto::Hello>(&message)) {
        const std::int64_t head = log.empty() ? 0 : log.back().seq;
        reply(client, proto::Welcome { hello->rid, epoch, head, "2024-05-01T12:00:00.000Z" });
    } else if (const auto *fetch = std::get_if<proto::Fetch>(&message)) {
        answerFetch(client, *fetch);
    } else if (const auto *mutate = std::get_if<proto::Mutate>(&message)) {
        answerMutate(client, *mutate);
    } else if (const auto *accessLog = std::get_if<proto::AccessLog>(&message)) {
        answerAccessLog(client, *accessLog);
    } else if (const auto *ping = std::get_if<proto::Ping>(&message)) {
        if (answerPings) {
            reply(client, proto::Pong { ping->rid, "2024-05-01T12:05:00.000Z" });
        }
    }
}

void ScriptedServer::answerAccessLog(QWebSocket *client, const proto::AccessLog &accessLog)
{
    accessLogs.push_back(accessLog);
    if (accessLogError) {
        reply(client, proto::Error { accessLog.rid, *accessLogError, "scripted access log error" });
        return;
    }
    proto::AccessAck ack { accessLog.rid, {} };
    for (const proto::AccessEntry &entry : accessLog.entries) {
        ack.entryIds.push_back(entry.id);
    }
    reply(client, ack);
}

void ScriptedServer::answerFetch(QWebSocket *client, const proto::Fetch &fetch)
{
    fetchCursors.append(fetch.cursor);
    fetchPages.append(fetch.pages);
    const int pages = multiPageFetches ? fetch.pages : 1;
    std::int64_t cursor = fetch.cursor;
    for (int page = 0; page < pages; ++page) {
        proto::Batch batch { fetch.rid, {}, cursor, false };
        for (const proto::Change &change : log) {
            if (change.seq <= cursor) {
                continue;
            }
            if (int(batch.changes.size()) == fetch.limit) {
                batch.more = true;
                break;
            }
            batch.changes.push_back(change);
            batch.cursor = change.seq;
        }
        batch.follows = batch.more && page + 1 < pages;
        cursor = batch.cursor;
        if (stallAfterBatches < 0) {
            return;
        }
        reply(client, batch);
        if (stallAfterBatches > 0 && --stallAfterBatches == 0) {
            stallAfterBatches = -1;
            return;
        }
        if (closeAfterBatches > 0 && --closeAfterBatches == 0) {
            // close() sends the batches already queued before the close frame.
            client->close();
            return;
        }
        if (!batch.follows) {
            return;
        }
    }
}

void ScriptedServer::answerMutate(QWebSocket *client, const proto::Mutate &mutate)
{
    mutations.push_back(mutate.mutation);
    if (!answerMutations) {
        return;
    }
    if (rejectMutations) {
        reply(client,
            proto::Reject { mutate.rid, mutate.mutation.id, rejectCode,
                "the case changed on the server", rejectCurrent });
        return;
    }
    const std::int64_t seq = log.empty() ? 1 : log.back().seq + 1;
    reply(client,
        proto::Ack { mutate.rid, mutate.mutation.id, mutate.mutation.entityId,
            mutate.mutation.baseVersion + 1, seq });
}
