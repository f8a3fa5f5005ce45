#include "http/jsonresponse.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace civicdesk::server {

void sendJson(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
    const nlohmann::json &body)
{
    const std::string text = body.dump();
    response.setStatusAndReason(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(static_cast<std::streamsize>(text.size()));
    response.send() << text;
}

void sendError(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
    const std::string &field, const std::string &message)
{
    nlohmann::json error { { "message", message } };
    if (!field.empty()) {
        error["field"] = field;
    }
    sendJson(response, status, { { "error", error } });
}

ErrorStatusHandler::ErrorStatusHandler(
    Poco::Net::HTTPResponse::HTTPStatus status, std::string message, std::string allow)
    : m_status(status)
    , m_message(std::move(message))
    , m_allow(std::move(allow))
{
}

void ErrorStatusHandler::handleRequest(
    Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    // Drain a small body so a kept-alive connection stays in step; large ones just close.
    request.stream().ignore(64 * 1024);
    if (!m_allow.empty()) {
        response.set("Allow", m_allow);
    }
    sendError(response, m_status, {}, m_message);
}

} // namespace civicdesk::server
