#include "changefanout.h"

#include "changepaging.h"
#include "connection.h"
#include "store/store.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <algorithm>

namespace civicdesk::server {

ChangeFanout::ChangeFanout(Store &store, Poco::Logger &logger, Sender sender)
    : m_store(store)
    , m_logger(logger)
    , m_sender(std::move(sender))
{
}

namespace {

/** Returns a key equal for scopes that changesSince filters alike: all, or the same teams. */
std::string scopeKey(const AccessScope &scope)
{
    if (scope.everything) {
        return "*";
    }
    std::vector<std::string> teams = scope.teamIds;
    std::sort(teams.begin(), teams.end());
    std::string key;
    for (const std::string &team : teams) {
        key += team + ",";
    }
    return key;
}

} // namespace

ChangePage ChangeFanout::readPage(const AccessScope &scope, std::int64_t cursor)
{
    const auto key = std::make_pair(scopeKey(scope), cursor);
    const auto found = m_pages.find(key);
    if (found != m_pages.end()) {
        return found->second;
    }
    ChangePage page = m_store.changesSince(scope, cursor, PageSize);
    fitPageToMessageLimit(page, protocol::MaxMessageBytes);
    m_pages.emplace(key, page);
    return page;
}

bool ChangeFanout::pushTo(Connection &connection)
{
    SyncSession &session = connection.session;
    bool more = true;
    while (more) {
        ChangePage page;
        try {
            page = readPage(session.scope, session.cursor);
        } catch (const Poco::Exception &error) {
            // The session keeps its cursor, so the next notification retries from there.
            poco_warning(m_logger,
                "connection " + connection.id
                    + ": reading changes to push failed: " + error.displayText());
            return true;
        }
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
