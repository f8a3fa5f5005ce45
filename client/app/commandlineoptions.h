#pragma once

#include <QCoreApplication>
#include <QString>

namespace CivicDesk {

/** The client's command-line options, read once at start-up. */
struct CommandLineOptions
{
    Q_DECLARE_TR_FUNCTIONS(CivicDesk::CommandLineOptions)

public:
    QString serverAddress;
    // PEM file of extra trusted CAs: --ca-certificate, else CIVICDESK_CA_CERTIFICATE.
    QString caCertificateFile;
    QString username;
    QString dataDirectory;
    QString language; // "el" or "en"; empty to follow the system locale
    bool signIn = false;
    QString screenshotDirectory;
    bool quitAfterScreenshots = false;

    /**
     * Parses the application's arguments. Prints help or version and exits for --help and
     * --version; on an invalid value, prints the error naming the option and exits with 2.
     */
    static CommandLineOptions parse(const QCoreApplication &application);
};

} // namespace CivicDesk
