#include "killingproxy.h"

#include "websocketframe.h"

#include <memory>

KillingProxy::KillingProxy(quint16 serverPort)
    : m_serverPort(serverPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &KillingProxy::acceptClient);
}

bool KillingProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void KillingProxy::setKillPoint(int frame, std::function<void()> onKill)
{
    m_killAt = frame;
    m_frames = 0;
    m_killed = false;
    m_onKill = std::move(onKill);
}

void KillingProxy::acceptClient()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        auto pending = std::make_shared<QByteArray>();
        // Bytes the client sends before the upstream connection is up wait in its buffer.
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState) {
                upstream->write(client->readAll());
            }
        });
        connect(upstream, &QTcpSocket::readyRead, client,
            [this, client, upstream, pending] {
                forwardFromServer(client, upstream, pending.get());
            });
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(upstream, &QTcpSocket::errorOccurred, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::connected, upstream,
            [client, upstream] { upstream->write(client->readAll()); });
        upstream->connectToHost(QHostAddress::LocalHost, m_serverPort);
    }
}

void KillingProxy::forwardFromServer(QTcpSocket *client, QTcpSocket *upstream, QByteArray *pending)
{
    pending->append(upstream->readAll());
    // The HTTP upgrade response comes first; frames follow the blank line.
    if (!client->property("upgraded").toBool()) {
        const int end = pending->indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        client->write(pending->left(end + 4));
        pending->remove(0, end + 4);
        client->setProperty("upgraded", true);
    }
    while (true) {
        const int length = WebSocketFrame::completeLength(*pending);
        if (length == 0) {
            return;
        }
        ++m_frames;
        if (m_killAt > 0 && m_frames == m_killAt && !m_killed) {
            m_killed = true;
            if (m_onKill) {
                m_onKill();
            }
            pending->clear();
            client->abort();
            return;
        }
        client->write(pending->left(length));
        pending->remove(0, length);
    }
}
