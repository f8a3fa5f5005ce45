#pragma once

#include "handlercontext.h"
#include "protocol/messages.h"

namespace civicdesk::server {

/** Replies to hello with the store's epoch and head sequence. The client fetches next. */
class HelloHandler
{
public:
    explicit HelloHandler(HandlerContext &context);

    protocol::Message handle(const protocol::Hello &request);

private:
    HandlerContext &m_context;
};

} // namespace civicdesk::server
