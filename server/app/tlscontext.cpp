#include "app/tlscontext.h"

#include "app/tlshostnames.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/SSLException.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace civicdesk::server {

namespace {

// A generated certificate is replaced on the first start less than this before it expires.
constexpr long RenewalMarginSeconds = 30L * 24 * 60 * 60;

// RFC 5280 limits a common name to 64 characters.
constexpr std::size_t MaxCommonNameLength = 64;

struct FileCloser
{
    void operator()(std::FILE *file) const { std::fclose(file); }
};
struct X509Free
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct ExtensionFree
{
    void operator()(X509_EXTENSION *extension) const { X509_EXTENSION_free(extension); }
};
struct BignumFree
{
    void operator()(BIGNUM *number) const { BN_free(number); }
};

using FilePtr = std::unique_ptr<std::FILE, FileCloser>;
using CertificatePtr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

/** Returns OpenSSL's oldest queued error as text and clears the queue. */
std::string openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return "no detail from OpenSSL";
    }
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return text;
}

FilePtr openForReading(const std::string &setting, const std::string &path)
{
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        throw Poco::IllegalStateException(
            setting + ": reading " + path + " failed: " + std::strerror(errno));
    }
    return file;
}

CertificatePtr readCertificate(const std::string &path)
{
    const FilePtr file = openForReading("tls.certificate", path);
    CertificatePtr certificate(PEM_read_X509(file.get(), nullptr, nullptr, nullptr));
    if (!certificate) {
        throw Poco::IllegalStateException("tls.certificate: " + path
            + " does not contain a PEM certificate (" + openSslError() + ")");
    }
    return certificate;
}

KeyPtr readPrivateKey(const std::string &path)
{
    const FilePtr file = openForReading("tls.privateKey", path);
    // An empty passphrase callback result makes an encrypted key fail here, instead of
    // OpenSSL asking for a passphrase on the terminal.
    auto noPassphrase = [](char *, int, int, void *) { return 0; };
    KeyPtr key(PEM_read_PrivateKey(file.get(), nullptr, noPassphrase, nullptr));
    if (!key) {
        throw Poco::IllegalStateException("tls.privateKey: " + path
            + " does not contain an unencrypted PEM private key (" + openSslError() + ")");
    }
    return key;
}

/** Checks that both files load and that the key belongs to the certificate. */
void checkKeyMatchesCertificate(const TlsFiles &files)
{
    const CertificatePtr certificate = readCertificate(files.certificate);
    const KeyPtr key = readPrivateKey(files.privateKey);
    if (X509_check_private_key(certificate.get(), key.get()) != 1) {
        ERR_clear_error();
        throw Poco::IllegalStateException("tls.privateKey: the key in " + files.privateKey
            + " does not match the certificate in " + files.certificate
            + "; set tls.privateKey to the key that belongs to that certificate");
    }
}

KeyPtr generateP256Key()
{
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        throw Poco::IllegalStateException("generating an EC P-256 key failed: " + openSslError());
    }
    return key;
}

void addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const std::unique_ptr<X509_EXTENSION, ExtensionFree> extension(
        X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1) {
        throw Poco::IllegalStateException(std::string("adding the certificate extension ") + value
            + " failed: " + openSslError());
    }
}

/** Returns the subject's common name: the first name of entries, if it fits. */
std::string commonNameFor(const std::vector<std::string> &entries)
{
    const std::string name = entries.front().substr(entries.front().find(':') + 1);
    return name.size() <= MaxCommonNameLength ? name : "civicdesk-server";
}

CertificatePtr makeSelfSignedCertificate(
    EVP_PKEY *key, const std::vector<std::string> &hostnames, long lifetimeSeconds)
{
    CertificatePtr certificate(X509_new());
    const std::unique_ptr<BIGNUM, BignumFree> serial(BN_new());
    // RFC 5280 allows serial numbers of up to 20 octets, and 127 random bits keep it positive.
    const bool built = certificate && serial && X509_set_version(certificate.get(), 2) == 1
        && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
        && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()))
        && X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0)
        && X509_gmtime_adj(X509_getm_notAfter(certificate.get()), lifetimeSeconds)
        && X509_set_pubkey(certificate.get(), key) == 1;
    if (!built) {
        throw Poco::IllegalStateException("building the certificate failed: " + openSslError());
    }

    X509_NAME *name = X509_get_subject_name(certificate.get());
    const std::string commonNameText = commonNameFor(hostnames);
    const auto *commonName = reinterpret_cast<const unsigned char *>(commonNameText.c_str());
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) != 1
        || X509_set_issuer_name(certificate.get(), name) != 1) {
        throw Poco::IllegalStateException("setting the certificate name failed: " + openSslError());
    }
    // The entries are validated names in OpenSSL's "DNS:name" and "IP:address" form, and none
    // contains a comma.
    addExtension(
        certificate.get(), NID_subject_alt_name, Poco::cat(std::string(","), hostnames.begin(),
                                                     hostnames.end()).c_str());
    if (X509_sign(certificate.get(), key, EVP_sha256()) == 0) {
        throw Poco::IllegalStateException("signing the certificate failed: " + openSslError());
    }
    return certificate;
}

