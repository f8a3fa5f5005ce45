#include "app/tlshostnames.h"

#include <Poco/Exception.h>
#include <Poco/Net/DNS.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <optional>

namespace civicdesk::server {

namespace {

// Maximum lengths of a DNS label and of a name in dotted text. RFC 1035, section 2.3.4 allows
// 255 octets in wire form, which leaves 253 characters of text.
constexpr std::size_t MaxLabelLength = 63;
constexpr std::size_t MaxNameLength = 253;

bool isValidLabel(const std::string &label)
{
    if (label.empty() || label.size() > MaxLabelLength || label.front() == '-'
        || label.back() == '-') {
        return false;
    }
    return std::all_of(label.begin(), label.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '-';
    });
}

/**
 * Checks a host name by RFC 1123, section 2.1: labels of letters, digits and inner hyphens.
 * An all-numeric last label is rejected, so that a mistyped IPv4 address such as 10.0.1 is not
 * taken for a name.
 */
bool isValidDnsName(const std::string &name)
{
    if (name.empty() || name.size() > MaxNameLength) {
        return false;
    }
    Poco::StringTokenizer labels(name, ".");
    if (labels.count() == 0 || name.front() == '.' || name.back() == '.'
        || name.find("..") != std::string::npos) {
        return false;
    }
    if (!std::all_of(labels.begin(), labels.end(), isValidLabel)) {
        return false;
    }
    const std::string &last = labels[labels.count() - 1];
    return !std::all_of(
        last.begin(), last.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

/**
 * Returns an IPv4 or IPv6 address in Poco's text form, or nullopt for other text. inet_pton
 * is used because Poco 1.11's IPAddress::tryParse accepts short forms, such as 10.1 for
 * 10.0.0.1.
 */
std::optional<std::string> canonicalIpAddress(const std::string &text)
{
    in_addr v4 {};
    if (::inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        return Poco::Net::IPAddress(&v4, sizeof v4).toString();
    }
    in6_addr v6 {};
    if (::inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
        return Poco::Net::IPAddress(&v6, sizeof v6).toString();
    }
    return std::nullopt;
}

void appendUnique(std::vector<std::string> &entries, const std::string &entry)
{
    if (std::find(entries.begin(), entries.end(), entry) == entries.end()) {
        entries.push_back(entry);
    }
}

std::vector<std::string> defaultTlsHostnames()
{
    std::vector<std::string> entries { "DNS:localhost", "IP:127.0.0.1", "IP:::1" };
    std::string hostName;
    try {
        hostName = Poco::toLower(Poco::Net::DNS::hostName());
    } catch (const Poco::Exception &) {
        // Without a host name the certificate covers the loopback names only.
    }
    if (isValidDnsName(hostName)) {
        appendUnique(entries, "DNS:" + hostName);
    }
    return entries;
}

} // namespace

std::string subjectAltNameEntry(const std::string &name)
{
    if (const std::optional<std::string> address = canonicalIpAddress(name)) {
        return "IP:" + *address;
    }
    const std::string lower = Poco::toLower(name);
    if (lower.find('*') != std::string::npos) {
        throw Poco::IllegalStateException("tls.hostnames: \"" + name
            + "\" is a wildcard, which the generated certificate does not support; list each "
              "name, or set tls.certificate to a certificate of your own");
    }
    if (!isValidDnsName(lower)) {
        throw Poco::IllegalStateException("tls.hostnames: \"" + name
            + "\" is neither an IP address nor a valid DNS name (letters, digits and hyphens in "
              "dot-separated labels of at most 63 characters)");
    }
    return "DNS:" + lower;
}

std::vector<std::string> parseTlsHostnames(const std::string &text)
{
    if (Poco::trim(text).empty()) {
        throw Poco::IllegalStateException("tls.hostnames is empty; list at least one DNS name or "
                                          "IP address, or remove the setting to use the default");
    }
    std::vector<std::string> entries;
    Poco::StringTokenizer names(text, ",", Poco::StringTokenizer::TOK_TRIM);
    for (const std::string &name : names) {
        if (name.empty()) {
            throw Poco::IllegalStateException("tls.hostnames contains an empty entry in \"" + text
                + "\"; list DNS names and IP addresses separated by single commas");
        }
        appendUnique(entries, subjectAltNameEntry(name));
    }
    return entries;
}

std::vector<std::string> tlsHostnames(const Poco::Util::AbstractConfiguration &config)
{
    if (!config.hasProperty("tls.hostnames")) {
        return defaultTlsHostnames();
    }
    return parseTlsHostnames(config.getString("tls.hostnames"));
}

} // namespace civicdesk::server
