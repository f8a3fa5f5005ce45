#pragma once

#include "handlercontext.h"
#include "protocol/messages.h"

namespace civicdesk::server {

/**
 * Applies a client mutation through the store, which applies each mutation id once, and
 * replies with ack or reject. The change itself reaches the author by push, as it reaches
 * every other live session in scope.
 */
class MutateHandler
{
public:
    explicit MutateHandler(HandlerContext &context);

    protocol::Message handle(const protocol::Mutate &request);

private:
    HandlerContext &m_context;
};

} // namespace civicdesk::server
