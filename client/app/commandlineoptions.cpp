#include "commandlineoptions.h"

#include "translationloader.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <cstdio>
#include <cstdlib>

namespace CivicDesk {

namespace {

[[noreturn]] void failWith(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    std::exit(2);
}

} // namespace

CommandLineOptions CommandLineOptions::parse(const QCoreApplication &application)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("CivicDesk desktop client for civil servants."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
        tr("Server address to fill in, such as %1.").arg(QStringLiteral("wss://127.0.0.1:8080/ws")),
        tr("url"));
    const QCommandLineOption caCertificate(QStringLiteral("ca-certificate"),
        tr("PEM file of certificate authorities to trust besides the system's, for a server "
           "with its own certificate. Default: the CIVICDESK_CA_CERTIFICATE environment "
           "variable."),
        tr("file"));
    const QCommandLineOption user(QStringLiteral("user"), tr("Username to fill in."), tr("name"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        tr("Folder of the encrypted local copy of your cases."), tr("folder"));
    const QCommandLineOption language(
        QStringLiteral("language"), tr("Language of the interface: el or en."), tr("code"));
    const QCommandLineOption signIn(QStringLiteral("sign-in"),
        tr("Sign in at start with the password in the "
           "CIVICDESK_PASSWORD environment variable and the cache "
           "passphrase in CIVICDESK_CACHE_PASSPHRASE. For "
           "demonstrations and tests only."));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
        tr("After the first synchronisation, save screenshots "
           "of the main window, a case and a citizen's 360° "
           "view as PNG files in this folder."),
        tr("folder"));
    const QCommandLineOption quitAfter(
        QStringLiteral("quit-after-screenshots"), tr("Quit once the screenshots are saved."));
    parser.addOptions(
        { server, caCertificate, user, dataDir, language, signIn, screenshots, quitAfter });
    parser.process(application);

    CommandLineOptions options;
    options.serverAddress = parser.value(server);
    options.caCertificateFile = parser.isSet(caCertificate)
        ? parser.value(caCertificate)
        : qEnvironmentVariable("CIVICDESK_CA_CERTIFICATE");
    options.username = parser.value(user);
    options.dataDirectory = parser.isSet(dataDir)
        ? parser.value(dataDir)
        : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    options.language = parser.value(language);
    options.signIn = parser.isSet(signIn);
    options.screenshotDirectory = parser.value(screenshots);
    options.quitAfterScreenshots = parser.isSet(quitAfter);

    if (!options.language.isEmpty() && !TranslationLoader::isSupported(options.language)) {
        failWith(tr("Invalid value \"%1\" for --language: use el or en.").arg(options.language));
    }
    const QString caFile = options.caCertificateFile;
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable()) {
        failWith(tr("Cannot read the CA certificate file \"%1\" given by --ca-certificate or "
                    "CIVICDESK_CA_CERTIFICATE.")
                     .arg(QDir::toNativeSeparators(caFile)));
    }
    if (options.dataDirectory.isEmpty() || !QDir().mkpath(options.dataDirectory)) {
        failWith(tr("Cannot create the data folder \"%1\" given by --data-dir.")
                     .arg(QDir::toNativeSeparators(options.dataDirectory)));
    }
    if (!options.screenshotDirectory.isEmpty() && !QDir().mkpath(options.screenshotDirectory)) {
        failWith(tr("Cannot create the screenshot folder \"%1\" given by --screenshots.")
                     .arg(QDir::toNativeSeparators(options.screenshotDirectory)));
    }
    if (options.quitAfterScreenshots && options.screenshotDirectory.isEmpty()) {
        failWith(tr("--quit-after-screenshots needs --screenshots."));
    }
    return options;
}

} // namespace CivicDesk
