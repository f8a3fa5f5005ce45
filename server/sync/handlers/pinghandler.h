#pragma once

#include "protocol/messages.h"

namespace civicdesk::server {

/** Replies to the client's application-level ping with the server's time. */
class PingHandler
{
public:
    protocol::Message handle(const protocol::Ping &request);
};

} // namespace civicdesk::server
