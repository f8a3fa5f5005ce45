#pragma once

#include <QByteArray>

/** Parsers of the WebSocket frames (RFC 6455, section 5.2) that the fault-test proxies pass on. */
namespace WebSocketFrame {

/** Returns the length in bytes of the complete frame at the start of data, or 0 while the
 *  frame is incomplete. */
int completeLength(const QByteArray &data);

/** Returns the payload of the complete frame at the start of data, unmasked when the frame is
 *  masked (as every frame a client sends is). */
QByteArray payload(const QByteArray &data);

} // namespace WebSocketFrame
