#include "cache/cache.h"
#include "cache/keystore.h"
#include "data/repository.h"
#include "protocol/codec.h"
#include "serverprocess.h"
#include "session/clientsession.h"
#include "sync/syncclient.h"
#include "websocketframe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

using CivicDesk::ClientSession;
using CivicDesk::SyncClient;
namespace protocol = civicdesk::protocol;

namespace {

constexpr int ImportedRows = 200;
constexpr int SyncTimeoutMs = 90000;
const QString Passphrase = QStringLiteral("tls-test-passphrase");

/** Returns a masked text frame (RFC 6455, section 5.2) of a payload below 64 KiB. */
QByteArray maskedTextFrame(const QByteArray &payload)
{
    Q_ASSERT(payload.size() < 65536);
    const char mask[4] = { 0x12, 0x34, 0x56, 0x78 };
    QByteArray frame;
    frame.append(char(0x81)); // FIN and text opcode
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        // 126 announces a 16-bit length in network byte order.
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    frame.append(mask, 4);
    for (int i = 0; i < payload.size(); ++i) {
        frame.append(char(payload[i] ^ mask[i % 4]));
    }
    return frame;
}

QSslConfiguration trustingConfiguration(const QString &certificateFile)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(certificateFile, QSsl::Pem);
    return configuration;
}

/**
 * Connects socket over TLS and upgrades it to a WebSocket at /ws. Returns the bytes received
 * after the upgrade response, or nullopt with a warning when a step fails.
 */
std::optional<QByteArray> openRawWebSocket(
    QSslSocket &socket, quint16 port, const QString &certificateFile)
{
    socket.setSslConfiguration(trustingConfiguration(certificateFile));
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    if (!socket.waitForEncrypted(10000)) {
        qWarning() << "TLS handshake failed:" << socket.errorString();
        return std::nullopt;
    }
    socket.write(QByteArrayLiteral("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                                   "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"));
    QByteArray received;
    const bool upgraded = QTest::qWaitFor(
        [&] {
            socket.waitForReadyRead(100);
            received += socket.readAll();
            return received.contains("\r\n\r\n");
        },
        10000);
    if (!upgraded || !received.startsWith("HTTP/1.1 101")) {
        qWarning() << "WebSocket upgrade failed:" << received;
        return std::nullopt;
    }
    return received.mid(received.indexOf("\r\n\r\n") + 4);
}

/** Returns the id of the thread of process processId named name, or an empty string. */
QString threadIdByName(qint64 processId, const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(processId));
    for (const QString &threadId : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(threadId + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name) {
            return threadId;
        }
    }
    return {};
}

/** Returns the user and system CPU time in seconds of one thread, or -1 when unreadable. */
double threadCpuSeconds(qint64 processId, const QString &threadId)
{
    QFile stat(QStringLiteral("/proc/%1/task/%2/stat").arg(processId).arg(threadId));
    if (!stat.open(QIODevice::ReadOnly)) {
        return -1;
    }
    // The name field is in parentheses and may contain spaces, so fields are counted after
    // its closing parenthesis: utime and stime are fields 14 and 15 of proc(5).
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13) {
        return -1;
    }
    const double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

} // namespace

/**
 * The server's default TLS mode with the real binary on loopback: the client core over
 * wss://, the intake API over https://, and the server's checks of its certificate files.
 */
class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void generatedKeyHasMode0600();
    void signInAndPushOverWss();
    void untrustedCertificateStopsClient();
    void plainWebSocketToTlsPortFails();
    void twoFramesInOneRecordAnswered();
    void stalledReaderDroppedOthersServed();
    void intakePostOverHttps();
    void certificateRejectedWhileOffline();
    void mismatchedKeyStopsServer();
    void busySenderLeavesPollThreadIdle();
    void cleanupTestCase();

private:
    std::unique_ptr<ClientSession> signedInSession(
        const QString &directory, const QString &username, const QString &password);
    QString postRequest(QNetworkAccessManager &network);

    QTemporaryDir m_serverDir;
    std::unique_ptr<ServerProcess> m_server;
};

