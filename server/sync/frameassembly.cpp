#include "frameassembly.h"

#include <Poco/Net/WebSocket.h>

namespace civicdesk::server {

namespace {

using Poco::Net::WebSocket;

FrameOutcome closeWith(int code, std::string reason)
{
    return FrameOutcome { FrameOutcome::Action::Close, std::move(reason), code };
}

FrameOutcome appendFragment(
    MessageAssembly &assembly, bool final, std::string_view payload, std::size_t maxMessageBytes)
{
    if (assembly.text.size() + payload.size() > maxMessageBytes) {
        assembly = {};
        return closeWith(WebSocket::WS_PAYLOAD_TOO_BIG,
            "message exceeds " + std::to_string(maxMessageBytes) + " bytes");
    }
    assembly.text.append(payload);
    if (!final) {
        assembly.inProgress = true;
        return {};
    }

    FrameOutcome outcome { FrameOutcome::Action::Message, std::move(assembly.text), 0 };
    assembly = {};
    return outcome;
}

} // namespace

FrameOutcome applyFrame(
    MessageAssembly &assembly, int flags, std::string_view payload, std::size_t maxMessageBytes)
{
    const bool final = (flags & WebSocket::FRAME_FLAG_FIN) != 0;

    switch (flags & WebSocket::FRAME_OP_BITMASK) {
    case WebSocket::FRAME_OP_PING:
        return FrameOutcome { FrameOutcome::Action::Pong, std::string(payload), 0 };
    case WebSocket::FRAME_OP_PONG:
        return {};
    case WebSocket::FRAME_OP_CLOSE:
        return closeWith(WebSocket::WS_NORMAL_CLOSE, "closed by the client");
    case WebSocket::FRAME_OP_BINARY:
        return closeWith(WebSocket::WS_PAYLOAD_NOT_ACCEPTABLE, "binary messages are not accepted");
    case WebSocket::FRAME_OP_TEXT:
        if (assembly.inProgress) {
            return closeWith(
                WebSocket::WS_PROTOCOL_ERROR, "text frame inside a fragmented message");
        }
        return appendFragment(assembly, final, payload, maxMessageBytes);
    case WebSocket::FRAME_OP_CONT:
        if (!assembly.inProgress) {
            return closeWith(WebSocket::WS_PROTOCOL_ERROR, "continuation frame without a message");
        }
        return appendFragment(assembly, final, payload, maxMessageBytes);
    default:
        return closeWith(WebSocket::WS_PROTOCOL_ERROR, "unknown frame opcode");
    }
}

} // namespace civicdesk::server
