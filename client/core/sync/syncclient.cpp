#include "sync/syncclient.h"

#include "cache/cache.h"
#include "cache/deferredindexes.h"
#include "corelogging.h"
#include "protocol/codec.h"
#include "protocol/accesslog.h"
#include "sync/accesslogqueue.h"
#include "sync/changeapplier.h"
#include "sync/outbox.h"

#include <algorithm>
#include <utility>

namespace CivicDesk {

namespace proto = civicdesk::protocol;

namespace {

// Catch-up pages are written as they arrive into the cache's held transaction. It is
// committed once this many changes are in it, at the last page, and when no page follows
// within CatchUpCommitDelay.
constexpr std::size_t CatchUpChangesPerTransaction = 10000;
// The same while the first catch-up has the secondary indexes deferred. Each commit encrypts
// again every page of the id indexes that it changed. Ids that do not follow the log's order
// (the hashed ids of imported records, the random ones made before version 7) spread a
// transaction's rows over most of those pages, so fewer commits write fewer pages. In the full-size
// bench_syncscale on a 2-core machine, 60,000 in place of 10,000 took 42.5 s of client CPU
// in place of about 61 s (docs/benchmarks.md).
constexpr std::size_t CatchUpChangesPerTransactionDeferred = 60000;
constexpr std::chrono::milliseconds CatchUpCommitDelay { 250 };

QDateTime parseServerTime(const std::string &text)
{
    return QDateTime::fromString(QString::fromStdString(text), Qt::ISODateWithMs);
}

/** Returns true for an error that is not about the request itself, so it is sent again. */
bool isTemporary(proto::ErrorCode code)
{
    return code == proto::ErrorCode::ServerInternal || code == proto::ErrorCode::ServerBusy;
}

SyncClient::Failure loginFailureOf(proto::ErrorCode code)
{
    switch (code) {
    case proto::ErrorCode::ServerBusy:
        return SyncClient::Failure::ServerBusy;
    case proto::ErrorCode::ServerInternal:
        return SyncClient::Failure::ServerError;
    default:
        return SyncClient::Failure::ProtocolError;
    }
}

} // namespace

SyncClient::SyncClient(Cache &cache, const QString &clientId, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_clientId(clientId)
{
    m_pongTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    // A coarse timer may fire up to 5% early, which would come back before the server's
    // retryAfter hint.
    m_reconnectTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_socket, &QWebSocket::connected, this, &SyncClient::onConnected);
    connect(&m_socket, &QWebSocket::sslErrors, this, &SyncClient::onSslErrors);
    connect(&m_socket, &QWebSocket::disconnected, this, &SyncClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SyncClient::onTextMessage);
    connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            if (m_socket.state() == QAbstractSocket::UnconnectedState) {
                onDisconnected();
            }
        });
    connect(&m_pingTimer, &QTimer::timeout, this, &SyncClient::onPingTimer);
    connect(&m_pongTimer, &QTimer::timeout, this, &SyncClient::onPongTimeout);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SyncClient::connectNow);
    m_catchUpCommitTimer.setSingleShot(true);
    m_catchUpCommitTimer.setInterval(CatchUpCommitDelay);
    connect(&m_catchUpCommitTimer, &QTimer::timeout, this, [this] {
        if (!commitCatchUp()) {
            failCatchUp();
        }
    });
    setTimings(m_timings);
}

SyncClient::~SyncClient()
{
    m_running = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void SyncClient::setTimings(const Timings &timings)
{
    m_timings = timings;
    m_backoff = Backoff(timings.backoffInitial, timings.backoffMaximum);
    m_pingTimer.setInterval(timings.pingInterval);
    m_pongTimer.setInterval(timings.pongTimeout);
}

void SyncClient::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_socket.setSslConfiguration(configuration);
}

void SyncClient::start(const QUrl &url, const QString &username, const QString &password)
{
    m_url = url;
    m_username = username;
    m_password = password;
    m_running = true;
    m_backoff.reset();
    connectNow();
}

