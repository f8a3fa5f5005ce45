#include "pinghandler.h"

#include "domain/ids.h"

namespace civicdesk::server {

protocol::Message PingHandler::handle(const protocol::Ping &request)
{
    return protocol::Pong { request.rid, utcNowIso() };
}

} // namespace civicdesk::server
