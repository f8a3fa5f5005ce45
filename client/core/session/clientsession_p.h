#pragma once

#include "cache/cache.h"
#include "cache/keystore.h"
#include "data/repository.h"
#include "session/clientsession.h"

#include <QSslConfiguration>

// The private part of ClientSession, shared by clientsession.cpp (sign-in and sync) and
// clientsessionedits.cpp (the edits).
namespace CivicDesk {

class ClientSession::Private
{
public:
    explicit Private(ClientSession *session)
        : q(session)
    {
    }

    bool openCache(const SignInRequest &request);
    void startSync(const SignInRequest &request);
    void onLoggedIn();
    void onCertificateRejected(const QString &detail);
    void onConnectionLost();
    void signInOffline();
    void fail(ErrorCode code, const QString &detail);
    void finishSignIn(const UserInfo &user);
    void setState(State state);
    void setServerBusy(bool busy);
    QString edit(const QString &caseId, const QString &op, const nlohmann::json &args);
    QString editRecord(const QString &entity, const QString &entityId, qint64 baseVersion,
        const QString &op, const nlohmann::json &args);
    void announceEdit();
    void announceResolutions(const QList<ConflictResolver::Outcome> &outcomes);

    ClientSession *q;
    QString dataDirectory;
    KeyStore keyStore;
    SyncClient::Timings timings;
    QSslConfiguration sslConfiguration; // set by signIn for each request
    std::unique_ptr<Cache> cache;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<Repository> repository;
    std::unique_ptr<SyncClient> sync;
    State state = State::SignedOut;
    UserInfo user;
    QString password;
    bool signedIn = false;
    bool passwordHashChecked = false;
    bool serverBusy = false;
    bool busyAnswered = false; // the connection being lost was turned away with server.busy
};

} // namespace CivicDesk
