#pragma once

#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <functional>

/**
 * A loopback TCP proxy between a sync client and the server that counts the WebSocket
 * frames the server sends. With a kill point set, the frame with that number is not
 * forwarded: the proxy calls onKill (which SIGKILLs the server) and drops the client's
 * connection, so the crash happens at an exact step of a sync round.
 */
class KillingProxy : public QObject
{
    Q_OBJECT

public:
    explicit KillingProxy(quint16 serverPort);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    /** Kills before the server's frame number frame (1-based) of the next connections;
     *  0 forwards everything. */
    void setKillPoint(int frame, std::function<void()> onKill);
    /** Server frames counted since the kill point was set. */
    int framesSeen() const { return m_frames; }
    bool killed() const { return m_killed; }

private:
    void acceptClient();
    void forwardFromServer(QTcpSocket *client, QTcpSocket *upstream, QByteArray *pending);

    QTcpServer m_server;
    quint16 m_serverPort = 0;
    int m_killAt = 0;
    int m_frames = 0;
    bool m_killed = false;
    std::function<void()> m_onKill;
};
