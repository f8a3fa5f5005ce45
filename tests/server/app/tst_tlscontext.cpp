#include "app/tlscontext.h"
#include "app/tlshostnames.h"

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Net/DNS.h>
#include <Poco/String.h>
#include <Poco/Util/MapConfiguration.h>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <optional>
#include <sys/stat.h>

using namespace civicdesk::server;

namespace {

constexpr long Day = 24L * 60 * 60;

/** A Poco channel that keeps the text of every message logged to it. */
class RecordingChannel : public Poco::Channel
{
public:
    void log(const Poco::Message &message) override { texts.push_back(message.getText()); }

    bool contains(const std::string &part) const
    {
        for (const std::string &text : texts) {
            if (text.find(part) != std::string::npos) {
                return true;
            }
        }
        return false;
    }

    std::vector<std::string> texts;
};

QByteArray fileHash(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QSslCertificate loadCertificate(const std::string &path)
{
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromPath(QString::fromStdString(path));
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

/** Returns the certificate's subject alternative names as "DNS:name" and "IP:address". */
QStringList altNames(const std::string &path)
{
    QStringList names;
    const auto entries = loadCertificate(path).subjectAlternativeNames();
    for (auto entry = entries.cbegin(); entry != entries.cend(); ++entry) {
        const QString prefix = entry.key() == QSsl::DnsEntry ? QStringLiteral("DNS:")
                                                             : QStringLiteral("IP:");
        names << prefix + entry.value();
    }
    names.sort();
    return names;
}

/**
 * Rewrites the certificate in subject so that it carries its own key's public key but is
 * signed by the key of issuer, as a certificate from a CA is. Returns false on an error.
 */
bool signWithOtherKey(const TlsFiles &subject, const TlsFiles &issuer)
{
    std::FILE *certificateFile = std::fopen(subject.certificate.c_str(), "rb");
    std::FILE *keyFile = std::fopen(issuer.privateKey.c_str(), "rb");
    X509 *certificate =
        certificateFile ? PEM_read_X509(certificateFile, nullptr, nullptr, nullptr) : nullptr;
    EVP_PKEY *issuerKey =
        keyFile ? PEM_read_PrivateKey(keyFile, nullptr, nullptr, nullptr) : nullptr;
    bool written = false;
    if (certificate && issuerKey && X509_sign(certificate, issuerKey, EVP_sha256()) != 0) {
        std::FILE *output = std::fopen(subject.certificate.c_str(), "wb");
        written = output && PEM_write_X509(output, certificate) == 1;
        written = output && std::fclose(output) == 0 && written;
    }
    X509_free(certificate);
    EVP_PKEY_free(issuerKey);
    if (certificateFile) {
        std::fclose(certificateFile);
    }
    if (keyFile) {
        std::fclose(keyFile);
    }
    return written;
}

mode_t fileMode(const std::string &path)
{
    struct stat status
    {
    };
    return ::stat(path.c_str(), &status) == 0 ? (status.st_mode & 0777) : mode_t(0);
}

} // namespace

/** The server's TLS files: tls.hostnames, the generated certificate and its renewal. */
class tst_TlsContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void hostnamesDefaultCoversLoopback();
    void hostnamesParsedAndNormalised();
    void hostnamesInvalidRejected_data();
    void hostnamesInvalidRejected();
    void generatedCertificateHasHostnames();
    void validGeneratedCertificateKept();
    void changedHostnamesRenewCertificate();
    void expiringCertificateRenewed();
    void mismatchedGeneratedKeyRenewed();
    void failedRenewalKeepsWorkingPair();
    void caSignedCertificateAtDefaultPathKept();
    void configuredCertificateNeverRenewed();
    void hostnamesWithConfiguredCertificateWarns();

private:
    TlsFiles generatedFiles() const;
    TlsFiles resolve(const std::optional<std::string> &hostnames = std::nullopt);

    QTemporaryDir m_dataDir;
    Poco::AutoPtr<RecordingChannel> m_channel;
    Poco::Logger *m_logger = nullptr;
};

void tst_TlsContext::init()
{
    QVERIFY(m_dataDir.isValid());
    QDir(m_dataDir.path() + QStringLiteral("/tls")).removeRecursively();
    m_channel = new RecordingChannel;
    m_logger = &Poco::Logger::get("tst_tlscontext");
    m_logger->setChannel(m_channel);
    m_logger->setLevel(Poco::Message::PRIO_INFORMATION);
}

void tst_TlsContext::cleanup()
{
    m_logger->setChannel(nullptr);
}

TlsFiles tst_TlsContext::generatedFiles() const
{
    const std::string folder = m_dataDir.path().toStdString() + "/tls/";
    return { folder + "server.crt", folder + "server.key" };
}

TlsFiles tst_TlsContext::resolve(const std::optional<std::string> &hostnames)
{
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    if (hostnames) {
        config->setString("tls.hostnames", *hostnames);
    }
    return resolveTlsFiles(*config, m_dataDir.path().toStdString(), *m_logger);
}

void tst_TlsContext::hostnamesDefaultCoversLoopback()
{
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    const std::vector<std::string> names = tlsHostnames(*config);
    QVERIFY(names.size() >= 3);
    QCOMPARE(names.at(0), std::string("DNS:localhost"));
    QCOMPARE(names.at(1), std::string("IP:127.0.0.1"));
    QCOMPARE(names.at(2), std::string("IP:::1"));

    // The machine's host name follows when it is a valid DNS name other than localhost.
    const std::string hostName = Poco::toLower(Poco::Net::DNS::hostName());
    bool validHostName = hostName != "localhost";
    try {
        subjectAltNameEntry(hostName);
    } catch (const Poco::IllegalStateException &) {
        validHostName = false;
    }
    if (validHostName) {
        QCOMPARE(names.size(), std::size_t(4));
        QCOMPARE(names.at(3), "DNS:" + hostName);
    } else {
        QCOMPARE(names.size(), std::size_t(3));
    }
}

void tst_TlsContext::hostnamesParsedAndNormalised()
{
    const std::vector<std::string> names =
        parseTlsHostnames(" CRM.Example.org ,192.0.2.7, 2001:DB8:0:0::1,crm.example.org");
    const std::vector<std::string> expected { "DNS:crm.example.org", "IP:192.0.2.7",
        "IP:2001:db8::1" };
    QCOMPARE(names, expected);
}

void tst_TlsContext::hostnamesInvalidRejected_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << "" << "is empty";
    QTest::newRow("blank") << " " << "is empty";
    QTest::newRow("only commas") << ", ," << "empty entry";
    QTest::newRow("empty entry") << "a.example,,b.example" << "empty entry";
    QTest::newRow("underscore") << "crm_1.example" << "neither an IP address";
    QTest::newRow("wildcard") << "*.example.org" << "wildcard";
    QTest::newRow("short IPv4") << "10.0.1" << "neither an IP address";
    QTest::newRow("leading hyphen") << "-crm.example" << "neither an IP address";
    QTest::newRow("empty label") << "crm..example" << "neither an IP address";
    QTest::newRow("long label") << QString(64, QLatin1Char('a')) + ".example"
                                << "neither an IP address";
    QTest::newRow("zone index") << "fe80::1%eth0" << "neither an IP address";
    QTest::newRow("space inside") << "crm example" << "neither an IP address";
    QTest::newRow("URL") << "https://crm.example" << "neither an IP address";
}

