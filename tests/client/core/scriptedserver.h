#pragma once

#include "protocol/messages.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocketServer>
#include <optional>
#include <vector>

class QWebSocket;

/**
 * An in-process sync server on 127.0.0.1 that speaks the protocol through the shared codec
 * and follows a script: a change log it pages out, a password, and switches to reject
 * mutations or ignore pings. Records what the client sent.
 */
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    bool listen(quint16 port = 0);
    /** Stops listening and closes every client connection. */
    void shutDown();
    void dropClients();
    QUrl url() const;
    quint16 port() const { return m_port; }
    int clientCount() const { return int(m_clients.size()); }

    /** Appends a change with the next sequence number and returns it. */
    civicdesk::protocol::Change &append(civicdesk::protocol::Change change);
    void sendPush(std::int64_t from, const std::vector<civicdesk::protocol::Change> &changes);

    std::string epoch = "epoch-1";
    std::string username = "agent1";
    std::string password = "correct horse";
    civicdesk::StaffUser user;
    std::vector<civicdesk::protocol::Change> log;
    bool answerPings = true;
    // The next busyLogins logins get a server.busy reply with this retryAfter in seconds.
    int busyLogins = 0;
    std::int64_t busyRetryAfter = 0;
    // The next fullConnections connections are rejected as a full server rejects them: a
    // server.busy error without a rid, with busyRetryAfter, then a close with code 4013.
    int fullConnections = 0;
    int rejectedConnections = 0;
    bool answerMutations = true;
    bool rejectMutations = false;
    civicdesk::protocol::ErrorCode rejectCode = civicdesk::protocol::ErrorCode::MutationConflict;
    nlohmann::json rejectCurrent;

    // accessLog gets accessAck, or with accessLogError set, an error with that code.
    std::optional<civicdesk::protocol::ErrorCode> accessLogError;
    std::vector<civicdesk::protocol::AccessLog> accessLogs;

    // False makes the server reply to each fetch with one batch whatever its pages, as a
    // server without multi-page fetches does.
    bool multiPageFetches = true;
    // When positive, the connection is closed right after this many more batches are sent.
    int closeAfterBatches = 0;
    // When positive, the server sends no batch after this many more, and the connection
    // stays open, as with a server that stopped replying. It is -1 while the server
    // stalls; 0 makes it reply again.
    int stallAfterBatches = 0;

    int logins = 0;
    QList<std::int64_t> fetchCursors;
    QList<int> fetchPages;
    std::vector<civicdesk::protocol::Mutation> mutations;

Q_SIGNALS:
    void messageReceived(const QString &type);

private:
    void onNewConnection();
    void onTextMessage(QWebSocket *client, const QString &text);
    void reply(QWebSocket *client, const civicdesk::protocol::Message &message);
    void answerFetch(QWebSocket *client, const civicdesk::protocol::Fetch &fetch);
    void answerMutate(QWebSocket *client, const civicdesk::protocol::Mutate &mutate);
    void answerAccessLog(QWebSocket *client, const civicdesk::protocol::AccessLog &accessLog);

    QWebSocketServer m_server;
    QList<QWebSocket *> m_clients;
    quint16 m_port = 0;
};
