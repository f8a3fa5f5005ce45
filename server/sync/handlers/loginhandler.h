#pragma once

#include "handlercontext.h"
#include "protocol/messages.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace civicdesk::server {

struct UserAccount;

/**
 * A check of a password against an Argon2id PHC string. It is verifyPassword() unless a test
 * replaces it.
 */
using PasswordVerifier =
    std::function<bool(const std::string &password, const std::string &phcHash)>;

/**
 * One login whose password is being checked on the login pool. The worker thread fills it
 * in LoginHandler::begin(), one pool thread runs check() and the worker thread reads it
 * again in LoginHandler::finish() after the pool posted it back.
 */
struct LoginCheck
{
    std::string rid;
    std::string username;
    std::string password; // cleared by check()
    std::string phcHash; // empty: the username is unknown, so a dummy hash is checked
    bool passwordMatches = false;
    bool checkFailed = false; // the verifier threw

    /** Runs verifier and stores the outcome. Runs on a login pool thread. */
    void check(const PasswordVerifier &verifier);
};

/**
 * Signs a connection in, in two steps on the worker thread around the password check on
 * the login pool. begin() validates the request and finds the account, and finish() checks
 * that the account is still active, then stores the user's access scope in the session.
 * The fifth failed attempt on one connection closes it.
 */
class LoginHandler
{
public:
    static constexpr int MaxFailedLogins = 5;

    explicit LoginHandler(HandlerContext &context);

    /** Returns an error reply for an invalid request, or the check to run on the pool. */
    std::variant<protocol::Message, std::shared_ptr<LoginCheck>> begin(
        const protocol::Login &request);

    /** Returns the reply to a login once its check is done, and updates the session. */
    protocol::Message finish(const LoginCheck &check);

private:
    protocol::Message reject(const std::string &rid);

    HandlerContext &m_context;
};

} // namespace civicdesk::server
