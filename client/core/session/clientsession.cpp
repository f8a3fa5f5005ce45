#include "session/clientsession.h"

#include "cache/cache.h"
#include "cache/keystore.h"
#include "corelogging.h"
#include "data/recordconverter.h"
#include "data/repository.h"
#include "domain/ids.h"
#include "domain/records.h"
#include "session/accountfiles.h"
#include "session/clientsession_p.h"
#include "sync/tlsconfig.h"

#include <QDir>
#include <utility>

namespace CivicDesk {

namespace {

const QString UserKey = QStringLiteral("user");
const QString PasswordHashKey = QStringLiteral("passwordHash");
const QString ClientIdKey = QStringLiteral("clientId");
const QString AccountKey = QStringLiteral("account");

const QStringList AllEntities { QStringLiteral("region"), QStringLiteral("regionalUnit"),
    QStringLiteral("municipality"), QStringLiteral("agency"), QStringLiteral("team"),
    QStringLiteral("user"), QStringLiteral("category"), QStringLiteral("party"),
    QStringLiteral("case"), QStringLiteral("interaction"), QStringLiteral("routingRule"),
    QStringLiteral("routingRuleHistory"), QStringLiteral("priorityWeights") };

ClientSession::ErrorCode fromKeyStore(KeyStore::Error error)
{
    switch (error) {
    case KeyStore::Error::PassphraseRequired:
        return ClientSession::ErrorCode::PassphraseRequired;
    case KeyStore::Error::WrongPassphrase:
        return ClientSession::ErrorCode::WrongPassphrase;
    default:
        return ClientSession::ErrorCode::CacheUnreadable;
    }
}

} // namespace

ClientSession::ClientSession(const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->dataDirectory = dataDirectory;
}

ClientSession::~ClientSession()
{
    signOut();
}

void ClientSession::signIn(const SignInRequest &request)
{
    signOut();

    switch (TlsConfig::checkServerUrl(request.serverUrl)) {
    case TlsConfig::UrlCheck::Accepted:
        break;
    case TlsConfig::UrlCheck::NotWebSocket:
        d->fail(ErrorCode::ServerUnreachable,
            QStringLiteral("serverUrl must be a ws:// or wss:// URL"));
        return;
    case TlsConfig::UrlCheck::PlainToRemoteHost:
        d->fail(ErrorCode::InsecureServerUrl,
            QStringLiteral("ws:// is allowed only to localhost, 127.0.0.1 or ::1; use wss://%1")
                .arg(request.serverUrl.authority() + request.serverUrl.path()));
        return;
    }
    QList<QSslCertificate> extraCas;
    QString caError;
    if (!request.caCertificateFile.isEmpty()
        && !TlsConfig::loadCaCertificates(request.caCertificateFile, &extraCas, &caError)) {
        d->fail(ErrorCode::CaCertificateUnreadable, caError);
        return;
    }
    d->sslConfiguration = TlsConfig::configurationWith(extraCas);
    if (request.username.trimmed().isEmpty() || request.password.isEmpty()) {
        d->fail(ErrorCode::InvalidCredentials,
            request.username.trimmed().isEmpty() ? QStringLiteral("username is empty")
                                                 : QStringLiteral("password is empty"));
        return;
    }

    if (!d->openCache(request)) {
        return;
    }
    d->startSync(request);
}

bool ClientSession::Private::openCache(const SignInRequest &request)
{
    if (!QDir().mkpath(dataDirectory)) {
        fail(ErrorCode::CacheUnreadable, QStringLiteral("cannot create the data directory"));
        return false;
    }
    const QString account = AccountFiles::accountId(request.serverUrl, request.username.trimmed());
    const QString path = AccountFiles::cacheFilePath(dataDirectory, account);

    QByteArray key;
    const KeyStore::Error keyError = keyStore.obtainKey(account, path, request.passphrase, &key);
    if (keyError != KeyStore::Error::None) {
        fail(fromKeyStore(keyError), KeyStore::errorString(keyError));
        return false;
    }

    cache = std::make_unique<Cache>();
    const Cache::Error opened = cache->open(path, key);
    key.fill('\0');
    if (opened != Cache::Error::None) {
        const QString detail =
            Cache::errorString(opened) + QStringLiteral(": ") + cache->lastErrorDetail();
        cache.reset();
        fail(ErrorCode::CacheUnreadable, detail);
        return false;
    }
    if (cache->meta(ClientIdKey).isEmpty()) {
        cache->setMeta(ClientIdKey, QString::fromStdString(civicdesk::generateUuid()));
    }
    cache->setMeta(AccountKey, account);
    return true;
}

void ClientSession::Private::startSync(const SignInRequest &request)
{
    password = request.password;
    sync = std::make_unique<SyncClient>(*cache, cache->meta(ClientIdKey));
    sync->setTimings(timings);
    sync->setSslConfiguration(sslConfiguration);

    QObject::connect(sync.get(), &SyncClient::loggedIn, q, [this] { onLoggedIn(); });
    QObject::connect(sync.get(), &SyncClient::loginFailed, q,
        [this](SyncClient::Failure failure, const QString &detail) {
            if (failure == SyncClient::Failure::InvalidCredentials) {
                fail(ErrorCode::InvalidCredentials, detail);
            } else if (failure == SyncClient::Failure::CertificateUntrusted) {
                onCertificateRejected(detail);
            } else if (failure == SyncClient::Failure::ServerBusy) {
                busyAnswered = true;
            }
        });
    QObject::connect(sync.get(), &SyncClient::connectionLost, q, [this] { onConnectionLost(); });
    QObject::connect(sync.get(), &SyncClient::progress, q, &ClientSession::syncProgress);
    QObject::connect(sync.get(), &SyncClient::caughtUp, q, [this](const QDateTime &serverTime) {
        setState(State::Online);
        Q_EMIT q->syncFinished(serverTime);
    });
    QObject::connect(sync.get(), &SyncClient::cacheChanged, q, &ClientSession::cacheChanged);
    QObject::connect(sync.get(), &SyncClient::serverEpochChanged, q,
        [this] { Q_EMIT q->cacheChanged(AllEntities); });
    QObject::connect(sync.get(), &SyncClient::outboxChanged, q, [this] {
        Q_EMIT q->pendingCountChanged(q->pendingCount());
        Q_EMIT q->rejectedEditsChanged();
    });
    QObject::connect(
        sync.get(), &SyncClient::mutationRejected, q, &ClientSession::mutationRejected);
    QObject::connect(
        sync.get(), &SyncClient::editAcknowledged, q, &ClientSession::editAcknowledged);
    QObject::connect(sync.get(), &SyncClient::editRejected, q, &ClientSession::editRejected);

    setState(State::Connecting);
    sync->start(request.serverUrl, request.username.trimmed(), request.password);
}

void ClientSession::Private::onLoggedIn()
{
    const civicdesk::StaffUser staff = sync->user();
    const nlohmann::json record = staff;
    cache->setMeta(UserKey, QString::fromStdString(record.dump()));
    setServerBusy(false);

    if (!passwordHashChecked) {
        passwordHashChecked = true;
        if (!AccountFiles::verifyPassword(cache->meta(PasswordHashKey), password)) {
            cache->setMeta(PasswordHashKey, AccountFiles::hashPassword(password));
        }
    }

    setState(State::Syncing);
    if (!signedIn) {
        finishSignIn(RecordConverter::toUser(record));
    }
}

void ClientSession::Private::onCertificateRejected(const QString &detail)
{
    if (!signedIn) {
        fail(ErrorCode::CertificateUntrusted, detail);
        return;
    }
    // The main window reads the repository, so a signed-in user keeps working offline. The
    // sync client has stopped, and the edits wait in the outbox until the next sign-in.
    qCWarning(lcSession) << "sync stopped, the server's certificate was rejected:" << detail;
    setState(State::Offline);
    Q_EMIT q->connectionRejected(ErrorCode::CertificateUntrusted, detail);
}

void ClientSession::Private::onConnectionLost()
{
    const bool busy = std::exchange(busyAnswered, false);
    setServerBusy(busy);
    if (signedIn) {
        setState(State::Offline);
        return;
    }
    if (!sync || !sync->isRunning()) {
        return;
    }
    if (busy && cache->meta(PasswordHashKey).isEmpty()) {
        // Nothing to work from offline yet, so the sign-in waits for the retry that the sync
        // client scheduled instead of failing.
        qCInfo(lcSession) << "the server is busy; waiting to sign in again";
        return;
    }
    signInOffline();
}

void ClientSession::Private::signInOffline()
{
    const QString hash = cache->meta(PasswordHashKey);
    if (hash.isEmpty()) {
        fail(ErrorCode::ServerUnreachable, QStringLiteral("no connection and no cached sign-in"));
        return;
    }
    if (!AccountFiles::verifyPassword(hash, password)) {
        fail(ErrorCode::InvalidCredentials, QStringLiteral("password does not match the cache"));
        return;
    }
    const nlohmann::json record =
        nlohmann::json::parse(cache->meta(UserKey).toStdString(), nullptr, false);
    qCInfo(lcSession) << "server unreachable; signed in offline from the cache";
    passwordHashChecked = true;
    setState(State::Offline);
    finishSignIn(RecordConverter::toUser(record));
}

void ClientSession::Private::finishSignIn(const UserInfo &signedInUser)
{
    user = signedInUser;
    outbox = std::make_unique<Outbox>(*cache, user.id);
    repository = std::make_unique<Repository>(*cache, user.id);
    signedIn = true;
    Q_EMIT q->signedIn();
    Q_EMIT q->pendingCountChanged(q->pendingCount());
}

void ClientSession::Private::fail(ErrorCode code, const QString &detail)
{
    qCWarning(lcSession) << "sign-in failed:" << code << detail;
    q->signOut();
    Q_EMIT q->signInFailed(code, detail);
}

void ClientSession::Private::setServerBusy(bool busy)
{
    if (serverBusy == busy) {
        return;
    }
    serverBusy = busy;
    Q_EMIT q->serverBusyChanged(busy);
}

void ClientSession::Private::setState(State newState)
{
    if (state == newState) {
        return;
    }
    state = newState;
    Q_EMIT q->stateChanged(newState);
}

void ClientSession::signOut()
{
    if (d->sync) {
        d->sync->disconnect(this);
        d->sync->stop();
        // signOut may run inside one of the client's own signals: delete it later.
        d->sync.release()->deleteLater();
    }
    d->repository.reset();
    d->outbox.reset();
    d->cache.reset();
    d->password.clear();
    d->user = {};
    d->signedIn = false;
    d->passwordHashChecked = false;
    d->busyAnswered = false;
    d->setServerBusy(false);
    d->setState(State::SignedOut);
}

bool ClientSession::keychainAvailable() const
{
    return d->keyStore.keychainAvailable();
}

ClientSession::State ClientSession::state() const
{
    return d->state;
}

UserInfo ClientSession::currentUser() const
{
    return d->user;
}

Repository *ClientSession::repository() const
{
    return d->repository.get();
}

int ClientSession::pendingCount() const
{
    return d->outbox ? d->outbox->pendingCount() : 0;
}

int ClientSession::rejectedCount() const
{
    return d->outbox ? d->outbox->rejectedCount() : 0;
}

QDateTime ClientSession::lastSyncServerTime() const
{
    if (d->sync && d->sync->lastServerTime().isValid()) {
        return d->sync->lastServerTime();
    }
    if (!d->cache) {
        return {};
    }
    return QDateTime::fromString(
        d->cache->meta(QLatin1String(SyncClient::ServerTimeKey)), Qt::ISODateWithMs);
}

QString ClientSession::cacheFilePath() const
{
    return d->cache ? d->cache->path() : QString();
}

bool ClientSession::isServerBusy() const
{
    return d->serverBusy;
}

QList<OutboxEntry> ClientSession::rejectedEdits() const
{
    return d->outbox ? d->outbox->rejectedEntries() : QList<OutboxEntry>();
}

void ClientSession::setSyncTimings(const SyncClient::Timings &timings)
{
    d->timings = timings;
}

SyncClient *ClientSession::syncClient() const
{
    return d->sync.get();
}

} // namespace CivicDesk
