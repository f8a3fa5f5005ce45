#include "http/healthhandler.h"

#include "http/jsonresponse.h"
#include "store/store.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace civicdesk::server {

HealthHandler::HealthHandler(Store &store)
    : m_store(store)
{
}

void HealthHandler::handleRequest(
    Poco::Net::HTTPServerRequest &, Poco::Net::HTTPServerResponse &response)
{
    try {
        sendJson(response, Poco::Net::HTTPResponse::HTTP_OK,
            { { "status", "ok" }, { "epoch", m_store.epoch() }, { "headSeq", m_store.headSeq() } });
    } catch (const Poco::Exception &error) {
        Poco::Logger::get("civicdesk.server.http")
            .error("Health check failed: %s", error.displayText());
        sendError(response, Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE, {},
            "the store is not available");
    }
}

} // namespace civicdesk::server
