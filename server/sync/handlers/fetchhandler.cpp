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

protocol::Message FetchHandler::handle(const protocol::Fetch &request)
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
    return protocol::Batch { request.rid, std::move(page.changes), page.cursor, page.more };
}

} // namespace civicdesk::server
