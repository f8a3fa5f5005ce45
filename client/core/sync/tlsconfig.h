#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

namespace CivicDesk::TlsConfig {

/** Result of checking a sync server URL before connecting. */
enum class UrlCheck {
    Accepted, // wss:// to any host, or ws:// to a loopback address
    NotWebSocket, // invalid URL, no host, or a scheme other than ws and wss
    PlainToRemoteHost, // ws:// to a host other than localhost, 127.0.0.1 or ::1
};

/** Checks that url is a WebSocket URL that is encrypted unless it stays on this computer. */
UrlCheck checkServerUrl(const QUrl &url);

/**
 * Reads the PEM certificates in file as extra certificate authorities. Returns false and
 * sets error when the file cannot be read or contains no certificate.
 */
bool loadCaCertificates(const QString &file, QList<QSslCertificate> *certificates, QString *error);

/** Returns the default TLS configuration (system CAs) with extraCas trusted as well. */
QSslConfiguration configurationWith(const QList<QSslCertificate> &extraCas);

} // namespace CivicDesk::TlsConfig