void tst_Tls::initTestCase()
{
    QVERIFY(m_serverDir.isValid());
    m_server = std::make_unique<ServerProcess>(m_serverDir.path(), ServerProcess::Transport::Tls);
    QVERIFY2(m_server->importData(ImportedRows), qPrintable(m_server->errorString()));
    // A short send timeout lets stalledReaderDroppedOthersServed see the drop quickly.
    const QString configPath = m_serverDir.filePath(QStringLiteral("tls-test.properties"));
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("sync.sendTimeoutSeconds=1\n");
    config.close();
    m_server->setExtraArguments({ QStringLiteral("--config=%1").arg(configPath) });
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(QFile::exists(m_server->certificateFile()));
}

void tst_Tls::cleanupTestCase()
{
    m_server.reset();
}

std::unique_ptr<ClientSession> tst_Tls::signedInSession(
    const QString &directory, const QString &username, const QString &password)
{
    auto session = std::make_unique<ClientSession>(directory);
    QSignalSpy synced(session.get(), &ClientSession::syncFinished);
    QSignalSpy failed(session.get(), &ClientSession::signInFailed);
    ClientSession::SignInRequest request;
    request.serverUrl = QUrl(m_server->syncUrl());
    request.username = username;
    request.password = password;
    request.passphrase = Passphrase;
    request.caCertificateFile = m_server->certificateFile();
    session->signIn(request);
    const bool finished =
        QTest::qWaitFor([&] { return !synced.isEmpty() || !failed.isEmpty(); }, SyncTimeoutMs);
    if (!finished || synced.isEmpty()) {
        qWarning() << "sign-in of" << username << "failed:" << failed;
        return nullptr;
    }
    return session;
}

QString tst_Tls::postRequest(QNetworkAccessManager &network)
{
    QNetworkRequest request(QUrl(m_server->httpUrl(QStringLiteral("/api/v1/requests"))));
    request.setSslConfiguration(trustingConfiguration(m_server->certificateFile()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = network.post(request, fallenTreeRequestBody());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(15000);
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError) {
        qWarning() << "POST over https failed:" << reply->errorString();
        return {};
    }
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201) {
        qWarning() << "POST over https answered" << reply->readAll();
        return {};
    }
    return QJsonDocument::fromJson(reply->readAll())
        .object()
        .value(QStringLiteral("caseId"))
        .toString();
}

void tst_Tls::generatedKeyHasMode0600()
{
    struct stat status
    {
    };
    const QByteArray keyPath =
        QFile::encodeName(m_serverDir.filePath(QStringLiteral("tls/server.key")));
    QCOMPARE(::stat(keyPath.constData(), &status), 0);
    QCOMPARE(status.st_mode & 0777, mode_t(0600));
}

void tst_Tls::signInAndPushOverWss()
{
    QTemporaryDir firstDir;
    QTemporaryDir secondDir;
    auto first = signedInSession(firstDir.path(), "agent", "civicdesk-agent");
    auto second = signedInSession(secondDir.path(), "supervisor", "civicdesk-supervisor");
    QVERIFY(first);
    QVERIFY(second);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), ClientSession::State::Online, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), ClientSession::State::Online, 30000);

    // A new request is pushed to both live clients over their TLS connections.
    QNetworkAccessManager network;
    const QString caseId = postRequest(network);
    QVERIFY(!caseId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(first->repository()->caseById(caseId).has_value(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(second->repository()->caseById(caseId).has_value(), 15000);
}

void tst_Tls::untrustedCertificateStopsClient()
{
    using namespace std::chrono_literals;
    QTemporaryDir directory;
    CivicDesk::Cache cache;
    QCOMPARE(
        cache.open(directory.filePath(QStringLiteral("c.cdcache")), CivicDesk::KeyStore::newKey()),
        CivicDesk::Cache::Error::None);
    SyncClient client(cache, QStringLiteral("00000000-0000-4000-8000-000000000001"));
    SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 100ms;
    client.setTimings(timings);
    QSignalSpy failed(&client, &SyncClient::loginFailed);
    QSignalSpy states(&client, &SyncClient::stateChanged);

    // No CA file: the self-signed certificate is not among the system's CAs.
    client.start(
        QUrl(m_server->syncUrl()), QStringLiteral("agent"), QStringLiteral("civicdesk-agent"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(failed.first().at(0).value<SyncClient::Failure>(),
        SyncClient::Failure::CertificateUntrusted);
    QVERIFY(!failed.first().at(1).toString().isEmpty());

    // With a 20 ms backoff a retry loop would connect many times in a second.
    QTest::qWait(1000);
    QCOMPARE(failed.count(), 1);
    QVERIFY(!client.isRunning());
    int connecting = 0;
    for (const QList<QVariant> &change : states) {
        connecting += change.at(0).value<SyncClient::State>() == SyncClient::State::Connecting;
    }
    QCOMPARE(connecting, 1);
    QCOMPARE(client.state(), SyncClient::State::Disconnected);
}

void tst_Tls::plainWebSocketToTlsPortFails()
{
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    QSignalSpy errors(&socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error));
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server->port())));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty() || !disconnected.isEmpty(), 15000);
    QVERIFY(connected.isEmpty());
}

