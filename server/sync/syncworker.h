#pragma once

#include "changefanout.h"
#include "messagedispatcher.h"
#include "syncservice.h"

#include <functional>
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace civicdesk::server {

class ConnectionRegistry;
class LoginPool;
class WorkQueue;
struct Connection;
struct WorkItem;

/**
 * The body of the worker thread, which is the only thread that sends on a connection or
 * touches a session. It handles queued messages in order, replies to PINGs, sends close
 * frames and pushes new changes to live sessions. A send that fails or times out drops that
 * connection. Password checks run on the login pool, which posts each result back as a
 * LoginChecked item, and a connection's messages that arrive meanwhile wait until then.
 */
class SyncWorker
{
public:
    /** A function that makes the poll thread read a connection again: PollLoop::readSoon. */
    using ReadResumer = std::function<void(const std::string &connectionId)>;

    SyncWorker(Store &store, ConnectionRegistry &registry, WorkQueue &queue, LoginPool &loginPool,
        PasswordVerifier passwordVerifier, ReadResumer resumeReading, Poco::Logger &logger);

    /** Handles work items until the queue is closed. */
    void run();

    /** Sends a close frame to every connection and drops it. Call it only after run() returned. */
    void closeAll(int code, const std::string &reason);

private:
    void handle(const WorkItem &item);
    void handleMessage(Connection &connection, const std::string &text);
    void startLoginCheck(Connection &connection, std::shared_ptr<LoginCheck> check);
    void finishLogin(Connection &connection, const LoginCheck &check);
    /** Sends reply; false when the connection was dropped or is closing after it. */
    bool sendReply(Connection &connection, const protocol::Message &reply);
    void pushChanges();
    bool send(Connection &connection, const protocol::Message &message);
    bool sendFrame(Connection &connection, const std::string &payload, int flags);
    void close(Connection &connection, int code, const std::string &reason, bool dropAfterClose);

    ConnectionRegistry &m_registry;
    WorkQueue &m_queue;
    LoginPool &m_loginPool;
    const PasswordVerifier m_passwordVerifier;
    const ReadResumer m_resumeReading;
    Poco::Logger &m_logger;
    MessageDispatcher m_dispatcher;
    ChangeFanout m_fanout;
};

} // namespace civicdesk::server
