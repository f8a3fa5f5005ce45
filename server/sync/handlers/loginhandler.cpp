#include "loginhandler.h"

#include "auth/passwords.h"
#include "connection.h"
#include "domain/ids.h"
#include "store/store.h"

#include <Poco/Logger.h>

namespace civicdesk::server {

namespace {

/**
 * Returns a hash to verify against when the username is unknown, so that an unknown
 * username costs the same Argon2id work as a wrong password and timing does not tell
 * which usernames exist.
 */
const std::string &unknownUserHash()
{
    static const std::string hash = hashPassword(generateUuid());
    return hash;
}

} // namespace

LoginHandler::LoginHandler(HandlerContext &context)
    : m_context(context)
{
}

protocol::Message LoginHandler::handle(const protocol::Login &request)
{
    if (request.username.empty()) {
        return protocol::Error { request.rid, protocol::ErrorCode::Malformed,
            "field \"username\" must not be empty" };
    }

    UserAccount account;
    if (!credentialsValid(request, account)) {
        return reject(request);
    }

    SyncSession &session = m_context.session;
    session.authenticated = true;
    session.user = account.user;
    session.scope = m_context.store.scopeFor(account.user);
    session.failedLogins = 0;
    session.live = false;

    poco_information(m_context.logger,
        "connection " + m_context.connectionId + ": user " + account.user.id + " signed in");
    return protocol::LoginOk { request.rid, account.user, m_context.store.epoch(), utcNowIso() };
}

bool LoginHandler::credentialsValid(const protocol::Login &request, UserAccount &account)
{
    std::optional<UserAccount> found = m_context.store.findAccount(request.username);
    if (!found) {
        verifyPassword(request.password, unknownUserHash());
        return false;
    }

    const bool passwordMatches = verifyPassword(request.password, found->passwordHash);
    if (!passwordMatches || !found->active) {
        return false;
    }
    account = std::move(*found);
    return true;
}

protocol::Message LoginHandler::reject(const protocol::Login &request)
{
    SyncSession &session = m_context.session;
    ++session.failedLogins;
    poco_warning(m_context.logger,
        "connection " + m_context.connectionId + ": failed login "
            + std::to_string(session.failedLogins) + " of " + std::to_string(MaxFailedLogins));

    if (session.failedLogins >= MaxFailedLogins) {
        session.closeCode = 1008; // policy violation
        session.closeReason = "too many failed logins";
    }
    return protocol::Error { request.rid, protocol::ErrorCode::InvalidCredentials,
        "invalid username or password" };
}

} // namespace civicdesk::server