void tst_Tls::twoFramesInOneRecordAnswered()
{
    QSslSocket socket;
    const auto opened = openRawWebSocket(socket, m_server->port(), m_server->certificateFile());
    QVERIFY(opened);
    QByteArray received = *opened;

    // Qt 6.4's OpenSSL backend passes one small write() to one SSL_write, so both frames
    // travel in one TLS record. After the server reads the first frame, the second one is
    // decrypted in OpenSSL's buffer, where the poll set cannot see it.
    const QByteArray first = QByteArray::fromStdString(protocol::encode(protocol::Ping { "p1" }));
    const QByteArray second = QByteArray::fromStdString(protocol::encode(protocol::Ping { "p2" }));
    socket.write(maskedTextFrame(first) + maskedTextFrame(second));

    QStringList pongs;
    const bool answered = QTest::qWaitFor(
        [&] {
            socket.waitForReadyRead(100);
            received += socket.readAll();
            while (const int length = WebSocketFrame::completeLength(received)) {
                const QByteArray payload = WebSocketFrame::payload(received);
                received.remove(0, length);
                auto decoded = protocol::decode(payload.toStdString());
                if (decoded) {
                    if (const auto *pong = std::get_if<protocol::Pong>(&*decoded.message)) {
                        pongs << QString::fromStdString(pong->rid);
                    }
                }
            }
            return pongs.size() == 2;
        },
        5000);
    QVERIFY2(answered, qPrintable(pongs.join(QStringLiteral(", "))));
    QCOMPARE(pongs, (QStringList { QStringLiteral("p1"), QStringLiteral("p2") }));
}

void tst_Tls::stalledReaderDroppedOthersServed()
{
    // A reader that stops reading makes the worker's SSL_write block while it holds the
    // connection's TLS lock. The send must time out (sync.sendTimeoutSeconds is 1 here) and
    // drop that connection, and other connections must be served meanwhile.
    QSslSocket stalled;
    const auto opened = openRawWebSocket(stalled, m_server->port(), m_server->certificateFile());
    QVERIFY(opened);
    const std::string login = protocol::encode(protocol::Login {
        "login", "agent", "civicdesk-agent", "00000000-0000-4000-8000-000000000002" });
    stalled.write(maskedTextFrame(QByteArray::fromStdString(login)));
    QByteArray received = *opened;
    QVERIFY(QTest::qWaitFor(
        [&] {
            stalled.waitForReadyRead(100);
            received += stalled.readAll();
            return received.contains("loginOk");
        },
        30000));

    // Qt stops reading from the kernel once 4 KiB are buffered, so the replies to these
    // fetches (each up to 500 changes) fill the socket buffers of both sides.
    stalled.setReadBufferSize(4096);
    QByteArray fetches;
    for (int i = 0; i < 200; ++i) {
        const std::string fetch =
            protocol::encode(protocol::Fetch { "f" + std::to_string(i), 0, 500 });
        fetches += maskedTextFrame(QByteArray::fromStdString(fetch));
    }
    stalled.write(fetches);
    QVERIFY(stalled.waitForBytesWritten(10000));
    QTest::qWait(3000);

    // Another connection gets its reply while the stalled one is being dropped.
    QSslSocket other;
    const auto otherOpened = openRawWebSocket(other, m_server->port(), m_server->certificateFile());
    QVERIFY(otherOpened);
    QElapsedTimer answerTimer;
    answerTimer.start();
    other.write(
        maskedTextFrame(QByteArray::fromStdString(protocol::encode(protocol::Ping { "p" }))));
    QByteArray otherReceived = *otherOpened;
    QVERIFY(QTest::qWaitFor(
        [&] {
            other.waitForReadyRead(100);
            otherReceived += other.readAll();
            return otherReceived.contains("pong");
        },
        10000));
    QVERIFY2(answerTimer.elapsed() < 5000, qPrintable(QString::number(answerTimer.elapsed())));

    // Draining the stalled socket ends in the server's close: a connection that the server
    // kept would stay open until its 120 s idle timeout.
    stalled.setReadBufferSize(0);
    qint64 drained = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            stalled.waitForReadyRead(100);
            drained += stalled.readAll().size();
            return stalled.state() == QAbstractSocket::UnconnectedState;
        },
        30000));
    qInfo() << "bytes received before the server dropped the stalled reader:" << drained;
}