/** Opens path for writing with mode 0600, replacing a leftover file of the same name. */
FilePtr createPrivateFile(const std::string &path)
{
    ::unlink(path.c_str());
    const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    // The umask can only remove bits, but fchmod makes the mode exact whatever it is.
    if (descriptor < 0 || ::fchmod(descriptor, 0600) != 0) {
        const std::string reason = std::strerror(errno);
        if (descriptor >= 0) {
            ::close(descriptor);
        }
        throw Poco::IllegalStateException("creating " + path + " failed: " + reason);
    }
    FilePtr file(::fdopen(descriptor, "wb"));
    if (!file) {
        ::close(descriptor);
        throw Poco::IllegalStateException("opening " + path + " failed: " + std::strerror(errno));
    }
    return file;
}

void closeWritten(FilePtr file, const std::string &path)
{
    if (std::fclose(file.release()) != 0) {
        throw Poco::IllegalStateException("writing " + path + " failed: " + std::strerror(errno));
    }
}

void renameInto(const std::string &from, const std::string &to)
{
    if (std::rename(from.c_str(), to.c_str()) != 0) {
        throw Poco::IllegalStateException(
            "renaming " + from + " to " + to + " failed: " + std::strerror(errno));
    }
}

/** Returns the certificate's subject alternative names in the form of tlsHostnames(). */
std::vector<std::string> subjectAltNames(X509 *certificate)
{
    std::vector<std::string> entries;
    auto *names = static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (names == nullptr) {
        return entries;
    }
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
        if (name->type == GEN_DNS) {
            const auto *text = reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.ia5));
            entries.push_back("DNS:"
                + Poco::toLower(std::string(text, ASN1_STRING_length(name->d.ia5))));
            continue;
        }
        const int length = name->type == GEN_IPADD ? ASN1_STRING_length(name->d.iPAddress) : 0;
        if (length == 4 || length == 16) {
            const unsigned char *address = ASN1_STRING_get0_data(name->d.iPAddress);
            entries.push_back("IP:" + Poco::Net::IPAddress(address, length).toString());
        } else {
            // Any other name differs from every entry of tlsHostnames(), so it forces renewal.
            entries.push_back("name of type " + std::to_string(name->type));
        }
    }
    GENERAL_NAMES_free(names);
    return entries;
}

/** Returns the names of entries as text for a log line, without their DNS: and IP: prefixes. */
std::string describeNames(std::vector<std::string> entries)
{
    std::sort(entries.begin(), entries.end());
    std::string text;
    for (const std::string &entry : entries) {
        text += (text.empty() ? "" : ", ") + entry.substr(entry.find(':') + 1);
    }
    return text.empty() ? "none" : text;
}

/** Returns an ASN.1 time as "YYYY-MM-DD HH:MM:SS UTC". */
std::string formatTime(const ASN1_TIME *time)
{
    std::tm parts {};
    if (ASN1_TIME_to_tm(time, &parts) != 1) {
        return "an unreadable date";
    }
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &parts);
    return text;
}

/** Returns why certificate expires within marginSeconds, or an empty string if it does not. */
std::string expiryProblem(X509 *certificate, long marginSeconds)
{
    std::time_t limit = std::time(nullptr) + marginSeconds;
    // X509_cmp_time returns 0 when the time cannot be read, which counts as expiring.
    const ASN1_TIME *notAfter = X509_get0_notAfter(certificate);
    if (X509_cmp_time(notAfter, &limit) > 0) {
        return {};
    }
    return "it expires on " + formatTime(notAfter) + ", less than "
        + std::to_string(marginSeconds / (24 * 60 * 60)) + " days from now";
}

/** Returns true when the private key in files loads and belongs to certificate. */
bool privateKeyMatches(const TlsFiles &files, X509 *certificate)
{
    try {
        const KeyPtr key = readPrivateKey(files.privateKey);
        const bool matches = X509_check_private_key(certificate, key.get()) == 1;
        ERR_clear_error();
        return matches;
    } catch (const Poco::IllegalStateException &) {
        return false; // not readable, or not an unencrypted PEM key
    }
}

