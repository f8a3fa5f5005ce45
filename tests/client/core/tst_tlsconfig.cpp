#include "session/clientsession.h"
#include "sync/tlsconfig.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using CivicDesk::ClientSession;
namespace TlsConfig = CivicDesk::TlsConfig;

Q_DECLARE_METATYPE(TlsConfig::UrlCheck)

/** The client's checks of server URLs and CA files before it connects. */
class tst_TlsConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkServerUrl_data();
    void checkServerUrl();
    void missingCaFileRejected();
    void caFileWithoutCertificateRejected();
    void plainUrlToRemoteHostRejected();
};

void tst_TlsConfig::checkServerUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<TlsConfig::UrlCheck>("expected");
    using Check = TlsConfig::UrlCheck;
    QTest::newRow("wss remote") << "wss://civicdesk.example.gr/ws" << Check::Accepted;
    QTest::newRow("wss loopback") << "wss://127.0.0.1:8080/ws" << Check::Accepted;
    QTest::newRow("ws 127.0.0.1") << "ws://127.0.0.1:8080/ws" << Check::Accepted;
    QTest::newRow("ws localhost") << "ws://localhost:8080/ws" << Check::Accepted;
    QTest::newRow("ws LOCALHOST") << "ws://LOCALHOST:8080/ws" << Check::Accepted;
    QTest::newRow("ws ::1") << "ws://[::1]:8080/ws" << Check::Accepted;
    QTest::newRow("ws remote name") << "ws://civicdesk.example.gr/ws" << Check::PlainToRemoteHost;
    QTest::newRow("ws remote address") << "ws://192.0.2.10:8080/ws" << Check::PlainToRemoteHost;
    QTest::newRow("ws 127.0.0.2") << "ws://127.0.0.2:8080/ws" << Check::PlainToRemoteHost;
    QTest::newRow("ws localhost suffix")
        << "ws://localhost.example.gr/ws" << Check::PlainToRemoteHost;
    QTest::newRow("https") << "https://127.0.0.1:8080/ws" << Check::NotWebSocket;
    QTest::newRow("no host") << "wss:///ws" << Check::NotWebSocket;
    QTest::newRow("empty") << "" << Check::NotWebSocket;
}

void tst_TlsConfig::checkServerUrl()
{
    QFETCH(QString, url);
    QFETCH(TlsConfig::UrlCheck, expected);
    QCOMPARE(TlsConfig::checkServerUrl(QUrl(url)), expected);
}

void tst_TlsConfig::missingCaFileRejected()
{
    QTemporaryDir directory;
    QList<QSslCertificate> certificates;
    QString error;
    const QString missing = directory.filePath(QStringLiteral("missing.pem"));
    QVERIFY(!TlsConfig::loadCaCertificates(missing, &certificates, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY(certificates.isEmpty());
}

void tst_TlsConfig::caFileWithoutCertificateRejected()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("not-a-certificate.pem"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();

    QList<QSslCertificate> certificates;
    QString error;
    QVERIFY(!TlsConfig::loadCaCertificates(path, &certificates, &error));
    QVERIFY2(error.contains(QStringLiteral("contains no PEM certificate")), qPrintable(error));
}

void tst_TlsConfig::plainUrlToRemoteHostRejected()
{
    QTemporaryDir directory;
    ClientSession session(directory.path());
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    session.signIn({ QUrl(QStringLiteral("ws://civicdesk.example.gr/ws")), QStringLiteral("agent"),
        QStringLiteral("civicdesk-agent"), QStringLiteral("passphrase") });
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).value<ClientSession::ErrorCode>(),
        ClientSession::ErrorCode::InsecureServerUrl);
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("wss://")));
    // Nothing was created for the rejected server.
    QVERIFY(QDir(directory.path()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_TlsConfig)
#include "tst_tlsconfig.moc"
