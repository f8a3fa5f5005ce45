#include "fetchhandler.h"

#include "changepaging.h"
#include "connection.h"
#include "store/store.h"

#include <Poco/Logger.h>

namespace civicdesk::server {

FetchHandler::FetchHandler(HandlerContext &context)
    : m_context(context)
{
}

protocol::Batch FetchHandler::handle(const protocol::Fetch &request)
{
    SyncSession &session = m_context.session;
    ChangePage page = m_context.store.changesSince(session.scope, request.cursor, request.limit);
    if (!fitPageToMessageLimit(page, protocol::MaxMessageBytes)) {
        poco_warning(m_context.logger,
            "connection " + m_context.connectionId + ": change " + std::to_string(page.cursor)
                + " alone exceeds the message limit; sent anyway");
    }

    session.live = !page.more;
    if (session.live) {
        session.cursor = page.cursor;
        session.clientCursor = page.cursor;
    }
    // Each page of a multi-page fetch comes through here, so each is read in the session's
    // scope like a fetch of one page.
    const bool follows = page.more && request.pages > 1;
    return protocol::Batch { request.rid, std::move(page.changes), page.cursor, page.more,
        follows };
}

} // namespace civicdesk::server
