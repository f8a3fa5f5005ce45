#include "app/tlscontext.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Net/SSLException.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace civicdesk::server {

namespace {

constexpr long CertificateLifetimeSeconds = 365L * 24 * 60 * 60;

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

CertificatePtr makeSelfSignedCertificate(EVP_PKEY *key)
{
    CertificatePtr certificate(X509_new());
    const std::unique_ptr<BIGNUM, BignumFree> serial(BN_new());
    // RFC 5280 allows serial numbers of up to 20 octets, and 127 random bits keep it positive.
    const bool built = certificate && serial && X509_set_version(certificate.get(), 2) == 1
        && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
        && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()))
        && X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0)
        && X509_gmtime_adj(X509_getm_notAfter(certificate.get()), CertificateLifetimeSeconds)
        && X509_set_pubkey(certificate.get(), key) == 1;
    if (!built) {
        throw Poco::IllegalStateException("building the certificate failed: " + openSslError());
    }

    X509_NAME *name = X509_get_subject_name(certificate.get());
    const auto *commonName = reinterpret_cast<const unsigned char *>("localhost");
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) != 1
        || X509_set_issuer_name(certificate.get(), name) != 1) {
        throw Poco::IllegalStateException("setting the certificate name failed: " + openSslError());
    }
    addExtension(certificate.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
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

TlsFiles resolveTlsFiles(
    const Poco::Util::AbstractConfiguration &config, const std::string &dataDir)
{
    TlsFiles files { config.getString("tls.certificate", ""),
        config.getString("tls.privateKey", "") };
    if (files.certificate.empty() != files.privateKey.empty()) {
        throw Poco::IllegalStateException("tls.certificate and tls.privateKey must be set "
                                          "together; set both, or neither to use a generated "
                                          "self-signed certificate");
    }
    if (files.certificate.empty()) {
        const Poco::Path folder(Poco::Path::forDirectory(dataDir).pushDirectory("tls"));
        files.certificate = Poco::Path(folder, "server.crt").toString();
        files.privateKey = Poco::Path(folder, "server.key").toString();
        const bool certificateExists = Poco::File(files.certificate).exists();
        const bool keyExists = Poco::File(files.privateKey).exists();
        if (!certificateExists && !keyExists) {
            Poco::File(folder).createDirectories();
            ::chmod(folder.toString().c_str(), 0700);
            writeSelfSignedCertificate(files);
        } else if (certificateExists != keyExists) {
            throw Poco::IllegalStateException("only one of " + files.certificate + " and "
                + files.privateKey
                + " exists; delete it so that the server creates a new pair, "
                  "or set tls.certificate and tls.privateKey");
        }
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
        return context;
    } catch (const Poco::Exception &error) {
        throw Poco::IllegalStateException("loading the TLS certificate " + files.certificate
            + " and key " + files.privateKey + " failed: " + error.displayText());
    }
}

// Poco::Crypto (1.11) can create keys but not certificates, so the certificate is built with
// OpenSSL's C API, which Poco::NetSSL links already.
void writeSelfSignedCertificate(const TlsFiles &files)
{
    const KeyPtr key = generateP256Key();
    const CertificatePtr certificate = makeSelfSignedCertificate(key.get());

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
