#include "data/repository.h"
#include "domain/ids.h"
#include "protocol/codec.h"
#include "serverprocess.h"
#include "session/clientsession.h"
#include "websocketframe.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <nlohmann/json.hpp>

using CivicDesk::ClientSession;
namespace protocol = civicdesk::protocol;

namespace {

constexpr int ImportedRows = 300;
constexpr int SyncTimeoutMs = 90000;
const QString Passphrase = QStringLiteral("integration-test-passphrase");

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/** Returns the protocol message in a complete WebSocket frame, if it contains one. */
std::optional<protocol::Message> frameMessage(const QByteArray &frame)
{
    protocol::DecodeResult decoded = protocol::decode(WebSocketFrame::payload(frame).toStdString());
    return decoded ? std::move(decoded.message) : std::nullopt;
}

/**
 * A loopback TCP proxy between one sync client and the server. When armed, it drops the
 * client's connection in place of forwarding the next accessAck, so the server has stored
 * the entries but the client never hears of it. It counts the entry ids the client sends.
 */
class AckDroppingProxy
{
public:
    explicit AckDroppingProxy(quint16 serverPort)
        : m_serverPort(serverPort)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] { acceptClients(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    void armAckDrop() { m_armed = true; }
    int droppedAcks() const { return m_droppedAcks; }
    /** Returns how often the client sent an access entry with this id. */
    int timesSent(const std::string &entryId) const { return m_sentEntries.value(entryId); }

private:
    void acceptClients()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            auto fromClient = std::make_shared<QByteArray>();
            auto fromServer = std::make_shared<QByteArray>();
            QObject::connect(
                client, &QTcpSocket::readyRead, upstream, [this, client, upstream, fromClient] {
                    forwardFromClient(client, upstream, fromClient.get());
                });
            QObject::connect(
                upstream, &QTcpSocket::connected, upstream, [this, client, upstream, fromClient] {
                    forwardFromClient(client, upstream, fromClient.get());
                });
            QObject::connect(
                upstream, &QTcpSocket::readyRead, client, [this, client, upstream, fromServer] {
                    forwardFromServer(client, upstream, fromServer.get());
                });
            QObject::connect(
                upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            upstream->connectToHost(QHostAddress::LocalHost, m_serverPort);
        }
    }

    void forwardFromClient(QTcpSocket *client, QTcpSocket *upstream, QByteArray *pending)
    {
        if (upstream->state() != QAbstractSocket::ConnectedState) {
            return;
        }
        pending->append(client->readAll());
        if (!client->property("upgradeSent").toBool()) {
            const qsizetype end = pending->indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            upstream->write(pending->left(end + 4));
            pending->remove(0, end + 4);
            client->setProperty("upgradeSent", true);
        }
        while (const int length = WebSocketFrame::completeLength(*pending)) {
            const QByteArray frame = pending->left(length);
            if (const auto message = frameMessage(frame)) {
                if (const auto *log = std::get_if<protocol::AccessLog>(&*message)) {
                    for (const protocol::AccessEntry &entry : log->entries) {
                        ++m_sentEntries[entry.id];
                    }
                }
            }
            upstream->write(frame);
            pending->remove(0, length);
        }
    }

    void forwardFromServer(QTcpSocket *client, QTcpSocket *upstream, QByteArray *pending)
    {
        pending->append(upstream->readAll());
        if (!client->property("upgraded").toBool()) {
            const qsizetype end = pending->indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            client->write(pending->left(end + 4));
            pending->remove(0, end + 4);
            client->setProperty("upgraded", true);
        }
        while (const int length = WebSocketFrame::completeLength(*pending)) {
            const QByteArray frame = pending->left(length);
            const auto message = frameMessage(frame);
            if (m_armed && message && std::holds_alternative<protocol::AccessAck>(*message)) {
                m_armed = false;
                ++m_droppedAcks;
                pending->clear();
                client->abort();
                return;
            }
            client->write(frame);
            pending->remove(0, length);
        }
    }

    QTcpServer m_server;
    quint16 m_serverPort = 0;
    bool m_armed = false;
    int m_droppedAcks = 0;
    QHash<std::string, int> m_sentEntries;
};

} // namespace

