#pragma once

#include "protocol/messages.h"

#include <functional>

namespace Poco {
class Logger;
}

namespace civicdesk::server {

class Store;
struct Connection;

/**
 * Brings one live session up to the head of the change log: reads pages of changes in its
 * scope after the session's cursor and sends each non-empty page as a push. Runs on the
 * worker thread.
 */
class ChangeFanout
{
public:
    /** Sends a message on a connection. Returns false when the connection was dropped. */
    using Sender = std::function<bool(Connection &, const protocol::Message &)>;

    static constexpr int PageSize = 500;

    ChangeFanout(Store &store, Poco::Logger &logger, Sender sender);

    /** Pushes new changes to the connection's session. Returns false if it was dropped. */
    bool pushTo(Connection &connection);

private:
    Store &m_store;
    Poco::Logger &m_logger;
    Sender m_sender;
};

} // namespace civicdesk::server
