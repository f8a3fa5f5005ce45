#include "mutatehandler.h"

#include "connection.h"
#include "store/store.h"

#include <Poco/Logger.h>

namespace civicdesk::server {

MutateHandler::MutateHandler(HandlerContext &context)
    : m_context(context)
{
}

protocol::Message MutateHandler::handle(const protocol::Mutate &request)
{
    const protocol::Mutation &mutation = request.mutation;
    MutationOutcome outcome = m_context.store.applyMutation(m_context.session.scope, mutation);

    const std::string what = "connection " + m_context.connectionId + ": mutation " + mutation.id
        + " (" + mutation.op + " on " + mutation.entity + " " + mutation.entityId + ")";
    if (outcome.applied) {
        poco_information(m_context.logger, what + " applied at seq " + std::to_string(outcome.seq));
        return protocol::Ack { request.rid, mutation.id, mutation.entityId, outcome.version,
            outcome.seq };
    }

    poco_information(
        m_context.logger, what + " rejected: " + std::string(protocol::toString(outcome.code)));
    return protocol::Reject { request.rid, mutation.id, outcome.code, std::move(outcome.message),
        std::move(outcome.current), outcome.version };
}

} // namespace civicdesk::server
