#include "hellohandler.h"

#include "connection.h"
#include "domain/ids.h"
#include "store/store.h"

namespace civicdesk::server {

HelloHandler::HelloHandler(HandlerContext &context)
    : m_context(context)
{
}

protocol::Message HelloHandler::handle(const protocol::Hello &request)
{
    // A hello starts a new sync round: pushes wait until its fetches reach the head again.
    m_context.session.live = false;

    protocol::Welcome welcome { request.rid, m_context.store.epoch(), m_context.store.headSeq(),
        utcNowIso() };
    if (const auto restored = m_context.store.restorePoint()) {
        welcome.restoredFromEpoch = restored->epoch;
        welcome.restoredAtSeq = restored->seq;
    }
    return welcome;
}

} // namespace civicdesk::server
