#pragma once

#include "domain/records.h"
#include "protocol/messages.h"
#include "sync/backoff.h"

#include <optional>
#include <QDateTime>
#include <QSslConfiguration>
#include <QSslError>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace CivicDesk {

class Cache;

/**
 * The sync connection of one signed-in user: logs in, catches up from the cache's cursor in
 * pages, applies live pushes, sends the outbox one mutation at a time, uploads the access
 * log in pages, pings every 30 s and reconnects with exponential backoff and jitter. Every
 * message goes through the shared codec. Lives on the cache's thread; the cache is not owned and must outlive it.
 */
class SyncClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, LoggingIn, CatchingUp, Live };
    Q_ENUM(State)

    // ServerBusy is temporary: the server's login queue was full, and a reconnect follows
    // after its retryAfter hint.
    // CertificateUntrusted is final: the server's TLS certificate failed verification, and
    // the client stops instead of reconnecting.
    enum class Failure {
        InvalidCredentials,
        ProtocolError,
        ServerError,
        ServerBusy,
        CertificateUntrusted,
    };
    Q_ENUM(Failure)

    struct Timings
    {
        std::chrono::milliseconds pingInterval { 30000 };
        std::chrono::milliseconds pongTimeout { 15000 };
        std::chrono::milliseconds backoffInitial { 1000 };
        std::chrono::milliseconds backoffMaximum { 60000 };
        int fetchLimit = 500; // changes per page, 1..protocol::MaxFetchLimit
        // Pages per fetch, 1..protocol::MaxFetchPages. The server sends them in a row, so it
        // reads the next page while the client writes this one.
        int fetchPages = 4;
        int accessLogPage = 200; // entries per accessLog, 1..protocol::MaxAccessEntries
    };

    static constexpr const char *EpochKey = "serverEpoch";
    static constexpr const char *ServerTimeKey = "lastSyncServerTime";

    SyncClient(Cache &cache, const QString &clientId, QObject *parent = nullptr);
    ~SyncClient() override;

    void setTimings(const Timings &timings);
    /** Sets the TLS configuration of wss:// connections, such as extra trusted CAs. */
    void setSslConfiguration(const QSslConfiguration &configuration);
    /** Connects and keeps reconnecting until stop(), a login refused for credentials or a
     *  TLS certificate that fails verification. */
    void start(const QUrl &url, const QString &username, const QString &password);
    void stop();

    State state() const { return m_state; }
    bool isRunning() const { return m_running; }
    civicdesk::StaffUser user() const { return m_user; }
    QDateTime lastServerTime() const { return m_lastServerTime; }
    /** Sends the next queued mutation when logged in and none is in flight, and the next
     *  page of the access log when none is in flight. */
    void sendPendingMutations();
    /** Sends the next page of the user's waiting access entries when logged in, none is in
     *  flight and the server has not rejected the log on this connection. */
    void sendAccessLog();

Q_SIGNALS:
    void stateChanged(CivicDesk::SyncClient::State state);
    void loggedIn(const QString &userId);
    void loginFailed(CivicDesk::SyncClient::Failure failure, const QString &detail);
    /** The connection ended or could not be made; a reconnect follows while running. */
    void connectionLost(bool wasLoggedIn);
    void progress(qint64 received, qint64 total);
    void caughtUp(const QDateTime &serverTime);
    void cacheChanged(const QStringList &entities);
    void mutationAcknowledged(const QString &mutationId);
    /** Reports a rejected case edit. editRejected reports the edits of every entity. */
    void mutationRejected(const QString &caseId, const QString &code, const QString &message);
    /** Reports that the server applied a queued edit of entity (case, routingRule or
     *  priorityWeights). */
    void editAcknowledged(
        const QString &entity, const QString &entityId, const QString &mutationId);
    /** Reports that the server rejected a queued edit, with the server's message verbatim. */
    void editRejected(const QString &entity, const QString &entityId, const QString &mutationId,
        const QString &code, const QString &message);
    void outboxChanged();
    void serverEpochChanged();
    /** The server stored entries of the access log and the cache marked them uploaded. */
    void accessLogUploaded(int entries);

