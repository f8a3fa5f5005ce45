#include "http/requestsubmithandler.h"

#include "http/jsonresponse.h"
#include "intake/intakeservice.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MediaType.h>

namespace civicdesk::server {

namespace {

using Poco::Net::HTTPResponse;

Poco::Logger &httpLogger()
{
    return Poco::Logger::get("civicdesk.server.http");
}

bool isJsonContentType(const std::string &contentType)
{
    try {
        return Poco::Net::MediaType(contentType).matches("application", "json");
    } catch (const Poco::Exception &) {
        return false;
    }
}

/** Reads at most limit + 1 bytes, so a caller can tell an oversized body. */
std::string readBody(std::istream &stream, std::size_t limit)
{
    std::string body(limit + 1, '\0');
    stream.read(body.data(), static_cast<std::streamsize>(body.size()));
    body.resize(static_cast<std::size_t>(stream.gcount()));
    return body;
}

} // namespace

RequestSubmitHandler::RequestSubmitHandler(IntakeService &intake)
    : m_intake(intake)
{
}

void RequestSubmitHandler::handleRequest(
    Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    try {
        submit(request, response);
    } catch (const Poco::Exception &error) {
        httpLogger().error("Request submission failed: %s", error.displayText());
        sendError(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, {},
            "the request could not be stored; try again later");
    } catch (const std::exception &error) {
        httpLogger().error("Request submission failed: %s", std::string(error.what()));
        sendError(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, {},
            "the request could not be stored; try again later");
    }
}

void RequestSubmitHandler::submit(
    Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    if (!isJsonContentType(request.getContentType())) {
        sendError(response, HTTPResponse::HTTP_UNSUPPORTED_MEDIA_TYPE, {},
            "Content-Type must be application/json");
        return;
    }
    const bool hugeBody = request.hasContentLength()
        && request.getContentLength64() > static_cast<Poco::Int64>(MaxDrainedBytes);
    const std::string body = hugeBody ? std::string() : readBody(request.stream(), MaxBodyBytes);
    if (hugeBody || body.size() > MaxBodyBytes) {
        // Reading the rest of a moderately large body lets the client finish sending and read
        // the 413; a huge one is not read, and the connection closes instead.
        if (!hugeBody) {
            request.stream().ignore(static_cast<std::streamsize>(MaxDrainedBytes));
        }
        response.setKeepAlive(false);
        sendError(response, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, {},
            "the request body must be at most 64 KiB");
        return;
    }

    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) {
        sendError(
            response, HTTPResponse::HTTP_BAD_REQUEST, {}, "the request body is not valid JSON");
        return;
    }
    const auto parsed = parseSubmission(json);
    if (const auto *error = std::get_if<FieldError>(&parsed)) {
        sendError(response, HTTPResponse::HTTP_BAD_REQUEST, error->field, error->message);
        return;
    }
    const auto outcome = m_intake.submit(std::get<Submission>(parsed));
    if (const auto *error = std::get_if<FieldError>(&outcome)) {
        sendError(response, HTTPResponse::HTTP_BAD_REQUEST, error->field, error->message);
        return;
    }

    const IntakeResult &result = std::get<IntakeResult>(outcome);
    sendJson(response, HTTPResponse::HTTP_CREATED,
        { { "caseId", result.kase.id }, { "caseNumber", result.kase.number },
            { "teamId", result.kase.teamId }, { "teamName", result.teamName },
            { "categoryId", result.kase.categoryId },
            { "categoryConfidence", result.kase.categoryConfidence },
            { "priority", result.kase.priority } });
}

} // namespace civicdesk::server
