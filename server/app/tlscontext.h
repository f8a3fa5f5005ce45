#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <string>

namespace civicdesk::server {

/** Certificate and private key files that the listening socket presents. */
struct TlsFiles
{
    std::string certificate; // PEM certificate, or a chain with the server's certificate first
    std::string privateKey; // PEM private key, not encrypted
};

/**
 * Reads tls.enabled, which is true unless set to false. Throws Poco::IllegalStateException
 * when the value is not a boolean.
 */
bool tlsEnabled(const Poco::Util::AbstractConfiguration &config);

/**
 * Returns the files named by tls.certificate and tls.privateKey. When neither is set, returns
 * DATA/tls/server.crt and DATA/tls/server.key, and creates a self-signed certificate for
 * localhost there when neither file exists. Throws Poco::IllegalStateException when only one
 * setting or file exists, a file cannot be read, or the key does not match the certificate.
 */
TlsFiles resolveTlsFiles(
    const Poco::Util::AbstractConfiguration &config, const std::string &dataDir);

/** Returns the SHA-256 fingerprint of a PEM certificate as colon-separated hex bytes. */
std::string certificateFingerprint(const std::string &certificateFile);

/**
 * Creates the server-side context for TLS 1.2 or later, without client certificates.
 * Throws Poco::IllegalStateException when the files cannot be loaded.
 */
Poco::Net::Context::Ptr createServerContext(const TlsFiles &files);

/**
 * Writes a self-signed certificate for localhost (subjectAltName DNS:localhost and
 * IP:127.0.0.1, EC P-256 key, valid for one year). The key file gets mode 0600 before any key
 * byte is written. Throws Poco::IllegalStateException when a file cannot be written.
 */
void writeSelfSignedCertificate(const TlsFiles &files);

} // namespace civicdesk::server
