#include "app/serverapp.h"

#include "app/evaluatecommand.h"
#include "app/servecommand.h"
#include "domain/ids.h"
#include "importer/importer.h"
#include "intake/classifiertraining.h"
#include "store/sqlitestore.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/File.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionCallback.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

namespace civicdesk::server {

using Poco::Util::Option;
using Poco::Util::OptionCallback;

void ServerApp::initialize(Poco::Util::Application &self)
{
    ServerApplication::initialize(self);
    setUpLogging();
}

void ServerApp::setUpLogging()
{
    // Logs go to stderr, so stdout carries only the listening line and the import report.
    Poco::AutoPtr<Poco::PatternFormatter> formatter(
        new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %p %s: %t"));
    Poco::AutoPtr<Poco::Channel> console(new Poco::ConsoleChannel(std::cerr));
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, console));
    const std::string level = config().getString("logging.level", "information");
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::setChannel("", channel);
    Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));
}

void ServerApp::defineOptions(Poco::Util::OptionSet &options)
{
    ServerApplication::defineOptions(options);
    options.addOption(Option("help", "h", "Show this help and exit.")
                          .callback(OptionCallback<ServerApp>(this, &ServerApp::handleHelp)));
    options.addOption(
        Option("data-dir", "d", "Folder of the database and model (created if missing).")
            .argument("DIR")
            .binding("civicdesk.dataDir"));
    options.addOption(
        Option("config", "c", "Properties file with settings such as sync.maxConnections.")
            .argument("FILE")
            .callback(OptionCallback<ServerApp>(this, &ServerApp::handleConfig)));
    options.addOption(Option("host", "", "Address to listen on (default 127.0.0.1).")
                          .argument("ADDR")
                          .binding("server.host"));
    options.addOption(
        Option("port", "p", "TCP port to listen on (default 8080; 0 picks a free port).")
            .argument("N")
            .validator(new Poco::Util::IntValidator(0, 65535))
            .binding("server.port"));
    options.addOption(Option("tls-enabled", "",
        "Serve HTTPS and WSS (default true); false serves plain HTTP and WS, for use behind "
        "a TLS-terminating proxy. Same as the tls.enabled setting.")
                          .argument("BOOL")
                          .binding("tls.enabled"));
    options.addOption(Option(
        "resources", "r", "Folder of the shipped data (default: the source tree's resources).")
                          .argument("DIR")
                          .binding("civicdesk.resources"));
    options.addOption(Option("limit", "", "Import only the first N requests (for tests).")
                          .argument("N")
                          .validator(new Poco::Util::IntValidator(0, 1000000))
                          .binding("import.limit"));
    options.addOption(Option("report", "",
        "Markdown file that evaluate writes its tables to (default docs/benchmarks.md; "
        "\"-\" prints only).")
                          .argument("FILE")
                          .binding("evaluate.report"));
    options.addOption(Option("file", "",
        "Backup file that backup writes (it must not exist) or restore reads.")
                          .argument("PATH")
                          .binding("backup.file"));
    options.addOption(Option("record", "",
        "Case or party UUID whose recorded staff reads access-log prints; for a party, the "
        "reads of its cases too.")
                          .argument("UUID")
                          .binding("accessLog.record"));
}

void ServerApp::handleHelp(const std::string &, const std::string &)
{
    m_helpRequested = true;
    stopOptionsProcessing();
}

void ServerApp::handleConfig(const std::string &, const std::string &value)
{
    loadConfiguration(value);
}

void ServerApp::displayHelp()
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("--data-dir=DIR [OPTIONS] "
                  "[import|serve|train|evaluate|recompute-sla|backup|restore|access-log]");
    help.setHeader("CivicDesk server. `import` loads the shipped data into DIR and trains the "
                   "category model; `serve` (the default) answers HTTP and sync requests; `train` "
                   "retrains the category model; `evaluate` scores it on a held-out split; "
                   "`backup --file=PATH` copies the store while it serves; `restore "
                   "--file=PATH` replaces the store with a backup (stop the server first); "
                   "`access-log --record=UUID` prints who read a case or party, when and why, "
                   "one JSON object per line.");
    help.format(std::cout);
}

int ServerApp::main(const std::vector<std::string> &args)
{
    if (m_helpRequested) {
        displayHelp();
        return EXIT_OK;
    }
    const std::string command = args.empty() ? "serve" : args.front();
    const std::set<std::string> commands { "serve", "import", "train", "evaluate",
        "recompute-sla", "backup", "restore", "access-log" };
    if (args.size() > 1 || commands.count(command) == 0) {
        std::cerr << "civicdesk-server: unknown command \"" << command
                  << "\"; use import, serve, train, evaluate, recompute-sla, backup, restore or "
                     "access-log (see --help)"
                  << std::endl;
        return EXIT_USAGE;
    }
    const std::string dataDir = config().getString("civicdesk.dataDir", "");
    if (dataDir.empty()) {
        std::cerr << "civicdesk-server: --data-dir=DIR is required (see --help)" << std::endl;
        return EXIT_USAGE;
    }
    try {
        Poco::File(dataDir).createDirectories();
        if (command == "train") {
            return runTrain(dataDir);
        }
        if (command == "evaluate") {
            return runEvaluate();
        }
        if (command == "recompute-sla") {
            // After a change of targets, feast days or service hours in the database.
            const auto store = SqliteStore::openFile(dataDir + "/civicdesk.sqlite");
            std::cout << "Recomputed the due times of " << store->recomputeSla() << " cases\n";
            return EXIT_OK;
        }
        if (command == "backup" || command == "restore") {
            return runBackupOrRestore(command, dataDir);
        }
        if (command == "access-log") {
            return runAccessLog(dataDir);
        }
        return command == "import" ? runImport(dataDir) : runServe(dataDir);
    } catch (const Poco::Exception &error) {
        logger().error("%s failed: %s", command, error.displayText());
        std::cerr << "civicdesk-server: " << command << " failed: " << error.displayText()
                  << std::endl;
        return command == "serve" ? EXIT_SOFTWARE : EXIT_DATAERR;
    }
}

