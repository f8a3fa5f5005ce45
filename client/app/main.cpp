// The CivicDesk desktop client: wires the session, the windows and the translations.

#include "clientwindows.h"
#include "commandlineoptions.h"
#include "loginwindow.h"
#include "screenshotrunner.h"
#include "session/clientsession.h"
#include "translationloader.h"

#include <QApplication>
#include <memory>

using namespace CivicDesk;

namespace {

void applyOptionsToLogin(const CommandLineOptions &options, LoginWindow *login)
{
    if (!options.serverAddress.isEmpty()) {
        login->setServerAddress(options.serverAddress);
    }
    login->setCaCertificateFile(options.caCertificateFile);
    if (!options.username.isEmpty()) {
        login->setUsername(options.username);
    }
    if (options.signIn) {
        login->setSecrets(qEnvironmentVariable("CIVICDESK_PASSWORD"),
            qEnvironmentVariable("CIVICDESK_CACHE_PASSPHRASE"));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CivicDesk"));
    QApplication::setOrganizationName(QStringLiteral("CivicDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CIVICDESK_VERSION));

    // Translate --help in the system language before the options are read.
    TranslationLoader translations;
    translations.load(TranslationLoader::systemLanguage());
    const CommandLineOptions options = CommandLineOptions::parse(application);
    if (!options.language.isEmpty()) {
        translations.load(options.language);
    }

    ClientSession session(options.dataDirectory);
    ClientWindows windows(&session);
    windows.setLanguage(translations.language());
    QObject::connect(&windows, &ClientWindows::languageChangeRequested, &translations,
        [&](const QString &language) {
            if (translations.load(language)) {
                windows.setLanguage(language);
            }
        });

    std::unique_ptr<ScreenshotRunner> screenshots;
    if (!options.screenshotDirectory.isEmpty()) {
        screenshots = std::make_unique<ScreenshotRunner>(
            &session, &windows, options.screenshotDirectory, options.quitAfterScreenshots);
    }

    applyOptionsToLogin(options, windows.loginWindow());
    windows.start();
    if (options.signIn) {
        windows.loginWindow()->submit();
    }
    return application.exec();
}
