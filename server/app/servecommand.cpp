#include "app/servecommand.h"

#include "app/tlscontext.h"
#include "http/handlerfactory.h"
#include "intake/intakeservice.h"
#include "intake/textclassifier.h"
#include "sla/slascheduler.h"
#include "store/accesslogretention.h"
#include "store/sqlitestore.h"
#include "sync/syncservice.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/ThreadPool.h>
#include <algorithm>
#include <fstream>
#include <iostream>

namespace civicdesk::server {

namespace {

double thresholdSetting(const Poco::Util::AbstractConfiguration &config, const std::string &key)
{
    const std::string text = config.getString(key);
    double value = -1;
    if (!Poco::NumberParser::tryParseFloat(text, value) || value < 0 || value > 1) {
        throw Poco::IllegalStateException(
            key + " must be a number from 0 to 1, not \"" + text + "\"");
    }
    return value;
}

/** Reads intake.threshold.default and intake.threshold.<category> for known categories. */
ConfidenceThresholds confidenceThresholds(
    const Poco::Util::AbstractConfiguration &config, const std::vector<Category> &categories)
{
    ConfidenceThresholds thresholds;
    Poco::Util::AbstractConfiguration::Keys keys;
    config.keys("intake.threshold", keys);
    for (const std::string &key : keys) {
        const double value = thresholdSetting(config, "intake.threshold." + key);
        const bool known = std::any_of(categories.begin(), categories.end(),
            [&](const Category &category) { return category.id == key; });
        if (key == "default") {
            thresholds.defaultThreshold = value;
        } else if (!known) {
            throw Poco::IllegalStateException(
                "intake.threshold." + key + ": \"" + key + "\" is not a category id");
        } else {
            thresholds.perCategory[key] = value;
        }
    }
    return thresholds;
}

Poco::Logger &serveLogger()
{
    return Poco::Logger::get("civicdesk.server.http");
}

std::string notImportedMessage(const std::string &dataDir)
{
    return "the data folder " + dataDir
        + " has not been imported yet; run `civicdesk-server "
          "--data-dir="
        + dataDir + " import` first";
}

/** Reads a count setting that must be a whole number of at least 1. */
std::size_t positiveCountSetting(
    const Poco::Util::AbstractConfiguration &config, const std::string &key, std::size_t fallback)
{
    const std::string text = config.getString(key, std::to_string(fallback));
    int value = 0;
    if (!Poco::NumberParser::tryParse(text, value) || value < 1) {
        throw Poco::IllegalStateException(
            key + " must be a whole number of at least 1, not \"" + text + "\"");
    }
    return static_cast<std::size_t>(value);
}

SyncOptions syncOptions(const Poco::Util::AbstractConfiguration &config)
{
    SyncOptions options;
    options.maxConnections =
        config.getUInt("sync.maxConnections", static_cast<unsigned>(options.maxConnections));
    options.maxMessageBytes =
        config.getUInt("sync.maxMessageBytes", static_cast<unsigned>(options.maxMessageBytes));
    options.receiveTimeout = Poco::Timespan(config.getInt("sync.receiveTimeoutSeconds", 10), 0);
    options.sendTimeout = Poco::Timespan(config.getInt("sync.sendTimeoutSeconds", 10), 0);
    options.idleTimeoutSeconds = config.getInt("sync.idleTimeoutSeconds", 120);
    options.heartbeatSeconds = config.getInt("sync.heartbeatSeconds", 30);
    options.loginThreads =
        positiveCountSetting(config, "sync.loginThreads", options.loginThreads);
    options.maxPendingLogins =
        positiveCountSetting(config, "sync.maxPendingLogins", options.maxPendingLogins);
    const Poco::StringTokenizer origins(config.getString("sync.allowedOrigins", ""), ",",
        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    options.allowedOrigins.assign(origins.begin(), origins.end());
    return options;
}

} // namespace

ServeCommand::ServeCommand(ServeOptions options, const Poco::Util::AbstractConfiguration &config)
    : m_options(std::move(options))
    , m_config(config)
{
    Poco::Net::initializeSSL();
}

ServeCommand::~ServeCommand()
{
    stop();
    Poco::Net::uninitializeSSL();
}

void ServeCommand::openStore()
{
    const std::string databasePath = m_options.dataDir + "/civicdesk.sqlite";
    if (!Poco::File(databasePath).exists()) {
        throw Poco::IllegalStateException(notImportedMessage(m_options.dataDir));
    }
    m_store = SqliteStore::openFile(databasePath);
    if (!m_store->meta("importedAt")) {
        throw Poco::IllegalStateException(notImportedMessage(m_options.dataDir));
    }
    const std::string modelVersion = m_config.getString("intake.modelVersion", "");
    try {
        m_classifier = TextClassifier::load(m_options.dataDir, modelVersion);
    } catch (const Poco::FileNotFoundException &error) {
        throw Poco::IllegalStateException(modelVersion.empty()
                ? notImportedMessage(m_options.dataDir)
                : "intake.modelVersion: " + error.displayText());
    }
    serveLogger().information("Opened store with epoch %s, category model %s", m_store->epoch(),
        m_classifier->modelVersion());
}

void ServeCommand::start()
{
    // TLS settings are checked first, so that a wrong file stops the server at once.
    prepareTls();
    openStore();
    m_intake = std::make_unique<IntakeService>(
        *m_store, *m_classifier, confidenceThresholds(m_config, m_store->categories()));
    m_sync = std::make_unique<SyncService>(*m_store, syncOptions(m_config));
    m_accessLogRetention = std::make_unique<AccessLogRetention>(*m_store,
        static_cast<int>(positiveCountSetting(
            m_config, "audit.retentionDays", AccessLogRetention::DefaultRetentionDays)));
    startHttp();
    m_slaScheduler = std::make_unique<sla::SlaScheduler>(
        *m_store, m_config.getInt("sla.checkIntervalMs", 60000));
    m_slaScheduler->start();
    m_accessLogRetention->start();

    // The port file is complete before the listening line, so a script that waits for the
    // line can read the file at once.
    {
        std::ofstream portFile(m_options.dataDir + "/server.port", std::ios::trunc);
        portFile << m_port << "\n";
    }
    std::cout << "civicdesk-server listening on " << m_options.host << ":" << m_port << std::endl;
}

void ServeCommand::prepareTls()
{
    if (!tlsEnabled(m_config)) {
        serveLogger().warning("TLS is off (tls.enabled=false): the HTTP API and sync travel "
                              "in plain text; use this only behind a TLS-terminating proxy");
        return;
    }
    const TlsFiles files = resolveTlsFiles(m_config, m_options.dataDir, serveLogger());
    m_tlsContext = createServerContext(files);
    serveLogger().information("TLS certificate %s, SHA-256 fingerprint %s", files.certificate,
        certificateFingerprint(files.certificate));
}

Poco::Net::ServerSocket ServeCommand::makeListeningSocket()
{
    if (!m_tlsContext) {
        return Poco::Net::ServerSocket();
    }
    return Poco::Net::SecureServerSocket(m_tlsContext);
}

void ServeCommand::startHttp()
{
    Poco::Net::ServerSocket socket = makeListeningSocket();
    socket.bind(Poco::Net::SocketAddress(m_options.host, m_options.port), true);
    socket.listen(m_config.getInt("http.backlog", 64));
    m_port = socket.address().port();

    // A keep-alive connection keeps its pool thread until it closes, so the thread count
    // bounds the HTTP clients served at once and the rest wait in the queue. Poco's default
    // pool has 16 threads and HTTPServerParams::setMaxThreads does not raise that, so the
    // server has its own pool.
    const int maxThreads = m_config.getInt("http.maxThreads", 64);
    if (maxThreads < 1) {
        throw Poco::IllegalStateException(
            "http.maxThreads must be at least 1, not " + std::to_string(maxThreads));
    }
    m_httpThreads = std::make_unique<Poco::ThreadPool>("http", 2, maxThreads);
    auto *params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(maxThreads);
    params->setMaxQueued(m_config.getInt("http.maxQueued", 64));
    // Poco's default of 60 s lets a client that sends its body slowly hold a pool thread for a
    // minute. A short timeout bounds how long such clients can starve the others.
    params->setTimeout(Poco::Timespan(m_config.getInt("http.timeoutSeconds", 5), 0));
    params->setKeepAlive(true);
    SyncService *sync = m_sync.get();
    UpgradeFunction upgrade = [sync](Poco::Net::HTTPServerRequest &request,
                                  Poco::Net::HTTPServerResponse &response) {
        sync->acceptUpgrade(request, response);
    };
    m_http = std::make_unique<Poco::Net::HTTPServer>(
        new HandlerFactory(*m_store, *m_intake, std::move(upgrade)), *m_httpThreads, socket,
        params);
    m_http->start();
    serveLogger().information("%s server listening on %s:%hu",
        std::string(socket.secure() ? "HTTPS" : "HTTP"), m_options.host, m_port);
}

void ServeCommand::stop()
{
    if (m_accessLogRetention) {
        m_accessLogRetention->stop();
        m_accessLogRetention.reset();
    }
    if (m_slaScheduler) {
        m_slaScheduler->stop();
        m_slaScheduler.reset();
    }
    if (m_http) {
        serveLogger().information("Stopping the HTTP server");
        m_http->stop();
    }
    if (m_sync) {
        m_sync->stop();
    }
    if (m_http) {
        m_http->stopAll(true);
        m_http.reset();
        m_httpThreads->joinAll();
        m_httpThreads.reset();
        Poco::File portFile(m_options.dataDir + "/server.port");
        if (portFile.exists()) {
            portFile.remove();
        }
    }
    m_sync.reset();
}

} // namespace civicdesk::server
