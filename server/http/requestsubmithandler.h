#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <cstddef>

namespace civicdesk::server {

class IntakeService;

/**
 * POST /api/v1/requests: a citizen's request as JSON (at most 64 KiB) becomes a case.
 * Replies 201 with the case's number, team, category and priority; 400 naming the invalid
 * field, with nothing stored; 413 for a larger body; 415 unless the body is
 * application/json.
 */
class RequestSubmitHandler : public Poco::Net::HTTPRequestHandler
{
public:
    static constexpr std::size_t MaxBodyBytes = 64 * 1024;
    static constexpr std::size_t MaxDrainedBytes = 1024 * 1024;

    explicit RequestSubmitHandler(IntakeService &intake);

    void handleRequest(
        Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    void submit(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response);

    IntakeService &m_intake;
};

} // namespace civicdesk::server