/**
 * The access log from the client's cache to the real server's store: reads recorded while
 * offline arrive after the reconnect under the signed-in user, and entries whose ack was lost
 * are sent again and stored once. The server's rows are read with `civicdesk-server
 * access-log`.
 */
class tst_AccessLogUpload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offlineReadsArriveAfterReconnect();
    void lostAckResentAndStoredOnce();
    void cleanupTestCase();

private:
    std::unique_ptr<ClientSession> signedInSession(const QString &directory, quint16 port,
        const QString &username, const QString &password, int accessLogPage = 200);
    /** Returns the rows that `civicdesk-server access-log` prints for a record. */
    std::vector<nlohmann::json> serverAccessLog(const QString &recordId);
    static int rowsWithReason(const std::vector<nlohmann::json> &rows, const QString &reason);
    static std::optional<std::pair<QString, QString>> firstCaseWithParty(
        const CivicDesk::Repository &repository);

    QTemporaryDir m_serverDir;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_port = 0;
};

void tst_AccessLogUpload::initTestCase()
{
    QVERIFY(m_serverDir.isValid());
    m_server = std::make_unique<ServerProcess>(m_serverDir.path());
    QVERIFY2(m_server->importData(ImportedRows), qPrintable(m_server->errorString()));
    m_port = freeLoopbackPort();
    QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorString()));
}

std::unique_ptr<ClientSession> tst_AccessLogUpload::signedInSession(const QString &directory,
    quint16 port, const QString &username, const QString &password, int accessLogPage)
{
    using namespace std::chrono_literals;
    auto session = std::make_unique<ClientSession>(directory);
    CivicDesk::SyncClient::Timings timings;
    timings.backoffInitial = 100ms;
    timings.backoffMaximum = 1s;
    // No ping within a test, so only a reconnect or an outbox round can send the log.
    timings.pingInterval = 10min;
    timings.accessLogPage = accessLogPage;
    session->setSyncTimings(timings);
    QSignalSpy synced(session.get(), &ClientSession::syncFinished);
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    session->signIn({ url, username, password, Passphrase });
    if (!synced.wait(SyncTimeoutMs)) {
        return nullptr;
    }
    return session;
}

std::vector<nlohmann::json> tst_AccessLogUpload::serverAccessLog(const QString &recordId)
{
    QProcess command;
    command.start(QStringLiteral(CIVICDESK_SERVER_BINARY),
        { QStringLiteral("--data-dir=%1").arg(m_serverDir.path()),
            QStringLiteral("--record=%1").arg(recordId), QStringLiteral("access-log") });
    std::vector<nlohmann::json> rows;
    if (!command.waitForFinished(30000) || command.exitCode() != 0) {
        qWarning() << "access-log failed:" << command.readAllStandardError();
        return rows;
    }
    for (const QByteArray &line : command.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty()) {
            rows.push_back(nlohmann::json::parse(line.toStdString()));
        }
    }
    return rows;
}

int tst_AccessLogUpload::rowsWithReason(
    const std::vector<nlohmann::json> &rows, const QString &reason)
{
    return int(std::count_if(rows.begin(), rows.end(), [&reason](const nlohmann::json &row) {
        return row.at("reason").get<std::string>() == reason.toStdString();
    }));
}

std::optional<std::pair<QString, QString>> tst_AccessLogUpload::firstCaseWithParty(
    const CivicDesk::Repository &repository)
{
    for (const CivicDesk::QueueInfo &queue : repository.queues()) {
        for (const QString &caseId : repository.caseIds(queue.key, true)) {
            const auto cached = repository.caseById(caseId);
            if (cached && !cached->partyId.isEmpty()) {
                return std::pair { caseId, cached->partyId };
            }
        }
    }
    return std::nullopt;
}