/**
 * Returns why the generated pair must be replaced, or an empty string if it can stay. The
 * reasons are a key that does not belong to the certificate, the certificate's expiry within
 * the renewal margin, and names that differ from hostnames. A crash between the two renames
 * of writeSelfSignedCertificate() leaves such a key.
 */
std::string renewalReason(
    const TlsFiles &files, X509 *certificate, const std::vector<std::string> &hostnames)
{
    if (!privateKeyMatches(files, certificate)) {
        return "the private key in " + files.privateKey + " does not belong to it";
    }
    const std::string expiry = expiryProblem(certificate, RenewalMarginSeconds);
    if (!expiry.empty()) {
        return expiry;
    }
    std::vector<std::string> present = subjectAltNames(certificate);
    std::vector<std::string> expected = hostnames;
    std::sort(present.begin(), present.end());
    std::sort(expected.begin(), expected.end());
    if (present != expected) {
        return "its names (" + describeNames(present) + ") differ from tls.hostnames ("
            + describeNames(expected) + ")";
    }
    return {};
}

/** Returns true when certificate is signed by its own key, as a generated one is. */
bool isSelfSigned(X509 *certificate)
{
    EVP_PKEY *publicKey = X509_get0_pubkey(certificate);
    const bool selfSigned = publicKey != nullptr && X509_verify(certificate, publicKey) == 1;
    ERR_clear_error();
    return selfSigned;
}

/**
 * Replaces the certificate and key at the default path when renewalReason() finds a reason,
 * and logs it. A certificate there that is not self-signed was put there by an operator, so
 * it is kept with a warning.
 */
void renewGeneratedIfDue(
    const TlsFiles &files, const std::vector<std::string> &hostnames, Poco::Logger &logger)
{
    const CertificatePtr certificate = readCertificate(files.certificate);
    const std::string reason = renewalReason(files, certificate.get(), hostnames);
    if (reason.empty()) {
        return;
    }
    if (!isSelfSigned(certificate.get())) {
        logger.warning("TLS certificate %s is not self-signed, so the server keeps it although "
                       "%s; set tls.certificate and tls.privateKey to it, or delete both files "
                       "to have a new one generated",
            files.certificate, reason);
        return;
    }
    try {
        writeSelfSignedCertificate(files, hostnames);
    } catch (const Poco::IllegalStateException &error) {
        // A pair that still works serves until the next start retries, because stopping the
        // server would cut off every client while the old certificate is still valid.
        const bool usable = privateKeyMatches(files, certificate.get())
            && expiryProblem(certificate.get(), 0).empty();
        if (!usable) {
            throw;
        }
        logger.error("TLS certificate %s needs renewal because %s, but renewing it failed: "
                     "%s; the server keeps using it and retries on the next start",
            files.certificate, reason, error.message());
        return;
    }
    logger.information("TLS certificate %s renewed because %s; clients that trust the old "
                       "certificate file need the new one",
        files.certificate, reason);
}

/** Logs a warning when a configured certificate expires within the renewal margin. */
void warnIfConfiguredExpires(const TlsFiles &files, Poco::Logger &logger)
{
    const CertificatePtr certificate = readCertificate(files.certificate);
    const std::string expiry = expiryProblem(certificate.get(), RenewalMarginSeconds);
    if (!expiry.empty()) {
        logger.warning("TLS certificate %s (tls.certificate) is not renewed by the server and "
                       "%s; replace it",
            files.certificate, expiry);
    }
}

} // namespace

bool tlsEnabled(const Poco::Util::AbstractConfiguration &config)
{
    const std::string text = config.getString("tls.enabled", "true");
    bool enabled = true;
    if (!Poco::NumberParser::tryParseBool(text, enabled)) {
        throw Poco::IllegalStateException(
            "tls.enabled must be true or false, not \"" + text + "\"");
    }
    return enabled;
}