int ServerApp::runImport(const std::string &dataDir)
{
    const auto store = SqliteStore::openFile(dataDir + "/civicdesk.sqlite");
    ImportOptions options;
    options.dataDir = dataDir;
    options.resourceDir = config().getString("civicdesk.resources", CIVICDESK_RESOURCE_DIR);
    options.limit = config().getInt("import.limit", -1);
    printImportReport(std::cout, civicdesk::server::runImport(*store, options));
    return EXIT_OK;
}

int ServerApp::runBackupOrRestore(const std::string &command, const std::string &dataDir)
{
    const std::string database = dataDir + "/civicdesk.sqlite";
    const std::string file = config().getString("backup.file", "");
    if (file.empty()) {
        std::cerr << "civicdesk-server: " << command << " needs --file=PATH (see --help)"
                  << std::endl;
        return EXIT_USAGE;
    }
    if (command == "backup") {
        SqliteStore::openFile(database)->backupTo(file);
        std::cout << "Backed up " << database << " to " << file << "\n";
        return EXIT_OK;
    }
    const RestorePoint point = SqliteStore::restoreFrom(database, file);
    std::cout << "Restored " << database << " from " << file << " (its epoch " << point.epoch
              << ", change " << point.seq
              << "); clients re-send the edits the backup does not have\n";
    return EXIT_OK;
}

int ServerApp::runAccessLog(const std::string &dataDir)
{
    const std::string recordId = config().getString("accessLog.record", "");
    if (!isUuid(recordId)) {
        std::cerr << "civicdesk-server: access-log needs --record=UUID, the id of a case or "
                     "party (see --help)"
                  << std::endl;
        return EXIT_USAGE;
    }
    const std::string databasePath = dataDir + "/civicdesk.sqlite";
    if (!Poco::File(databasePath).exists()) {
        std::cerr << "civicdesk-server: no store at " << databasePath
                  << "; check --data-dir" << std::endl;
        return EXIT_DATAERR;
    }
    const auto store = SqliteStore::openFile(databasePath);
    for (const StoredAccessEntry &entry : store->accessLogOf(recordId)) {
        const nlohmann::json line { { "entryId", entry.entryId }, { "userId", entry.userId },
            { "username", entry.username }, { "entity", entry.entity },
            { "entityId", entry.entityId }, { "reason", entry.reason },
            { "readAt", entry.readAt }, { "receivedAt", entry.receivedAt },
            { "inScope", entry.inScope } };
        std::cout << line.dump() << "\n";
    }
    return EXIT_OK;
}

int ServerApp::runTrain(const std::string &dataDir)
{
    const std::string resourceDir =
        config().getString("civicdesk.resources", CIVICDESK_RESOURCE_DIR);
    // People's corrections in the store are trained on with the shipped rows.
    std::vector<TrainingExample> corrections;
    if (const std::string databasePath = dataDir + "/civicdesk.sqlite";
        Poco::File(databasePath).exists()) {
        corrections = correctionExamples(SqliteStore::openFile(databasePath)->labelledExamples());
    }
    const TrainingReport report = ensureCategoryModel(resourceDir, dataDir, true, corrections);
    std::cout << "Category model: " << report.modelVersion << " trained on " << report.examples
              << " examples, " << report.corrections << " of them corrections by staff (data SHA-256 "
              << report.dataSha256 << ") at " << report.modelPath << "\n";
    return EXIT_OK;
}

int ServerApp::runEvaluate()
{
    EvaluateOptions options;
    options.resourceDir = config().getString("civicdesk.resources", CIVICDESK_RESOURCE_DIR);
    const std::string report =
        config().getString("evaluate.report", options.resourceDir + "/../docs/benchmarks.md");
    options.reportPath = report == "-" ? std::string() : report;
    options.commandLine = "civicdesk-server --data-dir=DIR evaluate";
    runEvaluation(options, std::cout);
    return EXIT_OK;
}

int ServerApp::runServe(const std::string &dataDir)
{
    ServeOptions options;
    options.dataDir = dataDir;
    options.host = config().getString("server.host", "127.0.0.1");
    options.port = static_cast<std::uint16_t>(config().getInt("server.port", 8080));

    ServeCommand server(options, config());
    try {
        server.start();
    } catch (const Poco::IllegalStateException &error) {
        std::cerr << "civicdesk-server: " << error.message() << std::endl;
        return EXIT_CONFIG;
    }
    waitForTerminationRequest();
    logger().information("Termination requested; shutting down");
    server.stop();
    return EXIT_OK;
}

} // namespace civicdesk::server