void tst_TlsContext::hostnamesInvalidRejected()
{
    QFETCH(QString, value);
    QFETCH(QString, message);
    try {
        resolve(value.toStdString());
        QFAIL("the invalid value was accepted");
    } catch (const Poco::IllegalStateException &error) {
        const std::string text = error.message();
        QVERIFY2(text.find("tls.hostnames") != std::string::npos, text.c_str());
        QVERIFY2(text.find(message.toStdString()) != std::string::npos, text.c_str());
    }
    // Nothing was generated from the invalid setting.
    QVERIFY(!QFile::exists(QString::fromStdString(generatedFiles().certificate)));
}

void tst_TlsContext::generatedCertificateHasHostnames()
{
    const TlsFiles files = resolve("crm.example.org, 192.0.2.7, ::1");
    QCOMPARE(files.certificate, generatedFiles().certificate);
    QCOMPARE(altNames(files.certificate),
        (QStringList { "DNS:crm.example.org", "IP:192.0.2.7", "IP:::1" }));
    QCOMPARE(loadCertificate(files.certificate).subjectInfo(QSslCertificate::CommonName),
        QStringList { "crm.example.org" });
    QCOMPARE(fileMode(files.privateKey), mode_t(0600));
    QVERIFY(m_channel->contains("generated for crm.example.org, 192.0.2.7, ::1"));
}

