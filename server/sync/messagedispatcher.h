#pragma once

#include "handlers/loginhandler.h"
#include "protocol/messages.h"

#include <memory>
#include <optional>
#include <string>

namespace Poco {
class Logger;
}

namespace civicdesk::server {

class Store;
struct SyncSession;

/**
 * The outcome of one client message: a reply to send, or a login whose password check must
 * run on the login pool before LoginHandler::finish() gives the reply.
 */
struct Dispatched
{
    protocol::Message reply;
    std::shared_ptr<LoginCheck> login; // set when the reply waits for this password check
    // The rest of a multi-page fetch, to handle after the reply is sent, when pages remain.
    std::optional<protocol::Fetch> nextFetch;
};

/**
 * Turns one client text message into its reply. It decodes the message, lets only login and
 * ping through before login and hands it to the handler for its type. Decode errors become
 * an error reply with their code. Poco and standard exceptions from a handler become
 * server.internal, so dispatch() and finishLogin() do not throw them. Runs on the worker
 * thread.
 */
class MessageDispatcher
{
public:
    MessageDispatcher(Store &store, Poco::Logger &logger);

    Dispatched dispatch(
        const std::string &text, const std::string &connectionId, SyncSession &session);

    /** Returns the reply to a login whose password check is done. */
    protocol::Message finishLogin(
        const LoginCheck &check, const std::string &connectionId, SyncSession &session);

private:
    Dispatched handle(
        const protocol::Message &message, const std::string &connectionId, SyncSession &session);
    protocol::Message internalError(const std::string &rid, const std::string &type,
        const std::string &connectionId, const std::string &failure);

    Store &m_store;
    Poco::Logger &m_logger;
};

} // namespace civicdesk::server
