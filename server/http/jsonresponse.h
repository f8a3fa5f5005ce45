#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPResponse.h>
#include <nlohmann/json.hpp>
#include <string>

namespace Poco::Net {
class HTTPServerResponse;
}

namespace civicdesk::server {

/** Sends body as application/json with status. */
void sendJson(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
    const nlohmann::json &body);

/** Sends {"error":{"field":field,"message":message}}; the field is left out when empty. */
void sendError(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
    const std::string &field, const std::string &message);

/** Replies to every request with one JSON error, such as 404 for an unknown path. */
class ErrorStatusHandler : public Poco::Net::HTTPRequestHandler
{
public:
    ErrorStatusHandler(
        Poco::Net::HTTPResponse::HTTPStatus status, std::string message, std::string allow = {});

    void handleRequest(
        Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    Poco::Net::HTTPResponse::HTTPStatus m_status;
    std::string m_message;
    std::string m_allow;
};

} // namespace civicdesk::server
