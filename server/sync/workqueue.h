#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace civicdesk::server {

struct LoginCheck;

/** One job for the worker thread. */
struct WorkItem
{
    enum class Kind {
        Message, // text: one complete text message from the client
        Pong, // text: the PING payload to echo
        Heartbeat, // text: the payload of a PING to send
        Close, // closeCode and text (the reason): send a close frame
        ChangesAvailable, // the store committed a write; push to live sessions
        LoginChecked, // login: the login pool finished checking this connection's password
    };

    Kind kind = Kind::Message;
    std::string connectionId;
    std::string text;
    int closeCode = 0;
    // For Close: drop right after sending, because the peer closed first or the frame stream
    // can no longer be read. Otherwise the poll thread drops on the peer's close frame.
    bool dropAfterClose = false;
    std::shared_ptr<LoginCheck> login; // For LoginChecked
};

/**
 * The worker thread's queue, fed by the poll thread and the store's change listener.
 * Notifications of new changes are coalesced, so a burst of writes costs one fan-out.
 * Thread-safe.
 */
class WorkQueue
{
public:
    void post(WorkItem item);
    void postChangesAvailable();

    /** Waits for the next item; returns false once close() was called. */
    bool take(WorkItem &item);

    /** Wakes the worker and makes take() return false from now on. */
    void close();

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<WorkItem> m_items;
    bool m_changesQueued = false;
    bool m_closed = false;
};

} // namespace civicdesk::server