void tst_Tls::intakePostOverHttps()
{
    QNetworkAccessManager network;
    QVERIFY(!postRequest(network).isEmpty());

    // The same request without the CA fails verification instead of being sent. A manager
    // of its own opens a new connection, where the first one would reuse its verified one.
    QNetworkAccessManager untrusting;
    QNetworkRequest request(QUrl(m_server->httpUrl(QStringLiteral("/api/v1/requests"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = untrusting.post(request, QByteArrayLiteral("{}"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    reply->deleteLater();
}

void tst_Tls::certificateRejectedWhileOffline()
{
    using namespace std::chrono_literals;
    QTemporaryDir directory;
    {
        auto first = signedInSession(directory.path(), "agent2", "civicdesk-agent2");
        QVERIFY(first);
    }

    // With the server down, the user signs in offline from the cache, without the CA file.
    const quint16 port = m_server->port();
    m_server->stop();
    ClientSession session(directory.path());
    SyncClient::Timings timings;
    timings.backoffInitial = 100ms;
    timings.backoffMaximum = 200ms;
    session.setSyncTimings(timings);
    QSignalSpy signedIn(&session, &ClientSession::signedIn);
    QSignalSpy rejected(&session, &ClientSession::connectionRejected);
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    ClientSession::SignInRequest request;
    request.serverUrl = QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(port));
    request.username = QStringLiteral("agent2");
    request.password = QStringLiteral("civicdesk-agent2");
    request.passphrase = Passphrase;
    session.signIn(request);
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 15000);
    QCOMPARE(session.state(), ClientSession::State::Offline);

    // The reconnect meets the untrusted certificate: the user stays signed in and offline.
    QVERIFY2(m_server->start(port), qPrintable(m_server->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 15000);
    QCOMPARE(rejected.first().at(0).value<ClientSession::ErrorCode>(),
        ClientSession::ErrorCode::CertificateUntrusted);
    QVERIFY(failed.isEmpty());
    QCOMPARE(session.state(), ClientSession::State::Offline);
    QVERIFY(session.repository());
    QTest::qWait(1000);
    QCOMPARE(rejected.count(), 1);
}

void tst_Tls::mismatchedKeyStopsServer()
{
    // A second data folder gets a key pair of its own on its first start, which then stops
    // because the folder has not been imported.
    QTemporaryDir otherDir;
    {
        ServerProcess other(otherDir.path(), ServerProcess::Transport::Tls);
        QVERIFY(!other.start());
        QVERIFY2(
            other.errorString().contains("has not been imported"), qPrintable(other.errorString()));
    }
    const QString otherKey = otherDir.filePath(QStringLiteral("tls/server.key"));
    QVERIFY(QFile::exists(otherKey));

    const QString configPath = otherDir.filePath(QStringLiteral("mismatch.properties"));
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("tls.certificate=%1\ntls.privateKey=%2\n")
                     .arg(m_server->certificateFile(), otherKey)
                     .toUtf8());
    config.close();

    ServerProcess server(m_serverDir.path(), ServerProcess::Transport::Tls);
    server.setExtraArguments({ QStringLiteral("--config=%1").arg(configPath) });
    QVERIFY(!server.start());
    QVERIFY2(server.errorString().contains("does not match the certificate"),
        qPrintable(server.errorString()));
}

void tst_Tls::busySenderLeavesPollThreadIdle()
{
    // The server runs again with a send timeout longer than the test, so the worker's
    // SSL_write to a client that stops reading holds that connection's TLS lock throughout.
    const QString configPath = m_serverDir.filePath(QStringLiteral("long-send.properties"));
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("sync.sendTimeoutSeconds=60\n");
    config.close();
    m_server->stop();
    m_server->setExtraArguments({ QStringLiteral("--config=%1").arg(configPath) });
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    const qint64 serverPid = m_server->processId();
    const QString pollThread = threadIdByName(serverPid, "sync-poll");
    QVERIFY2(!pollThread.isEmpty(), "the server has no thread named sync-poll");

    QSslSocket client;
    const auto opened = openRawWebSocket(client, m_server->port(), m_server->certificateFile());
    QVERIFY(opened);
    const std::string login = protocol::encode(protocol::Login {
        "login", "agent", "civicdesk-agent", "00000000-0000-4000-8000-000000000003" });
    client.write(maskedTextFrame(QByteArray::fromStdString(login)));
    QByteArray received = *opened;
    qint64 drained = 0;
    // Reads what has arrived and returns the messages of its complete frames.
    auto takeMessages = [&] {
        client.waitForReadyRead(100);
        const QByteArray chunk = client.readAll();
        drained += chunk.size();
        received += chunk;
        std::vector<protocol::Message> messages;
        while (const int length = WebSocketFrame::completeLength(received)) {
            auto decoded = protocol::decode(WebSocketFrame::payload(received).toStdString());
            received.remove(0, length);
            if (decoded.message) {
                messages.push_back(std::move(*decoded.message));
            }
        }
        return messages;
    };
    bool loggedIn = false;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const protocol::Message &message : takeMessages()) {
                loggedIn = loggedIn || std::holds_alternative<protocol::LoginOk>(message);
            }
            return loggedIn;
        },
        30000));

    // As in stalledReaderDroppedOthersServed, the fetch replies fill both sides' socket
    // buffers, and the worker then blocks in a send that holds the TLS lock.
    client.setReadBufferSize(4096);
    constexpr int Fetches = 100;
    QByteArray fetches;
    for (int i = 0; i < Fetches; ++i) {
        const std::string fetch =
            protocol::encode(protocol::Fetch { "f" + std::to_string(i), 0, 500 });
        fetches += maskedTextFrame(QByteArray::fromStdString(fetch));
    }
    client.write(fetches);
    QVERIFY(client.waitForBytesWritten(10000));
    QTest::qWait(1000);

    // The client keeps sending while the send is blocked, so the server's socket stays
    // readable. A poll thread that kept it in the level-triggered poll set would spin.
    const double cpuBefore = threadCpuSeconds(serverPid, pollThread);
    QVERIFY(cpuBefore >= 0);
    QElapsedTimer window;
    window.start();
    QStringList pingIds;
    while (window.elapsed() < 2000) {
        const QString rid = QStringLiteral("k%1").arg(pingIds.size());
        pingIds << rid;
        client.write(maskedTextFrame(
            QByteArray::fromStdString(protocol::encode(protocol::Ping { rid.toStdString() }))));
        QTest::qWait(50);
    }
    const double cpuSeconds = threadCpuSeconds(serverPid, pollThread) - cpuBefore;
    const double windowSeconds = window.elapsed() / 1000.0;
    qInfo() << "poll thread CPU while the worker's send was blocked:" << cpuSeconds << "s in"
            << windowSeconds << "s";
    QVERIFY2(cpuSeconds < 0.1 * windowSeconds, qPrintable(QString::number(cpuSeconds)));

    // Once the client reads again, every ping sent during the blocked send gets its pong, in
    // order. So the connection left the poll set without losing readiness.
    client.setReadBufferSize(0);
    drained = 0;
    QStringList pongIds;
    int batches = 0;
    const bool answered = QTest::qWaitFor(
        [&] {
            for (const protocol::Message &message : takeMessages()) {
                if (const auto *pong = std::get_if<protocol::Pong>(&message)) {
                    pongIds << QString::fromStdString(pong->rid);
                } else if (std::holds_alternative<protocol::Batch>(message)) {
                    ++batches;
                }
            }
            return pongIds.size() == pingIds.size();
        },
        60000);
    qInfo() << "bytes drained after the blocked send:" << drained;
    QVERIFY2(answered, qPrintable(pongIds.join(QStringLiteral(", "))));
    QCOMPARE(pongIds, pingIds);
    QCOMPARE(batches, Fetches);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

QTEST_MAIN(tst_Tls)
#include "tst_tls.moc"
