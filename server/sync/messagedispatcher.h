#pragma once

#include "protocol/messages.h"

#include <string>

namespace Poco {
class Logger;
}

namespace civicdesk::server {

class Store;
struct SyncSession;

/**
 * Turns one client text message into its reply. It decodes the message, lets only login and
 * ping through before login and hands it to the handler for its type. Decode errors become
 * an error reply with their code. Poco and standard exceptions from a handler become
 * server.internal, so dispatch() does not throw them. Runs on the worker thread.
 */
class MessageDispatcher
{
public:
    MessageDispatcher(Store &store, Poco::Logger &logger);

    protocol::Message dispatch(
        const std::string &text, const std::string &connectionId, SyncSession &session);

private:
    protocol::Message handle(
        const protocol::Message &message, const std::string &connectionId, SyncSession &session);

    Store &m_store;
    Poco::Logger &m_logger;
};

} // namespace civicdesk::server
