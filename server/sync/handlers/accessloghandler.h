#pragma once

#include "handlercontext.h"
#include "protocol/messages.h"

namespace civicdesk::server {

/**
 * Records a client's page of access entries as reads by the session's user and replies with
 * accessAck naming the stored ids. A page with an invalid entry, or with too many entries,
 * gets an access.invalid error and nothing of it is stored.
 */
class AccessLogHandler
{
public:
    explicit AccessLogHandler(HandlerContext &context);

    protocol::Message handle(const protocol::AccessLog &request);

private:
    HandlerContext &m_context;
};

} // namespace civicdesk::server
