#pragma once

#include "protocol/messages.h"
#include "store/store.h"

#include <functional>
#include <map>
#include <string>
#include <utility>

namespace Poco {
class Logger;
}

namespace civicdesk::server {

class Store;
struct Connection;

/**
 * Brings one live session up to the head of the change log: reads pages of changes in its
 * scope after the session's cursor and sends each non-empty page as a push. Runs on the
 * worker thread.
 */
class ChangeFanout
{
public:
    /** Sends a message on a connection. Returns false when the connection was dropped. */
    using Sender = std::function<bool(Connection &, const protocol::Message &)>;

    static constexpr int PageSize = 500;

    ChangeFanout(Store &store, Poco::Logger &logger, Sender sender);

    /** Forgets the pages read in the last round; call it before each round of pushTo. */
    void startRound() { m_pages.clear(); }

    /** Pushes new changes to the connection's session. Returns false if it was dropped. */
    bool pushTo(Connection &connection);

private:
    /** Returns the page after cursor in scope, sized to the message limit, read once a round. */
    ChangePage readPage(const AccessScope &scope, std::int64_t cursor);

    Store &m_store;
    Poco::Logger &m_logger;
    Sender m_sender;
    // Pages of this round by scope key and cursor. Sessions of one scope at one cursor, such
    // as a team's desktops after a change, get one store read and one sizing pass.
    std::map<std::pair<std::string, std::int64_t>, ChangePage> m_pages;
};

} // namespace civicdesk::server
