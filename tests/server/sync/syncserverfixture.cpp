#include "syncserverfixture.h"

#include "store/sqlitestore.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

namespace civicdesk::server {

namespace {

class UpgradeHandler : public Poco::Net::HTTPRequestHandler
{
public:
    explicit UpgradeHandler(SyncService &service)
        : m_service(service)
    {
    }

    void handleRequest(
        Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override
    {
        m_service.acceptUpgrade(request, response);
    }

private:
    SyncService &m_service;
};

class NotFoundHandler : public Poco::Net::HTTPRequestHandler
{
public:
    void handleRequest(
        Poco::Net::HTTPServerRequest &, Poco::Net::HTTPServerResponse &response) override
    {
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
        response.setContentLength(0);
        response.send();
    }
};

class RouteFactory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit RouteFactory(SyncService &service)
        : m_service(service)
    {
    }

    Poco::Net::HTTPRequestHandler *createRequestHandler(
        const Poco::Net::HTTPServerRequest &request) override
    {
        if (request.getURI() == "/ws") {
            return new UpgradeHandler(m_service);
        }
        return new NotFoundHandler;
    }

private:
    SyncService &m_service;
};

} // namespace

SyncServerFixture::SyncServerFixture(SyncOptions options, int httpThreads, int casesPerTeam)
{
    m_store = SqliteStore::openFile(databasePath());
    m_seed = seedStore(*m_store, casesPerTeam);
    m_service = std::make_unique<SyncService>(*m_store, std::move(options));

    auto params = Poco::AutoPtr<Poco::Net::HTTPServerParams>(new Poco::Net::HTTPServerParams);
    params->setMaxThreads(httpThreads);
    params->setMaxQueued(200);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_port = socket.address().port();
    m_threads = std::make_unique<Poco::ThreadPool>(1, httpThreads);
    m_http = std::make_unique<Poco::Net::HTTPServer>(
        new RouteFactory(*m_service), *m_threads, socket, params);
    m_http->start();
}

SyncServerFixture::~SyncServerFixture()
{
    m_http->stopAll(true);
    m_service->stop();
    m_threads->joinAll();
}

std::string SyncServerFixture::databasePath() const
{
    return m_directory.filePath(QStringLiteral("store.db")).toStdString();
}

QUrl SyncServerFixture::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port));
}

} // namespace civicdesk::server
