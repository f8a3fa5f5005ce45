#include "changefanout.h"

#include "changepaging.h"
#include "connection.h"
#include "store/store.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace civicdesk::server {

ChangeFanout::ChangeFanout(Store &store, Poco::Logger &logger, Sender sender)
    : m_store(store)
    , m_logger(logger)
    , m_sender(std::move(sender))
{
}

bool ChangeFanout::pushTo(Connection &connection)
{
    SyncSession &session = connection.session;
    bool more = true;
    while (more) {
        ChangePage page;
        try {
            page = m_store.changesSince(session.scope, session.cursor, PageSize);
        } catch (const Poco::Exception &error) {
            // The session keeps its cursor, so the next notification retries from there.
            poco_warning(m_logger,
                "connection " + connection.id
                    + ": reading changes to push failed: " + error.displayText());
            return true;
        }
        fitPageToMessageLimit(page, protocol::MaxMessageBytes);

        if (page.cursor <= session.cursor) {
            return true; // nothing new, or a page that does not advance and would loop forever
        }
        more = page.more;
        session.cursor = page.cursor;
        if (page.changes.empty()) {
            continue;
        }
        const std::int64_t from = session.clientCursor;
        session.clientCursor = page.cursor;
        if (!m_sender(connection, protocol::Push { from, page.cursor, std::move(page.changes) })) {
            return false;
        }
    }
    return true;
}

} // namespace civicdesk::server
