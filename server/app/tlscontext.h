#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

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

/** Lifetime of a generated certificate: one year. */
constexpr long GeneratedCertificateLifetimeSeconds = 365L * 24 * 60 * 60;

/**
 * Returns the files named by tls.certificate and tls.privateKey, and logs a warning when that
 * certificate expires within 30 days. When neither is set, returns DATA/tls/server.crt and
 * DATA/tls/server.key, and writes a self-signed certificate for the names of tlsHostnames()
 * there when neither file exists. An existing self-signed pair there is replaced, with a log
 * line, when its key does not belong to the certificate, the certificate expires within 30
 * days or its names differ from tlsHostnames(). When that replacement fails, a pair that still
 * works is kept with an error in the log. Throws Poco::IllegalStateException when only one
 * setting or file exists, a file cannot be read or written, the key does not match the
 * certificate, or tls.hostnames is invalid.
 */
TlsFiles resolveTlsFiles(const Poco::Util::AbstractConfiguration &config,
    const std::string &dataDir, Poco::Logger &logger);

/** Returns the SHA-256 fingerprint of a PEM certificate as colon-separated hex bytes. */
std::string certificateFingerprint(const std::string &certificateFile);

/**
 * Creates the server-side context for TLS 1.2 or later, without client certificates.
 * Throws Poco::IllegalStateException when the files cannot be loaded.
 */
Poco::Net::Context::Ptr createServerContext(const TlsFiles &files);

/**
 * Writes a self-signed certificate with an EC P-256 key, valid from now for lifetimeSeconds.
 * Its subject alternative names are hostnames, entries such as "DNS:localhost" and
 * "IP:127.0.0.1" as tlsHostnames() returns them, and its common name is the first of them.
 * The key file gets mode 0600 before any key byte is written. Throws
 * Poco::IllegalStateException when hostnames is empty or a file cannot be written.
 */
void writeSelfSignedCertificate(const TlsFiles &files, const std::vector<std::string> &hostnames,
    long lifetimeSeconds = GeneratedCertificateLifetimeSeconds);

} // namespace civicdesk::server
