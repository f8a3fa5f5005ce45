#include "accessloghandler.h"

#include "connection.h"
#include "protocol/accesslog.h"
#include "store/store.h"

#include <Poco/Logger.h>

namespace civicdesk::server {

AccessLogHandler::AccessLogHandler(HandlerContext &context)
    : m_context(context)
{
}

protocol::Message AccessLogHandler::handle(const protocol::AccessLog &request)
{
    const std::string &userId = m_context.session.scope.userId;
    const std::string problem = protocol::accessLogProblem(request);
    if (!problem.empty()) {
        poco_information(m_context.logger,
            "connection " + m_context.connectionId + ": access log " + request.rid + " of user "
                + userId + " rejected: " + problem);
        return protocol::Error { request.rid, protocol::ErrorCode::AccessInvalid,
            problem + "; nothing of this accessLog was stored" };
    }

    std::vector<std::string> storedIds =
        m_context.store.recordAccess(m_context.session.scope, request.entries);
    poco_information(m_context.logger,
        "connection " + m_context.connectionId + ": recorded " + std::to_string(storedIds.size())
            + " access entries of user " + userId);
    return protocol::AccessAck { request.rid, std::move(storedIds) };
}

} // namespace civicdesk::server
