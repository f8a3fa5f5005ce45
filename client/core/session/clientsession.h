#pragma once

#include "data/clientrecords.h"
#include "sync/conflictresolver.h"
#include "sync/outbox.h"
#include "sync/syncclient.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

namespace CivicDesk {

class Repository;

/**
 * The client's core: owns the encrypted cache, the outbox and the sync connection of one
 * signed-in user, and offers the edits a civil servant makes. Lives on the GUI thread; all
 * work is asynchronous and reported through signals. Emits codes, never translated text.
 */
class ClientSession : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, Connecting, Syncing, Online, Offline };
    Q_ENUM(State)

    enum class ErrorCode {
        None,
        InvalidCredentials, // the server rejected username or password
        ServerUnreachable, // no connection and no usable cache for this account
        PassphraseRequired, // no OS keychain: the cache key needs the user's passphrase
        WrongPassphrase, // the passphrase does not unlock this cache
        CacheUnreadable, // the cache file is damaged or the key is wrong
        ProtocolError, // the server sent something this client cannot read
        ServerError, // the server failed (server.internal)
        InsecureServerUrl, // ws:// to a host that is not loopback: only wss:// may leave it
        CaCertificateUnreadable, // the CA certificate file cannot be read or contains none
        CertificateUntrusted, // the server's TLS certificate failed verification
    };
    Q_ENUM(ErrorCode)

    struct SignInRequest
    {
        QUrl serverUrl; // wss://host:port/ws, or ws:// to a loopback address
        QString username;
        QString password;
        QString passphrase; // used only when no OS keychain is available
        // PEM file of certificate authorities trusted besides the system's, or empty.
        QString caCertificateFile;
    };

    /** dataDirectory holds one cache file per server and user. */
    explicit ClientSession(const QString &dataDirectory, QObject *parent = nullptr);
    ~ClientSession() override;

    /**
     * Opens the account's cache (creating it on first use) and connects. With no network
     * and an existing cache, signs in offline after checking the password against the hash
     * kept in the cache, and keeps retrying the server with backoff.
     */
    void signIn(const SignInRequest &request);
    void signOut();

    /** Returns true when no OS keychain is usable, so signIn needs a passphrase. */
    bool keychainAvailable() const;

    State state() const;
    UserInfo currentUser() const;
    Repository *repository() const; // null until signed in
    int pendingCount() const;
    int rejectedCount() const;
    QDateTime lastSyncServerTime() const;
    QString cacheFilePath() const;
    /** Returns true while the server's last reply to a sign-in was server.busy. The session
     *  keeps retrying with backoff meanwhile, also before the first sign-in completes. */
    bool isServerBusy() const;

    /** Edits: applied to the cache at once, queued in the outbox, sent when online. Each
     *  returns the mutation id, or an empty string when the case is unknown. */
    QString claimCase(const QString &caseId);
    QString assignCase(const QString &caseId, const QString &assigneeId);
    QString setCaseStatus(const QString &caseId, const QString &status);
    QString addCaseNote(const QString &caseId, const QString &text);
    /** Queues the agent's choice of category and subcategory (empty for none) for a case. */
    QString recategoriseCase(
        const QString &caseId, const QString &categoryId, const QString &subcategoryId);
    /** Queues an unlink, so the case stops being a duplicate of its duplicateOf case. */
    QString unlinkDuplicate(const QString &caseId);

    /**
     * Queues a routing rule edit: op create, update or retire, with args as in
     * docs/protocol.md. For create, pass an empty ruleId, and a new UUID is made with base
     * version 0. Nothing changes in the cache until the server's change arrives, and
     * editAcknowledged or editRejected follows. Returns the mutation id, or an empty string
     * for an unknown op, a ruleId that does not fit the op, or args that are not an object.
     */
    QString saveRoutingRule(const QString &op, const QString &ruleId, qint64 baseVersion,
        const nlohmann::json &args);
    /** Queues a new set of priority weights made on baseVersion, like saveRoutingRule. */
    QString savePriorityWeights(qint64 baseVersion, const nlohmann::json &args);

    /** Edits the server rejected, each with the server's code, message and current record
     *  (the case in the cache already shows the server's version). */
    QList<OutboxEntry> rejectedEdits() const;
    /** Removes a rejected edit that the person has seen and resolved from the outbox, and a
     *  rejected note's entry from the timeline. */
    bool dismissRejectedEdit(const QString &mutationId);

    /** Describes every rejected edit with both versions per field, oldest first
     *  (clientsessionconflicts.cpp). */
    QList<Conflict> conflicts() const;
    /** Keeps the person's version or takes the server's for each edit, each in its own
     *  transaction, and sends what was queued. Returns one outcome per id. */
    QList<ConflictResolver::Outcome> resolveConflicts(
        const QStringList &mutationIds, ConflictResolver::Resolution resolution);
    /** Queues a merge of one rejected edit (see Conflicts::mergedEdit for values). */
    ConflictResolver::Outcome mergeConflict(
        const QString &mutationId, const nlohmann::json &values);

    /** Ping, pong and reconnect timings of the next signIn (tests shorten them). */
    void setSyncTimings(const SyncClient::Timings &timings);
    /** The connection of the signed-in session, null when signed out; not owned. */
    SyncClient *syncClient() const;

Q_SIGNALS:
    void stateChanged(CivicDesk::ClientSession::State state);
    /** isServerBusy() changed: the server turned a sign-in away for now, or a later attempt
     *  got another reply. */
    void serverBusyChanged(bool busy);
    void signedIn();
    void signInFailed(CivicDesk::ClientSession::ErrorCode code, const QString &detail);
    /** Reports that sync stopped after sign-in, such as for an untrusted certificate. The
     *  user stays signed in and works offline. */
    void connectionRejected(CivicDesk::ClientSession::ErrorCode code, const QString &detail);
    /** First sync and catch-up: received changes so far out of an estimated total. */
    void syncProgress(qint64 received, qint64 total);
    void syncFinished(const QDateTime &serverTime);
    void pendingCountChanged(int pending);
    /** Records of these entity kinds changed in the cache; views refresh. */
    void cacheChanged(const QStringList &entities);
    /** Reports a rejected case edit. editRejected reports the edits of every entity. */
    void mutationRejected(const QString &caseId, const QString &code, const QString &message);
    /** Reports that the server applied the queued edit mutationId of entityId, whose entity
     *  is case, routingRule or priorityWeights. */
    void editAcknowledged(
        const QString &entity, const QString &entityId, const QString &mutationId);
    /** Reports that the server rejected the queued edit, with a code such as
     *  mutation.invalid and the server's message verbatim. The edit stays in rejectedEdits()
     *  until dismissed. */
    void editRejected(const QString &entity, const QString &entityId, const QString &mutationId,
        const QString &code, const QString &message);
    /** The list of rejected edits changed: a new rejection arrived or one was resolved. */
    void rejectedEditsChanged();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace CivicDesk
