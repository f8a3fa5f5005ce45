#pragma once

#include <string>

namespace Poco {
class Logger;
}

namespace civicdesk::server {

class Store;
struct SyncSession;

/** Dependencies of a message handler: the store, the session it acts for and the logger. */
struct HandlerContext
{
    Store &store;
    SyncSession &session;
    Poco::Logger &logger;
    const std::string &connectionId;
};

} // namespace civicdesk::server