void SyncClient::stop()
{
    // The pages written so far are complete. The cache may be closed right after this.
    if (!commitCatchUp()) {
        abandonCatchUp();
    }
    m_running = false;
    m_attemptOpen = false;
    m_loggedIn = false;
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    m_retryAfter = std::chrono::milliseconds(0);
    m_socket.abort();
    m_password.clear();
    setState(State::Disconnected);
}

void SyncClient::connectNow()
{
    if (!m_running) {
        return;
    }
    qCInfo(lcSync) << "connecting to" << m_url.host() << m_url.port() << "attempt"
                   << m_backoff.attempt() + 1;
    m_attemptOpen = true;
    m_loggedIn = false;
    setState(State::Connecting);
    m_socket.open(m_url);
}

void SyncClient::setState(State state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString SyncClient::nextRid()
{
    return QStringLiteral("c%1").arg(++m_ridCounter);
}

void SyncClient::send(const proto::Message &message)
{
    m_socket.sendTextMessage(QString::fromStdString(proto::encode(message)));
}

void SyncClient::dropConnection(const QString &reason)
{
    qCWarning(lcSync) << "dropping the connection:" << reason;
    m_socket.abort();
    onDisconnected();
}

void SyncClient::onConnected()
{
    setState(State::LoggingIn);
    m_loginRid = nextRid();
    send(proto::Login { m_loginRid.toStdString(), m_username.toStdString(),
        m_password.toStdString(), m_clientId.toStdString() });
}

void SyncClient::onSslErrors(const QList<QSslError> &errors)
{
    // The errors are never ignored, so QWebSocket aborts the connection after this slot. A
    // reconnect would meet the same certificate, so the client stops.
    QStringList reasons;
    for (const QSslError &error : errors) {
        reasons << error.errorString();
    }
    const QString detail = reasons.join(QStringLiteral("; "));
    qCWarning(lcSync) << "the server's TLS certificate was rejected:" << detail;
    m_running = false;
    m_reconnectTimer.stop();
    Q_EMIT loginFailed(Failure::CertificateUntrusted, detail);
}

void SyncClient::onDisconnected()
{
    if (!m_attemptOpen) {
        return;
    }
    m_attemptOpen = false;
    m_pingTimer.stop();
    m_pongTimer.stop();
    m_fetchRid.clear();
    // The pages written so far are complete, so they are kept. Pages that could not be
    // written are fetched again from the stored cursor after the reconnect.
    if (!commitCatchUp()) {
        abandonCatchUp();
    }
    m_mutationRid.clear();
    m_mutationId.clear();
    // An accessLog whose ack was lost is sent again after the reconnect; the server stores
    // each entry id once.
    m_accessRid.clear();
    m_accessLogRejected = false;
    const bool wasLoggedIn = m_loggedIn;
    m_loggedIn = false;
    setState(State::Disconnected);
    Q_EMIT connectionLost(wasLoggedIn);

    if (m_running) {
        const auto delay = m_backoff.nextDelay(std::exchange(m_retryAfter, {}));
        qCInfo(lcSync) << "reconnecting in" << delay.count() << "ms";
        m_reconnectTimer.start(delay);
    }
}

void SyncClient::onTextMessage(const QString &text)
{
    proto::DecodeResult decoded = proto::decode(text.toStdString());
    if (!decoded) {
        dropConnection(QStringLiteral("unreadable message: %1")
                           .arg(QString::fromStdString(decoded.error.message)));
        return;
    }
    proto::Message &message = *decoded.message;
    // Other messages are handled after the catch-up pages received before them are saved.
    if (!std::holds_alternative<proto::Batch>(message) && !commitCatchUp()) {
        failCatchUp();
        return;
    }
    if (const auto *loginOk = std::get_if<proto::LoginOk>(&message)) {
        handleLoginOk(*loginOk);
    } else if (const auto *welcome = std::get_if<proto::Welcome>(&message)) {
        handleWelcome(*welcome);
    } else if (auto *batch = std::get_if<proto::Batch>(&message)) {
        handleBatch(*batch);
    } else if (const auto *push = std::get_if<proto::Push>(&message)) {
        handlePush(*push);
    } else if (const auto *ack = std::get_if<proto::Ack>(&message)) {
        handleAck(*ack);
    } else if (const auto *reject = std::get_if<proto::Reject>(&message)) {
        handleReject(*reject);
    } else if (const auto *pong = std::get_if<proto::Pong>(&message)) {
        handlePong(*pong);
    } else if (const auto *error = std::get_if<proto::Error>(&message)) {
        handleError(*error);
    } else if (const auto *accessAck = std::get_if<proto::AccessAck>(&message)) {
        handleAccessAck(*accessAck);
    } else {
        dropConnection(QStringLiteral("unexpected message type %1")
                           .arg(QString::fromUtf8(proto::typeName(message).data())));
    }
}

void SyncClient::handleLoginOk(const proto::LoginOk &message)
{
    m_user = message.user;
    m_loggedIn = true;
    m_backoff.reset();
    rememberServerTime(message.serverTime);
    m_pingTimer.start();
    qCInfo(lcSync) << "logged in as user" << QString::fromStdString(m_user.id);
    Q_EMIT loggedIn(QString::fromStdString(m_user.id));

    const qint64 cursor = m_cache.metaInteger(QLatin1String(ChangeApplier::CursorKey));
    send(proto::Hello { nextRid().toStdString(), cursor });
}

void SyncClient::handleWelcome(const proto::Welcome &message)
{
    const QString epoch = QString::fromStdString(message.serverEpoch);
    const QString stored = m_cache.meta(QLatin1String(EpochKey));
    const std::optional<qint64> lostAfter = lostChangesAfter(message, stored);
    if (stored != epoch || lostAfter) {
        if (!resetForNewEpoch(epoch, lostAfter)) {
            dropConnection(QStringLiteral("cannot reset the cache for a new server epoch"));
            return;
        }
        if (!stored.isEmpty()) {
            Q_EMIT serverEpochChanged();
        }
    }

    const qint64 cursor = m_cache.metaInteger(QLatin1String(ChangeApplier::CursorKey));
    // An empty cache gets its secondary indexes after the catch-up, built from all rows.
    // NOTE: until then, the case lists and timelines that read the cache scan whole tables.
    if (cursor == 0 && message.headSeq > 0 && !DeferredIndexes::defer(m_cache)) {
        qCWarning(lcSync) << "cannot defer the cache indexes, so the sync updates them:"
                          << m_cache.lastErrorDetail();
    }
    m_received = 0;
    m_estimatedTotal = std::max<qint64>(0, message.headSeq - cursor);
    m_welcomeTime = parseServerTime(message.serverTime);
    setState(State::CatchingUp);
    requestFetch();
    sendPendingMutations();
}

std::optional<qint64> SyncClient::lostChangesAfter(
    const proto::Welcome &message, const QString &storedEpoch) const
{
    if (storedEpoch.isEmpty()) {
        return std::nullopt; // a new cache has nothing the server could have lost
    }
    const QString epoch = QString::fromStdString(message.serverEpoch);
    if (epoch != storedEpoch) {
        // Restored by civicdesk-server restore from a backup of the store this cache synced with.
        if (QString::fromStdString(message.restoredFromEpoch) == storedEpoch) {
            return message.restoredAtSeq;
        }
        return std::nullopt;
    }
    // The same store, behind this cache: a backup copied back by hand.
    const qint64 cursor = m_cache.metaInteger(QLatin1String(ChangeApplier::CursorKey));
    if (message.headSeq < cursor) {
        return message.headSeq;
    }
    return std::nullopt;
}

bool SyncClient::resetForNewEpoch(const QString &epoch, std::optional<qint64> lostAfter)
{
    qCInfo(lcSync) << "server epoch changed or the server lost changes; fetching everything "
                      "again, outbox kept";
    Transaction transaction(m_cache);
    const bool cleared = transaction.isActive()
        && m_cache.exec("DELETE FROM cases; DELETE FROM interactions WHERE pending = 0; "
                        "DELETE FROM parties; DELETE FROM regions; "
                        "DELETE FROM regional_units; DELETE FROM municipalities; "
                        "DELETE FROM agencies; DELETE FROM teams; DELETE FROM users; "
                        "DELETE FROM categories; DELETE FROM routing_rules; "
                        "DELETE FROM routing_rule_history; DELETE FROM priority_weights;")
        && m_cache.setMeta(QLatin1String(ChangeApplier::CursorKey), QStringLiteral("0"))
        && m_cache.setMeta(QLatin1String(EpochKey), epoch);
    if (!cleared) {
        return false;
    }
    if (lostAfter) {
        const int requeued = Outbox(m_cache, QString::fromStdString(m_user.id)).requeueLost(*lostAfter);
        if (requeued < 0) {
            return false;
        }
        qCWarning(lcSync) << "the server lost the changes after" << *lostAfter << "; sending"
                          << requeued << "acknowledged edits again";
    }
    return transaction.commit();
}

void SyncClient::requestFetch()
{
    requestFetch(m_cache.metaInteger(QLatin1String(ChangeApplier::CursorKey)));
}

void SyncClient::requestFetch(qint64 cursor)
{
    m_fetchRid = nextRid();
    const int pages = std::clamp(m_timings.fetchPages, 1, proto::MaxFetchPages);
    send(proto::Fetch { m_fetchRid.toStdString(), cursor, m_timings.fetchLimit, pages });
}

bool SyncClient::writeCatchUpPage(const std::vector<proto::Change> &changes, qint64 cursor)
{
    const bool purges = std::any_of(changes.begin(), changes.end(),
        [](const proto::Change &change) { return change.op == proto::ChangeOp::Purge; });
    if (purges) {
        // Without its indexes, a purge would scan the whole interactions table.
        if (!commitCatchUp()) {
            return false;
        }
        buildDeferredIndexes();
    }
    if (!m_cache.holdTransaction()) {
        return false;
    }
    ChangeApplier::Result result;
    std::size_t limit = 0;
    {
        // Reads outside this scope would commit the held transaction.
        HeldWrite scope(m_cache);
        const qint64 stored = m_cache.metaInteger(QLatin1String(ChangeApplier::CursorKey));
        if (m_heldCursor >= 0 && stored != m_heldCursor) {
            // Another use of the cache committed the held transaction, and the commit failed.
            qCWarning(lcSync) << "the catch-up pages up to cursor" << m_heldCursor
                              << "were not saved";
            return false;
        }
        result = ChangeApplier(m_cache, QString::fromStdString(m_user.id)).write(changes, cursor);
        if (!result.ok) {
            return false;
        }
        m_heldCursor = std::max(stored, cursor);
        limit = DeferredIndexes::areDeferred(m_cache) ? CatchUpChangesPerTransactionDeferred
                                                      : CatchUpChangesPerTransaction;
    }
    m_heldChanges += changes.size();
    for (const QString &entity : std::as_const(result.entities)) {
        if (!m_heldEntities.contains(entity)) {
            m_heldEntities.append(entity);
        }
    }
    // Each commit of the encrypted cache encrypts again every page that the transaction
    // changed, so pages share a transaction, up to a limit.
    if (m_heldChanges < limit && result.rejectedCaseIds.isEmpty()) {
        m_catchUpCommitTimer.start();
        return true;
    }
    // Rejections are reported once they are saved.
    if (!commitCatchUp()) {
        return false;
    }
    reportPurgeRejections(result.rejectedCaseIds);
    return true;
}

bool SyncClient::commitCatchUp()
{
    m_catchUpCommitTimer.stop();
    if (m_heldCursor < 0) {
        return true;
    }
    const qint64 expected = std::exchange(m_heldCursor, -1);
    m_heldChanges = 0;
    // The held transaction may have been committed already by another use of the cache.
    if (!m_cache.commitHeld()
        || m_cache.metaInteger(QLatin1String(ChangeApplier::CursorKey)) != expected) {
        qCWarning(lcSync) << "the catch-up pages up to cursor" << expected
                          << "were not saved:" << m_cache.lastErrorDetail();
        return false;
    }
    const QStringList entities = std::exchange(m_heldEntities, {});
    if (!entities.isEmpty()) {
        Q_EMIT cacheChanged(entities);
    }
    return true;
}

void SyncClient::abandonCatchUp()
{
    m_catchUpCommitTimer.stop();
    m_cache.rollbackHeld();
    m_heldCursor = -1;
    m_heldChanges = 0;
    // Another use of the cache may have committed some of these pages before, so views
    // read the cache again.
    const QStringList entities = std::exchange(m_heldEntities, {});
    if (!entities.isEmpty()) {
        Q_EMIT cacheChanged(entities);
    }
}

void SyncClient::failCatchUp()
{
    abandonCatchUp();
    dropConnection(QStringLiteral("cannot write a batch into the cache"));
}

void SyncClient::handleBatch(proto::Batch &message)
{
    if (QString::fromStdString(message.rid) != m_fetchRid) {
        qCInfo(lcSync) << "ignoring a batch for an earlier fetch";
        return;
    }
    m_received += qint64(message.changes.size());
    m_estimatedTotal = std::max(m_estimatedTotal, m_received);
    Q_EMIT progress(m_received, m_estimatedTotal);

    // The next fetch is sent before this page is written, so the server reads ahead while
    // the cache writes. While the server sends further pages of the same fetch (follows),
    // it reads them unasked.
    if (message.more && !message.follows) {
        requestFetch(message.cursor);
    }
    if (!writeCatchUpPage(message.changes, message.cursor)) {
        failCatchUp();
        return;
    }
    if (message.more) {
        return;
    }
    m_fetchRid.clear();
    if (!commitCatchUp()) {
        failCatchUp();
        return;
    }
    buildDeferredIndexes();
    if (m_welcomeTime.isValid()) {
        m_lastServerTime = m_welcomeTime;
        m_cache.setMeta(QLatin1String(ServerTimeKey), m_welcomeTime.toString(Qt::ISODateWithMs));
    }
    const int resent = Outbox(m_cache, QString::fromStdString(m_user.id)).releaseResent();
    if (resent > 0) {
        Q_EMIT outboxChanged();
    }
    setState(State::Live);
    qCInfo(lcSync) << "caught up at cursor"
                   << m_cache.metaInteger(QLatin1String(ChangeApplier::CursorKey));
    Q_EMIT caughtUp(m_lastServerTime);
    if (resent > 0) {
        sendPendingMutations();
    }
}

void SyncClient::handlePush(const proto::Push &message)
{
    const qint64 cursor = m_cache.metaInteger(QLatin1String(ChangeApplier::CursorKey));
    if (message.from > cursor) {
        // Changes between our cursor and this push are missing: fetch them, unless a fetch
        // is already running (it will bring them).
        if (m_fetchRid.isEmpty() && m_state == State::Live) {
            qCInfo(lcSync) << "push from" << message.from << "is past cursor" << cursor;
            m_received = 0;
            m_estimatedTotal = message.cursor - cursor;
            m_welcomeTime = m_lastServerTime;
            setState(State::CatchingUp);
            requestFetch();
        }
        return;
    }
    if (!applyChanges(message.changes, message.cursor)) {
        dropConnection(QStringLiteral("cannot write a push into the cache"));
    }
}

bool SyncClient::applyChanges(const std::vector<proto::Change> &changes, qint64 cursor)
{
    // Without its indexes, a purge would scan the whole interactions table.
    const bool purges = std::any_of(changes.begin(), changes.end(),
        [](const proto::Change &change) { return change.op == proto::ChangeOp::Purge; });
    if (purges) {
        buildDeferredIndexes();
    }
    ChangeApplier applier(m_cache, QString::fromStdString(m_user.id));
    const ChangeApplier::Result result = applier.apply(changes, cursor);
    if (!result.ok) {
        return false;
    }
    if (!result.entities.isEmpty()) {
        Q_EMIT cacheChanged(result.entities);
    }
    reportPurgeRejections(result.rejectedCaseIds);
    return true;
}

void SyncClient::reportPurgeRejections(const QStringList &caseIds)
{
    for (const QString &caseId : caseIds) {
        Q_EMIT mutationRejected(caseId, QStringLiteral("mutation.forbidden"),
            QStringLiteral("the case was removed from your scope"));
    }
    if (!caseIds.isEmpty()) {
        Q_EMIT outboxChanged();
    }
}

void SyncClient::buildDeferredIndexes()
{
    if (DeferredIndexes::areDeferred(m_cache) && !DeferredIndexes::build(m_cache)) {
        // Every query still works without them, only slower.
        qCWarning(lcSync) << "building the deferred cache indexes failed; the next catch-up "
                             "tries again:"
                          << m_cache.lastErrorDetail();
    }
}

void SyncClient::sendPendingMutations()
{
    sendAccessLog();
    if (!m_loggedIn || !m_mutationRid.isEmpty()) {
        return;
    }
    Outbox outbox(m_cache, QString::fromStdString(m_user.id));
    const std::optional<OutboxEntry> entry = outbox.nextPending();
    if (!entry) {
        return;
    }
    m_mutationRid = nextRid();
    m_mutationId = entry->mutationId;
    qCInfo(lcSync) << "sending mutation" << entry->mutationId << entry->op << "of"
                   << entry->entityId;
    send(proto::Mutate { m_mutationRid.toStdString(), Outbox::toMutation(*entry) });
}

void SyncClient::handleAck(const proto::Ack &message)
{
    const QString mutationId = QString::fromStdString(message.mutationId);
    Outbox outbox(m_cache, QString::fromStdString(m_user.id));
    const std::optional<OutboxEntry> entry = outbox.entryById(mutationId);
    if (!entry || !outbox.acknowledge(mutationId, message.version, message.seq)) {
        // Already gone (acked before a reconnect): resending was harmless.
        qCInfo(lcSync) << "ack for unknown mutation" << mutationId;
    }
    if (mutationId == m_mutationId) {
        m_mutationRid.clear();
        m_mutationId.clear();
    }
    Q_EMIT mutationAcknowledged(mutationId);
    if (entry) {
        Q_EMIT editAcknowledged(entry->entity, entry->entityId, mutationId);
    }
    Q_EMIT outboxChanged();
    Q_EMIT cacheChanged({ QStringLiteral("case"), QStringLiteral("interaction") });
    sendPendingMutations();
}

void SyncClient::handleReject(const proto::Reject &message)
{
    const QString mutationId = QString::fromStdString(message.mutationId);
    const QString code = QString::fromUtf8(proto::toString(message.code).data());
    const QString text = QString::fromStdString(message.message);
    Outbox outbox(m_cache, QString::fromStdString(m_user.id));
    const std::optional<OutboxEntry> entry = outbox.entryById(mutationId);
    const QString entityId =
        outbox.reject(mutationId, code, text, message.current, message.version);
    qCWarning(lcSync) << "mutation" << mutationId << "rejected:" << code;

    if (mutationId == m_mutationId) {
        m_mutationRid.clear();
        m_mutationId.clear();
    }
    if (entry && !entityId.isEmpty()) {
        const bool isCase = entry->entity == QLatin1String("case");
        if (isCase) {
            Q_EMIT mutationRejected(entityId, code, text);
        }
        Q_EMIT editRejected(entry->entity, entityId, mutationId, code, text);
        Q_EMIT outboxChanged();
        Q_EMIT cacheChanged(isCase
                ? QStringList { QStringLiteral("case"), QStringLiteral("interaction") }
                : QStringList { entry->entity });
    }
    sendPendingMutations();
}

void SyncClient::sendAccessLog()
{
    if (!m_loggedIn || !m_accessRid.isEmpty() || m_accessLogRejected) {
        return;
    }
    const int pageSize = std::clamp(m_timings.accessLogPage, 1, int(proto::MaxAccessEntries));
    std::vector<proto::AccessEntry> entries =
        AccessLogQueue(m_cache, QString::fromStdString(m_user.id)).nextPage(pageSize);
    if (entries.empty()) {
        return;
    }
    m_accessRid = nextRid();
    qCInfo(lcSync) << "uploading" << entries.size() << "access entries as request" << m_accessRid;
    send(proto::AccessLog { m_accessRid.toStdString(), std::move(entries) });
}

void SyncClient::handleAccessAck(const proto::AccessAck &message)
{
    if (QString::fromStdString(message.rid) != m_accessRid) {
        qCInfo(lcSync) << "ignoring an access ack for an earlier request";
        return;
    }
    m_accessRid.clear();
    AccessLogQueue queue(m_cache, QString::fromStdString(m_user.id));
    if (!queue.markUploaded(message.entryIds)) {
        // The entries stay waiting and go up again with the next round.
        qCWarning(lcSync) << "cannot mark" << message.entryIds.size()
                          << "access entries uploaded:" << m_cache.lastErrorDetail();
        return;
    }
    Q_EMIT accessLogUploaded(int(message.entryIds.size()));
    sendAccessLog();
}

bool SyncClient::handleAccessLogError(const proto::Error &message)
{
    m_accessRid.clear();
    if (message.code == proto::ErrorCode::ServerInternal) {
        return false;
    }
    m_accessLogRejected = true;
    qCWarning(lcSync) << "the server rejected the access log:"
                      << QString::fromUtf8(proto::toString(message.code).data())
                      << QString::fromStdString(message.message)
                      << "; the entries wait for the next connection";
    return true;
}

void SyncClient::handlePong(const proto::Pong &message)
{
    m_pongTimer.stop();
    rememberServerTime(message.serverTime);
}

void SyncClient::rememberServerTime(const std::string &serverTime)
{
    const QDateTime time = parseServerTime(serverTime);
    if (!time.isValid()) {
        return;
    }
    m_lastServerTime = time;
    m_cache.setMeta(QLatin1String(ServerTimeKey), time.toString(Qt::ISODateWithMs));
}

void SyncClient::handleError(const proto::Error &message)
{
    const QString rid = QString::fromStdString(message.rid);
    const QString detail = QString::fromStdString(message.message);
    qCWarning(lcSync) << "server error" << QString::fromUtf8(proto::toString(message.code).data())
                      << "for request" << rid << ":" << detail;

    if (rid == m_loginRid && message.code == proto::ErrorCode::InvalidCredentials) {
        m_running = false;
        m_socket.abort();
        m_attemptOpen = false;
        setState(State::Disconnected);
        Q_EMIT loginFailed(Failure::InvalidCredentials, detail);
        return;
    }
    if (!m_accessRid.isEmpty() && rid == m_accessRid && handleAccessLogError(message)) {
        return;
    }
    if (rid == m_mutationRid && !isTemporary(message.code)) {
        // The server cannot read this mutation; keep it visible instead of resending it
        // forever.
        handleReject(proto::Reject {
            message.rid, m_mutationId.toStdString(), message.code, message.message, nullptr });
        return;
    }
    // A busy or failed server or a protocol slip: start over with backoff. The cursor and
    // the outbox are committed to the cache, so the next session resumes from them.
    // A server that is full says so without a rid, before it reads the login, and closes.
    if (rid == m_loginRid || (rid.isEmpty() && !m_loggedIn)) {
        // The hint is capped, so that a wrong one cannot stop the client for longer than
        // its own backoff would.
        m_retryAfter = std::min<std::chrono::milliseconds>(
            std::chrono::seconds(message.retryAfter), m_timings.backoffMaximum);
        Q_EMIT loginFailed(loginFailureOf(message.code), detail);
    }
    dropConnection(QStringLiteral("server error for request %1").arg(rid));
}

void SyncClient::onPingTimer()
{
    // Reads recorded while online go up with the next ping when no edit sends them earlier.
    sendAccessLog();
    send(proto::Ping { nextRid().toStdString() });
    if (!m_pongTimer.isActive()) {
        m_pongTimer.start();
    }
}

void SyncClient::onPongTimeout()
{
    dropConnection(QStringLiteral("no pong within %1 ms").arg(m_timings.pongTimeout.count()));
}

} // namespace CivicDesk
