#include "sync/tlsconfig.h"

#include <QFile>
#include <QHostAddress>

namespace CivicDesk::TlsConfig {

UrlCheck checkServerUrl(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))) {
        return UrlCheck::NotWebSocket;
    }
    if (scheme == QLatin1String("wss")) {
        return UrlCheck::Accepted;
    }
    // Only the names that cannot leave this computer: a name that resolves to loopback
    // through DNS or /etc/hosts is still rejected.
    const QString host = url.host().toLower();
    const QHostAddress address(host);
    const bool loopback = host == QLatin1String("localhost")
        || address == QHostAddress(QHostAddress::LocalHost)
        || address == QHostAddress(QHostAddress::LocalHostIPv6);
    return loopback ? UrlCheck::Accepted : UrlCheck::PlainToRemoteHost;
}

bool loadCaCertificates(const QString &file, QList<QSslCertificate> *certificates, QString *error)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the CA certificate file %1: %2")
                     .arg(file, input.errorString());
        return false;
    }
    const QList<QSslCertificate> loaded = QSslCertificate::fromDevice(&input, QSsl::Pem);
    if (loaded.isEmpty()) {
        *error = QStringLiteral("the CA certificate file %1 contains no PEM certificate").arg(file);
        return false;
    }
    *certificates = loaded;
    return true;
}

QSslConfiguration configurationWith(const QList<QSslCertificate> &extraCas)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    if (!extraCas.isEmpty()) {
        configuration.addCaCertificates(extraCas);
    }
    return configuration;
}

} // namespace CivicDesk::TlsConfig
