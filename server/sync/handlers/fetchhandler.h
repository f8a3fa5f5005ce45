#pragma once

#include "handlercontext.h"
#include "protocol/messages.h"

namespace civicdesk::server {

/**
 * Replies to fetch with one page of the change log in the user's scope. The page that reaches
 * the head (more == false) makes the session live, with pushes starting at its cursor. For a
 * fetch of several pages, the batch has follows set while pages remain, and the caller
 * queues the fetch of the remaining pages from the batch's cursor.
 */
class FetchHandler
{
public:
    explicit FetchHandler(HandlerContext &context);

    protocol::Batch handle(const protocol::Fetch &request);

private:
    HandlerContext &m_context;
};

} // namespace civicdesk::server
