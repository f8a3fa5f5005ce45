#include "loginhandler.h"

#include "auth/passwords.h"
#include "connection.h"
#include "domain/ids.h"
#include "store/store.h"

#include <Poco/Logger.h>
#include <exception>

namespace civicdesk::server {

namespace {

/**
 * Returns a hash to verify against when the username is unknown, so that an unknown
 * username costs the same Argon2id work as a wrong password and timing does not tell
 * which usernames exist. The first call hashes, so it runs on a login pool thread.
 */
const std::string &unknownUserHash()
{
    static const std::string hash = hashPassword(generateUuid());
    return hash;
}

} // namespace

void LoginCheck::check(const PasswordVerifier &verifier)
{
    try {
        const bool matches = verifier(password, phcHash.empty() ? unknownUserHash() : phcHash);
        passwordMatches = matches && !phcHash.empty();
    } catch (const std::exception &) {
        checkFailed = true;
    }
    password.assign(password.size(), '\0');
    password.clear();
}

LoginHandler::LoginHandler(HandlerContext &context)
    : m_context(context)
{
}

std::variant<protocol::Message, std::shared_ptr<LoginCheck>> LoginHandler::begin(
    const protocol::Login &request)
{
    if (request.username.empty()) {
        return protocol::Error { request.rid, protocol::ErrorCode::Malformed,
            "field \"username\" must not be empty" };
    }

    auto check = std::make_shared<LoginCheck>();
    check->rid = request.rid;
    check->username = request.username;
    check->password = request.password;
    if (std::optional<UserAccount> found = m_context.store.findAccount(request.username)) {
        check->phcHash = found->passwordHash;
    }
    return check;
}

protocol::Message LoginHandler::finish(const LoginCheck &check)
{
    if (check.checkFailed) {
        poco_warning(m_context.logger,
            "connection " + m_context.connectionId + ": the password check of request " + check.rid
                + " failed");
        return protocol::Error { check.rid, protocol::ErrorCode::ServerInternal,
            "the server could not check the password; retry later" };
    }
    if (!check.passwordMatches) {
        return reject(check.rid);
    }

    // The account is read again because it may have been deactivated or given a new
    // password while the check ran.
    std::optional<UserAccount> account = m_context.store.findAccount(check.username);
    if (!account || !account->active || account->passwordHash != check.phcHash) {
        return reject(check.rid);
    }

    SyncSession &session = m_context.session;
    session.authenticated = true;
    session.user = account->user;
    session.scope = m_context.store.scopeFor(account->user);
    session.failedLogins = 0;
    session.live = false;

    poco_information(m_context.logger,
        "connection " + m_context.connectionId + ": user " + account->user.id + " signed in");
    return protocol::LoginOk { check.rid, account->user, m_context.store.epoch(), utcNowIso() };
}

protocol::Message LoginHandler::reject(const std::string &rid)
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
    return protocol::Error { rid, protocol::ErrorCode::InvalidCredentials,
        "invalid username or password" };
}

} // namespace civicdesk::server