TlsFiles resolveTlsFiles(const Poco::Util::AbstractConfiguration &config,
    const std::string &dataDir, Poco::Logger &logger)
{
    TlsFiles files { config.getString("tls.certificate", ""),
        config.getString("tls.privateKey", "") };
    if (files.certificate.empty() != files.privateKey.empty()) {
        throw Poco::IllegalStateException("tls.certificate and tls.privateKey must be set "
                                          "together; set both, or neither to use a generated "
                                          "self-signed certificate");
    }
    // Validated also when unused, so that a typing error shows before the setting matters.
    const std::vector<std::string> hostnames = tlsHostnames(config);
    if (!files.certificate.empty()) {
        if (config.hasProperty("tls.hostnames")) {
            logger.warning("tls.hostnames is ignored because tls.certificate is set; the names "
                           "of a configured certificate are those it contains");
        }
        checkKeyMatchesCertificate(files);
        warnIfConfiguredExpires(files, logger);
        return files;
    }

    const Poco::Path folder(Poco::Path::forDirectory(dataDir).pushDirectory("tls"));
    files.certificate = Poco::Path(folder, "server.crt").toString();
    files.privateKey = Poco::Path(folder, "server.key").toString();
    const bool certificateExists = Poco::File(files.certificate).exists();
    const bool keyExists = Poco::File(files.privateKey).exists();
    if (!certificateExists && !keyExists) {
        Poco::File(folder).createDirectories();
        ::chmod(folder.toString().c_str(), 0700);
        writeSelfSignedCertificate(files, hostnames);
        logger.information("TLS certificate %s generated for %s", files.certificate,
            describeNames(hostnames));
    } else if (certificateExists != keyExists) {
        throw Poco::IllegalStateException("only one of " + files.certificate + " and "
            + files.privateKey
            + " exists; delete it so that the server creates a new pair, "
              "or set tls.certificate and tls.privateKey");
    } else {
        renewGeneratedIfDue(files, hostnames, logger);
    }
    checkKeyMatchesCertificate(files);
    return files;
}

std::string certificateFingerprint(const std::string &certificateFile)
{
    const CertificatePtr certificate = readCertificate(certificateFile);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate.get(), EVP_sha256(), digest, &length) != 1) {
        throw Poco::IllegalStateException(
            "hashing " + certificateFile + " failed: " + openSslError());
    }
    static const char hex[] = "0123456789ABCDEF";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        if (i > 0) {
            text += ':';
        }
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 0x0f];
    }
    return text;
}

Poco::Net::Context::Ptr createServerContext(const TlsFiles &files)
{
    Poco::Net::Context::Params params;
    params.certificateFile = files.certificate;
    params.privateKeyFile = files.privateKey;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE; // no client certificates
    params.loadDefaultCAs = false;
    try {
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        // Without SSL_MODE_RELEASE_BUFFERS, OpenSSL keeps a record-sized read and write buffer
        // for every session, and desktop sessions are idle most of the time.
        // bench_connections measured 27.2 KiB of RSS per idle wss session without this mode
        // and 17.4 KiB with it (docs/benchmarks.md).
        SSL_CTX_set_mode(context->sslContext(), SSL_MODE_RELEASE_BUFFERS);
        return context;
    } catch (const Poco::Exception &error) {
        throw Poco::IllegalStateException("loading the TLS certificate " + files.certificate
            + " and key " + files.privateKey + " failed: " + error.displayText());
    }
}

// Poco::Crypto (1.11) can create keys but not certificates, so the certificate is built with
// OpenSSL's C API, which Poco::NetSSL links already.
void writeSelfSignedCertificate(
    const TlsFiles &files, const std::vector<std::string> &hostnames, long lifetimeSeconds)
{
    if (hostnames.empty()) {
        throw Poco::IllegalStateException("a generated certificate needs at least one name");
    }
    const KeyPtr key = generateP256Key();
    const CertificatePtr certificate =
        makeSelfSignedCertificate(key.get(), hostnames, lifetimeSeconds);

    // Both files are written under temporary names and renamed, the key first, so that a
    // crash never leaves a certificate without its key.
    const std::string keyTemporary = files.privateKey + ".new";
    FilePtr keyFile = createPrivateFile(keyTemporary);
    if (PEM_write_PrivateKey(keyFile.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
        != 1) {
        throw Poco::IllegalStateException(
            "writing the private key to " + keyTemporary + " failed: " + openSslError());
    }
    closeWritten(std::move(keyFile), keyTemporary);

    const std::string certificateTemporary = files.certificate + ".new";
    FilePtr certificateFile(std::fopen(certificateTemporary.c_str(), "wb"));
    if (!certificateFile) {
        throw Poco::IllegalStateException(
            "creating " + certificateTemporary + " failed: " + std::strerror(errno));
    }
    if (PEM_write_X509(certificateFile.get(), certificate.get()) != 1) {
        throw Poco::IllegalStateException(
            "writing the certificate to " + certificateTemporary + " failed: " + openSslError());
    }
    closeWritten(std::move(certificateFile), certificateTemporary);

    renameInto(keyTemporary, files.privateKey);
    renameInto(certificateTemporary, files.certificate);
}

} // namespace civicdesk::server
