#pragma once

#include "handlercontext.h"
#include "protocol/messages.h"

namespace civicdesk::server {

struct UserAccount;

/**
 * Signs a connection in: checks the password of an active account and stores the user's
 * access scope in the session. The fifth failed attempt on one connection closes it.
 */
class LoginHandler
{
public:
    static constexpr int MaxFailedLogins = 5;

    explicit LoginHandler(HandlerContext &context);

    protocol::Message handle(const protocol::Login &request);

private:
    bool credentialsValid(const protocol::Login &request, UserAccount &account);
    protocol::Message reject(const protocol::Login &request);

    HandlerContext &m_context;
};

} // namespace civicdesk::server
