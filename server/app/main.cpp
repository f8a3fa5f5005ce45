// civicdesk-server: the CivicDesk server executable. All logic lives in the server libraries;
// see ServerApp for the command line.
#include "app/serverapp.h"

#include <Poco/Exception.h>
#include <iostream>

int main(int argc, char **argv)
{
    try {
        civicdesk::server::ServerApp app;
        return app.run(argc, argv);
    } catch (const Poco::Exception &error) {
        std::cerr << "civicdesk-server: " << error.displayText() << std::endl;
        return Poco::Util::Application::EXIT_SOFTWARE;
    } catch (const std::exception &error) {
        std::cerr << "civicdesk-server: " << error.what() << std::endl;
        return Poco::Util::Application::EXIT_SOFTWARE;
    }
}