private:
    void connectNow();
    void setState(State state);
    void send(const civicdesk::protocol::Message &message);
    QString nextRid();
    void dropConnection(const QString &reason);

    void onConnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void onTextMessage(const QString &text);
    void onPingTimer();
    void onPongTimeout();

    void handleLoginOk(const civicdesk::protocol::LoginOk &message);
    void handleWelcome(const civicdesk::protocol::Welcome &message);
    void handleBatch(civicdesk::protocol::Batch &message);
    void handlePush(const civicdesk::protocol::Push &message);
    void handleAck(const civicdesk::protocol::Ack &message);
    void handleReject(const civicdesk::protocol::Reject &message);
    void handlePong(const civicdesk::protocol::Pong &message);
    void handleError(const civicdesk::protocol::Error &message);
    void handleAccessAck(const civicdesk::protocol::AccessAck &message);
    /** Handles an error reply to the access log in flight; false for a server failure,
     *  which drops the connection as other failures do. */
    bool handleAccessLogError(const civicdesk::protocol::Error &message);

    bool applyChanges(const std::vector<civicdesk::protocol::Change> &changes, qint64 cursor);
    /** Writes a catch-up page into the cache's held transaction. Returns false when the
     *  write failed or the pages written before it were lost. */
    bool writeCatchUpPage(const std::vector<civicdesk::protocol::Change> &changes, qint64 cursor);
    /** Commits the catch-up pages written so far and reports them. Returns false when they
     *  were not saved. */
    bool commitCatchUp();
    /** Rolls back the catch-up pages not yet committed. */
    void abandonCatchUp();
    /** Abandons the catch-up and drops the connection, so the reconnect fetches again from
     *  the stored cursor. */
    void failCatchUp();
    /** Builds the indexes that the first catch-up deferred, if any; logs a failure. */
    void buildDeferredIndexes();
    /** Signals the queued edits that purges of cases from the user's scope rejected. */
    void reportPurgeRejections(const QStringList &caseIds);
    /** Returns the change after which the server lost data this cache had seen, if any. */
    std::optional<qint64> lostChangesAfter(
        const civicdesk::protocol::Welcome &message, const QString &storedEpoch) const;
    bool resetForNewEpoch(const QString &epoch, std::optional<qint64> lostAfter);
    void requestFetch();
    void requestFetch(qint64 cursor);
    void rememberServerTime(const std::string &serverTime);

    Cache &m_cache;
    QString m_clientId;
    QWebSocket m_socket;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    QTimer m_reconnectTimer;
    Timings m_timings;
    Backoff m_backoff;
    // The server's retryAfter hint for the next reconnect, 0 when it gave none.
    std::chrono::milliseconds m_retryAfter { 0 };

    QUrl m_url;
    QString m_username;
    QString m_password;
    bool m_running = false;
    bool m_attemptOpen = false;
    bool m_loggedIn = false;
    State m_state = State::Disconnected;
    civicdesk::StaffUser m_user;
    QDateTime m_lastServerTime;

    qint64 m_ridCounter = 0;
    QString m_loginRid;
    QString m_fetchRid;
    QString m_mutationRid;
    QString m_mutationId;
    QString m_accessRid; // request id of the accessLog in flight, empty when none
    // The server replied to this connection's accessLog with an error other than
    // server.internal (an older server, or checks that differ), so the log waits for the next
    // connection.
    bool m_accessLogRejected = false;
    // Catch-up pages in the cache's held transaction. m_heldCursor is the cursor that the
    // transaction stores, or -1 when no page waits for its commit.
    qint64 m_heldCursor = -1;
    std::size_t m_heldChanges = 0;
    QStringList m_heldEntities;
    QTimer m_catchUpCommitTimer;
    qint64 m_received = 0;
    qint64 m_estimatedTotal = 0;
    QDateTime m_welcomeTime;
};

} // namespace CivicDesk