void tst_AccessLogUpload::offlineReadsArriveAfterReconnect()
{
    QTemporaryDir clientDir;
    auto session = signedInSession(
        clientDir.path(), m_port, QStringLiteral("agent"), QStringLiteral("civicdesk-agent"));
    QVERIFY(session);
    const auto record = firstCaseWithParty(*session->repository());
    QVERIFY2(record, "the demo agent must see a case with a party");
    const auto [caseId, partyId] = *record;
    const QString suffix = QString::fromStdString(civicdesk::generateUuid()).left(8);
    const QString caseReason = QStringLiteral("offline-case-view-") + suffix;
    const QString partyReason = QStringLiteral("offline-citizen-360-") + suffix;

    m_server->kill();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), ClientSession::State::Offline, 20000);
    QVERIFY(session->repository()->recordAccess(QStringLiteral("case"), caseId, caseReason));
    QVERIFY(session->repository()->recordAccess(QStringLiteral("party"), partyId, partyReason));
    QSignalSpy uploaded(session->syncClient(), &CivicDesk::SyncClient::accessLogUploaded);
    QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(!uploaded.isEmpty(), 30000);
    QCOMPARE(uploaded.first().first().toInt(), 2);

    const std::vector<nlohmann::json> caseRows = serverAccessLog(caseId);
    QCOMPARE(rowsWithReason(caseRows, caseReason), 1);
    const auto caseRow = std::find_if(caseRows.begin(), caseRows.end(), [&](const auto &row) {
        return row.at("reason").template get<std::string>() == caseReason.toStdString();
    });
    QCOMPARE(QString::fromStdString(caseRow->at("userId").get<std::string>()),
        session->currentUser().id);
    QCOMPARE(caseRow->at("username").get<std::string>(), std::string("agent"));
    QCOMPARE(caseRow->at("entity").get<std::string>(), std::string("case"));
    QVERIFY(caseRow->at("inScope").get<bool>());
    // A party's log lists the reads of the party and of its cases.
    const std::vector<nlohmann::json> partyRows = serverAccessLog(partyId);
    QCOMPARE(rowsWithReason(partyRows, partyReason), 1);
    QCOMPARE(rowsWithReason(partyRows, caseReason), 1);
}

void tst_AccessLogUpload::lostAckResentAndStoredOnce()
{
    AckDroppingProxy proxy(m_port);
    QVERIFY(proxy.listen());
    QTemporaryDir clientDir;
    // Pages of two entries, so the three reads go up in two pages after the reconnect.
    auto session = signedInSession(clientDir.path(), proxy.port(), QStringLiteral("agent2"),
        QStringLiteral("civicdesk-agent2"), 2);
    QVERIFY(session);
    const auto record = firstCaseWithParty(*session->repository());
    QVERIFY(record);
    const QString caseId = record->first;
    const QString suffix = QString::fromStdString(civicdesk::generateUuid()).left(8);
    const QStringList reasons { QStringLiteral("lost-ack-1-") + suffix,
        QStringLiteral("lost-ack-2-") + suffix, QStringLiteral("lost-ack-3-") + suffix };
    for (const QString &reason : reasons) {
        QVERIFY(session->repository()->recordAccess(QStringLiteral("case"), caseId, reason));
    }

    proxy.armAckDrop();
    QSignalSpy uploaded(session->syncClient(), &CivicDesk::SyncClient::accessLogUploaded);
    session->syncClient()->sendAccessLog();
    QTRY_COMPARE_WITH_TIMEOUT(proxy.droppedAcks(), 1, 20000);
    const auto uploadedEntries = [&uploaded] {
        int total = 0;
        for (const QList<QVariant> &arguments : uploaded) {
            total += arguments.first().toInt();
        }
        return total;
    };
    QTRY_COMPARE_WITH_TIMEOUT(uploadedEntries(), 3, 30000);

    const std::vector<nlohmann::json> rows = serverAccessLog(caseId);
    int resentEntries = 0;
    for (const QString &reason : reasons) {
        QCOMPARE(rowsWithReason(rows, reason), 1);
    }
    for (const nlohmann::json &row : rows) {
        if (reasons.contains(QString::fromStdString(row.at("reason").get<std::string>()))) {
            QCOMPARE(row.at("username").get<std::string>(), std::string("agent2"));
            resentEntries += proxy.timesSent(row.at("entryId").get<std::string>()) > 1;
        }
    }
    // The first page went up twice: once before the lost ack, once after the reconnect.
    QCOMPARE(resentEntries, 2);
}

void tst_AccessLogUpload::cleanupTestCase()
{
    if (m_server) {
        m_server->stop();
    }
}

QTEST_GUILESS_MAIN(tst_AccessLogUpload)
#include "tst_accesslogupload.moc"
