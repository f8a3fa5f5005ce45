#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

namespace civicdesk::server {

class Store;

/** GET /health: {"status":"ok","epoch":...,"headSeq":N}. */
class HealthHandler : public Poco::Net::HTTPRequestHandler
{
public:
    explicit HealthHandler(Store &store);

    void handleRequest(
        Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    Store &m_store;
};

} // namespace civicdesk::server
