#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace civicdesk::server {

/** A text message being put together from its frames. */
struct MessageAssembly
{
    std::string text;
    bool inProgress = false;
};

/** The poll thread's next step after one frame. */
struct FrameOutcome
{
    enum class Action {
        None, // a fragment was stored, or a PONG arrived
        Message, // text is one complete text message
        Pong, // text is the PING payload to echo
        Close, // send a close frame with closeCode and text as the reason
    };

    Action action = Action::None;
    std::string text;
    int closeCode = 0;
};

/**
 * Applies one received frame (flags as returned by Poco's WebSocket::receiveFrame) to the
 * assembly. Reassembles fragmented text messages, closes with 1009 when a message grows past
 * maxMessageBytes, 1003 for binary messages and 1002 for continuation frames out of order.
 */
FrameOutcome applyFrame(
    MessageAssembly &assembly, int flags, std::string_view payload, std::size_t maxMessageBytes);

} // namespace civicdesk::server
