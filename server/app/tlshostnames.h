#pragma once

#include <Poco/Util/AbstractConfiguration.h>
#include <string>
#include <vector>

namespace civicdesk::server {

/**
 * Returns the names that the generated certificate must cover, as subject alternative name
 * entries in OpenSSL's text form ("DNS:localhost", "IP:127.0.0.1", "IP:::1"), without
 * duplicates and in the order given. They come from tls.hostnames, a comma-separated list of
 * DNS names and IP addresses. When it is not set, they are localhost, 127.0.0.1, ::1 and the
 * machine's host name, unless that is not a valid DNS name. Throws
 * Poco::IllegalStateException for an empty list or an entry that is neither an IP address nor
 * a valid DNS name.
 */
std::vector<std::string> tlsHostnames(const Poco::Util::AbstractConfiguration &config);

/** Parses a tls.hostnames value as tlsHostnames() does. */
std::vector<std::string> parseTlsHostnames(const std::string &text);

/** Returns an entry of tlsHostnames() for an IP address, or for a DNS name in lower case. */
std::string subjectAltNameEntry(const std::string &name);

} // namespace civicdesk::server