void tst_TlsContext::validGeneratedCertificateKept()
{
    const TlsFiles files = resolve("crm.example.org,192.0.2.7");
    const QByteArray before = fileHash(files.certificate);
    // The same names in another order and case are the same set.
    resolve("192.0.2.7, CRM.example.org");
    QCOMPARE(fileHash(files.certificate), before);
    QVERIFY(!m_channel->contains("renewed"));
}

void tst_TlsContext::changedHostnamesRenewCertificate()
{
    const TlsFiles files = resolve("crm.example.org");
    const QByteArray certificateBefore = fileHash(files.certificate);
    const QByteArray keyBefore = fileHash(files.privateKey);

    resolve("crm.example.org,crm2.example.org");
    QVERIFY(fileHash(files.certificate) != certificateBefore);
    QVERIFY(fileHash(files.privateKey) != keyBefore);
    QCOMPARE(altNames(files.certificate),
        (QStringList { "DNS:crm.example.org", "DNS:crm2.example.org" }));
    QCOMPARE(fileMode(files.privateKey), mode_t(0600));
    QVERIFY2(m_channel->contains("renewed because its names (crm.example.org) differ from "
                                 "tls.hostnames (crm.example.org, crm2.example.org)"),
        m_channel->texts.back().c_str());
}

void tst_TlsContext::expiringCertificateRenewed()
{
    const TlsFiles files = generatedFiles();
    QVERIFY(QDir().mkpath(m_dataDir.path() + QStringLiteral("/tls")));
    writeSelfSignedCertificate(files, { "DNS:crm.example.org" }, 29 * Day);
    const QByteArray before = fileHash(files.certificate);

    resolve("crm.example.org");
    QVERIFY(fileHash(files.certificate) != before);
    const QDateTime expiry = loadCertificate(files.certificate).expiryDate();
    QVERIFY2(expiry > QDateTime::currentDateTimeUtc().addDays(364), qPrintable(expiry.toString()));
    QCOMPARE(fileMode(files.privateKey), mode_t(0600));
    QVERIFY(m_channel->contains("renewed because it expires on"));

    // One with 31 days left stays.
    writeSelfSignedCertificate(files, { "DNS:crm.example.org" }, 31 * Day);
    const QByteArray stays = fileHash(files.certificate);
    resolve("crm.example.org");
    QCOMPARE(fileHash(files.certificate), stays);
}

void tst_TlsContext::mismatchedGeneratedKeyRenewed()
{
    const TlsFiles files = resolve("crm.example.org");
    QTemporaryDir otherDir;
    const TlsFiles other { otherDir.filePath("other.crt").toStdString(),
        otherDir.filePath("other.key").toStdString() };
    writeSelfSignedCertificate(other, { "DNS:crm.example.org" });
    QVERIFY(QFile::remove(QString::fromStdString(files.privateKey)));
    QVERIFY(QFile::copy(QString::fromStdString(other.privateKey),
        QString::fromStdString(files.privateKey)));
    const QByteArray before = fileHash(files.certificate);

    // resolveTlsFiles checks the pair last, so returning at all means that it matches.
    resolve("crm.example.org");
    QVERIFY(fileHash(files.certificate) != before);
    QVERIFY(fileHash(files.privateKey) != fileHash(other.privateKey));
    QCOMPARE(fileMode(files.privateKey), mode_t(0600));
    QVERIFY(m_channel->contains("does not belong to it"));
}

