#pragma once

#include <Poco/Util/ServerApplication.h>
#include <string>
#include <vector>

namespace civicdesk::server {

/**
 * The civicdesk-server command line: `civicdesk-server --data-dir=DIR [options] [import|serve|train|evaluate]`.
 * It reads options and the optional properties file, sets up logging and runs one command.
 */
class ServerApp : public Poco::Util::ServerApplication
{
protected:
    void initialize(Poco::Util::Application &self) override;
    void defineOptions(Poco::Util::OptionSet &options) override;
    int main(const std::vector<std::string> &args) override;

private:
    void handleHelp(const std::string &name, const std::string &value);
    void handleConfig(const std::string &name, const std::string &value);
    void setUpLogging();
    void displayHelp();
    int runImport(const std::string &dataDir);
    int runServe(const std::string &dataDir);
    int runTrain(const std::string &dataDir);
    int runBackupOrRestore(const std::string &command, const std::string &dataDir);
    int runAccessLog(const std::string &dataDir);
    int runEvaluate();

    bool m_helpRequested = false;
};

} // namespace civicdesk::server
