#pragma once

#include "protocol/messages.h"

#include <QObject>
#include <QWebSocketServer>
#include <vector>

class QWebSocket;

/**
 * An in-process sync server on 127.0.0.1 with a fixed script: accepts one username and
 * password, then serves one batch of changes and acknowledges every mutation. Speaks the
 * real protocol through the shared codec.
 */
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    ScriptedServer(std::string username, std::string password, civicdesk::StaffUser user,
        std::vector<civicdesk::protocol::Change> changes, QObject *parent = nullptr);

    /** Listens on a free port; returns false when no port can be opened. */
    bool listen();
    QUrl url() const;
    int loginCount() const { return m_loginCount; }
    /** Replies server.busy to the next count logins. */
    void setBusyLogins(int count) { m_busyLogins = count; }

private:
    void onNewConnection();
    void onMessage(QWebSocket *socket, const QString &text);
    civicdesk::protocol::Message reply(const civicdesk::protocol::Message &request);

    QWebSocketServer m_server;
    std::string m_username;
    std::string m_password;
    civicdesk::StaffUser m_user;
    std::vector<civicdesk::protocol::Change> m_changes;
    int m_loginCount = 0;
    int m_busyLogins = 0;
};
