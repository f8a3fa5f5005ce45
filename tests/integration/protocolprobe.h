#pragma once

#include "protocol/messages.h"

#include <QMap>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QWebSocket>

#include <nlohmann/json.hpp>

#include <optional>

/**
 * A minimal second client written with the shared codec only, independent of the client
 * core: it reads the server's view of one user, and sends raw mutations (for replays).
 */
class ProtocolProbe
{
public:
    using RecordKey = QPair<QString, QString>; // entity, id

    bool connectAndLogin(const QUrl &url, const QString &username, const QString &password);
    /** Fetches every change from cursor 0 and folds them into the user's records. */
    bool fetchAll();
    /** Sends one message and waits for the reply with the same request id. */
    std::optional<civicdesk::protocol::Message> request(const civicdesk::protocol::Message &message);
    /** Waits for a push and folds it in; false on timeout. */
    bool waitForPush(int timeoutMs);

    const QMap<RecordKey, nlohmann::json> &records() const { return m_records; }
    QString userId() const { return m_userId; }
    QString lastError() const { return m_error; }

private:
    std::optional<civicdesk::protocol::Message> nextMessage(int timeoutMs);
    void fold(const std::vector<civicdesk::protocol::Change> &changes);

    QWebSocket m_socket;
    QList<QString> m_inbox;
    QMap<RecordKey, nlohmann::json> m_records;
    QString m_userId;
    QString m_error;
    int m_nextRid = 1;
};
