#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <functional>

namespace civicdesk::server {

class IntakeService;
class Store;

/** Completes a WebSocket upgrade of /ws; the sync service provides it. */
using UpgradeFunction =
    std::function<void(Poco::Net::HTTPServerRequest &, Poco::Net::HTTPServerResponse &)>;

/**
 * Dispatches the server's endpoints: GET /ws with an Upgrade header to the sync service,
 * POST /api/v1/requests, GET /health; 405 for another method on those paths and 404 JSON
 * for any other path.
 */
class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    HandlerFactory(Store &store, IntakeService &intake, UpgradeFunction upgrade);

    Poco::Net::HTTPRequestHandler *createRequestHandler(
        const Poco::Net::HTTPServerRequest &request) override;

private:
    Store &m_store;
    IntakeService &m_intake;
    UpgradeFunction m_upgrade;
};

} // namespace civicdesk::server
