#include "http/handlerfactory.h"

#include "http/healthhandler.h"
#include "http/jsonresponse.h"
#include "http/requestsubmithandler.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace civicdesk::server {

namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

/** Hands an upgraded /ws request to the sync service. */
class SyncUpgradeHandler : public Poco::Net::HTTPRequestHandler
{
public:
    explicit SyncUpgradeHandler(const UpgradeFunction &upgrade)
        : m_upgrade(upgrade)
    {
    }

    void handleRequest(
        Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override
    {
        m_upgrade(request, response);
    }

private:
    const UpgradeFunction &m_upgrade;
};

bool isWebSocketUpgrade(const Poco::Net::HTTPServerRequest &request)
{
    return Poco::icompare(request.get("Upgrade", ""), "websocket") == 0;
}

std::string pathOf(const std::string &uri)
{
    try {
        return Poco::URI(uri).getPath();
    } catch (const Poco::SyntaxException &) {
        return {};
    }
}

} // namespace

HandlerFactory::HandlerFactory(Store &store, IntakeService &intake, UpgradeFunction upgrade)
    : m_store(store)
    , m_intake(intake)
    , m_upgrade(std::move(upgrade))
{
}

Poco::Net::HTTPRequestHandler *HandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest &request)
{
    const std::string path = pathOf(request.getURI());
    const std::string &method = request.getMethod();
    Poco::Logger::get("civicdesk.server.http").debug("%s %s", method, path);

    if (path == "/ws") {
        if (method != HTTPRequest::HTTP_GET) {
            return new ErrorStatusHandler(
                HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "use GET with a WebSocket upgrade", "GET");
        }
        if (!isWebSocketUpgrade(request)) {
            return new ErrorStatusHandler(
                HTTPResponse::HTTP_UPGRADE_REQUIRED, "/ws needs a WebSocket upgrade");
        }
        if (!m_upgrade) {
            return new ErrorStatusHandler(
                HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "sync is not available on this server");
        }
        return new SyncUpgradeHandler(m_upgrade);
    }
    if (path == "/api/v1/requests") {
        if (method != HTTPRequest::HTTP_POST) {
            return new ErrorStatusHandler(
                HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "use POST to submit a request", "POST");
        }
        return new RequestSubmitHandler(m_intake);
    }
    if (path == "/health") {
        if (method != HTTPRequest::HTTP_GET) {
            return new ErrorStatusHandler(
                HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "use GET for /health", "GET");
        }
        return new HealthHandler(m_store);
    }
    return new ErrorStatusHandler(HTTPResponse::HTTP_NOT_FOUND, "endpoint not found: " + path);
}

} // namespace civicdesk::server