void tst_TlsContext::failedRenewalKeepsWorkingPair()
{
    const TlsFiles files = resolve("crm.example.org");
    const QByteArray before = fileHash(files.certificate);
    // A folder where the new key's temporary file goes makes writing the new pair fail.
    QVERIFY(QDir().mkpath(QString::fromStdString(files.privateKey + ".new")));

    resolve("crm.example.org,crm2.example.org");
    QCOMPARE(fileHash(files.certificate), before);
    QVERIFY(m_channel->contains("but renewing it failed"));
    QVERIFY(!m_channel->contains("renewed because"));

    // An expired certificate cannot serve, so the same failure stops the start.
    const QString blocker = QString::fromStdString(files.privateKey + ".new");
    QVERIFY(QDir(blocker).removeRecursively());
    writeSelfSignedCertificate(files, { "DNS:crm.example.org" }, -Day);
    QVERIFY(QDir().mkpath(blocker));
    QVERIFY_THROWS_EXCEPTION(Poco::IllegalStateException, resolve("crm.example.org"));
}

void tst_TlsContext::caSignedCertificateAtDefaultPathKept()
{
    const TlsFiles files = resolve("crm.example.org");
    QTemporaryDir issuerDir;
    const TlsFiles issuer { issuerDir.filePath("ca.crt").toStdString(),
        issuerDir.filePath("ca.key").toStdString() };
    writeSelfSignedCertificate(issuer, { "DNS:ca.example.org" });
    QVERIFY(signWithOtherKey(files, issuer));
    const QByteArray before = fileHash(files.certificate);

    // The names differ, but a certificate that an operator placed there is not replaced.
    resolve("crm.example.org,crm2.example.org");
    QCOMPARE(fileHash(files.certificate), before);
    QVERIFY(m_channel->contains("is not self-signed, so the server keeps it although its names"));
    QVERIFY(!m_channel->contains("renewed because"));
}

void tst_TlsContext::configuredCertificateNeverRenewed()
{
    QTemporaryDir otherDir;
    const TlsFiles configured { otherDir.filePath("own.crt").toStdString(),
        otherDir.filePath("own.key").toStdString() };
    writeSelfSignedCertificate(configured, { "DNS:other.example.org" }, 10 * Day);
    const QByteArray certificateBefore = fileHash(configured.certificate);
    const QByteArray keyBefore = fileHash(configured.privateKey);

    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString("tls.certificate", configured.certificate);
    config->setString("tls.privateKey", configured.privateKey);
    const TlsFiles files = resolveTlsFiles(*config, m_dataDir.path().toStdString(), *m_logger);
    QCOMPARE(files.certificate, configured.certificate);
    QCOMPARE(fileHash(configured.certificate), certificateBefore);
    QCOMPARE(fileHash(configured.privateKey), keyBefore);
    QVERIFY(!QFile::exists(QString::fromStdString(generatedFiles().certificate)));
    QVERIFY(m_channel->contains("is not renewed by the server and it expires on"));
    QVERIFY(!m_channel->contains("renewed because"));
}

void tst_TlsContext::hostnamesWithConfiguredCertificateWarns()
{
    QTemporaryDir otherDir;
    const TlsFiles configured { otherDir.filePath("own.crt").toStdString(),
        otherDir.filePath("own.key").toStdString() };
    writeSelfSignedCertificate(configured, { "DNS:other.example.org" });

    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString("tls.certificate", configured.certificate);
    config->setString("tls.privateKey", configured.privateKey);
    config->setString("tls.hostnames", "crm.example.org");
    resolveTlsFiles(*config, m_dataDir.path().toStdString(), *m_logger);
    QVERIFY(m_channel->contains("tls.hostnames is ignored because tls.certificate is set"));
    QVERIFY(!m_channel->contains("expires"));

    // An invalid value is still rejected.
    config->setString("tls.hostnames", "crm_1.example.org");
    QVERIFY_THROWS_EXCEPTION(Poco::IllegalStateException,
        resolveTlsFiles(*config, m_dataDir.path().toStdString(), *m_logger));
}

QTEST_GUILESS_MAIN(tst_TlsContext)
#include "tst_tlscontext.moc"
