#include "data/repository.h"
#include "domain/ids.h"
#include "protocol/codec.h"
#include "protocolprobe.h"
#include "serverprocess.h"
#include "session/clientsession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

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

} // namespace

/**
 * The real server and the client's sync core together: initial sync, a mutation's round
 * trip, an edit made while the server is down, a replayed mutation and a new request
 * pushed to a connected client.
 */
class tst_EndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initialSyncEqualsServerView();
    void mutationRoundTrips();
    void offlineEditDeliveredOnceAfterServerReturns();
    void replayedMutationAppliedOnce();
    void newRequestReachesConnectedClient();
    void conflictKeptByPersonWins();
    void keptBeforeCatchUpApplied();
    void cleanupTestCase();

private:
    QUrl serverUrl() const;
    std::unique_ptr<ClientSession> signedInSession(
        const QString &directory, const QString &username, const QString &password);
    QString firstOpenCaseId(const ProtocolProbe &probe) const;
    ProtocolProbe *freshProbe(const QString &username, const QString &password);

    QTemporaryDir m_serverDir;
    QTemporaryDir m_clientDir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ClientSession> m_session;
    quint16 m_port = 0;
    QList<ProtocolProbe *> m_probes;
};

QUrl tst_EndToEnd::serverUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port));
}

ProtocolProbe *tst_EndToEnd::freshProbe(const QString &username, const QString &password)
{
    auto *probe = new ProtocolProbe;
    m_probes.append(probe);
    if (!probe->connectAndLogin(serverUrl(), username, password) || !probe->fetchAll()) {
        qWarning() << "probe failed:" << probe->lastError();
        return nullptr;
    }
    return probe;
}

QString tst_EndToEnd::firstOpenCaseId(const ProtocolProbe &probe) const
{
    for (auto it = probe.records().cbegin(); it != probe.records().cend(); ++it) {
        if (it.key().first == QLatin1String("case") && it.value().at("status") == "open") {
            return it.key().second;
        }
    }
    return {};
}

void tst_EndToEnd::initTestCase()
{
    QVERIFY(m_serverDir.isValid());
    QVERIFY(m_clientDir.isValid());
    m_server = std::make_unique<ServerProcess>(m_serverDir.path());
    QVERIFY2(m_server->importData(ImportedRows), qPrintable(m_server->errorString()));
    m_port = freeLoopbackPort();
    QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorString()));

    m_session = std::make_unique<ClientSession>(m_clientDir.path());
    QSignalSpy signedIn(m_session.get(), &ClientSession::signedIn);
    QSignalSpy synced(m_session.get(), &ClientSession::syncFinished);
    QSignalSpy failed(m_session.get(), &ClientSession::signInFailed);
    m_session->signIn({ serverUrl(), QStringLiteral("agent"), QStringLiteral("civicdesk-agent"),
                        Passphrase });
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty() || !failed.isEmpty(), SyncTimeoutMs);
    QVERIFY2(failed.isEmpty(), "sign-in against the real server failed");
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), SyncTimeoutMs);
}

void tst_EndToEnd::initialSyncEqualsServerView()
{
    ProtocolProbe *probe = freshProbe(QStringLiteral("agent"), QStringLiteral("civicdesk-agent"));
    QVERIFY(probe);
    CivicDesk::Repository *repository = m_session->repository();
    QVERIFY(repository);

    QSet<QString> serverCases;
    QHash<QString, int> serverTimeline;
    for (auto it = probe->records().cbegin(); it != probe->records().cend(); ++it) {
        if (it.key().first == QLatin1String("case")) {
            serverCases.insert(it.key().second);
        } else if (it.key().first == QLatin1String("interaction")) {
            ++serverTimeline[QString::fromStdString(it.value().at("partyId").get<std::string>())];
        }
    }
    QVERIFY2(!serverCases.isEmpty(), "the demo agent must see cases");

    QSet<QString> clientCases;
    for (const CivicDesk::QueueInfo &queue : repository->queues()) {
        for (const QString &id : repository->caseIds(queue.key, true)) {
            clientCases.insert(id);
        }
    }
    QCOMPARE(clientCases, serverCases);

    for (const QString &caseId : serverCases) {
        const nlohmann::json &record = probe->records().value({ QStringLiteral("case"), caseId });
        const auto cached = repository->caseById(caseId);
        QVERIFY2(cached, qPrintable(caseId));
        QCOMPARE(cached->status, QString::fromStdString(record.at("status").get<std::string>()));
        QCOMPARE(cached->version, record.at("__version").get<qint64>());
        QCOMPARE(cached->number, QString::fromStdString(record.at("number").get<std::string>()));
    }
    for (auto it = serverTimeline.cbegin(); it != serverTimeline.cend(); ++it) {
        QCOMPARE(repository->timelineOfParty(it.key()).size(), it.value());
    }
}

void tst_EndToEnd::mutationRoundTrips()
{
    ProtocolProbe *before = freshProbe(QStringLiteral("agent2"), QStringLiteral("civicdesk-agent2"));
    QVERIFY(before);
    const QString caseId = firstOpenCaseId(*before);
    QVERIFY2(!caseId.isEmpty(), "no open case in the agent's scope");
    const qint64 version =
            before->records().value({ QStringLiteral("case"), caseId }).at("__version").get<qint64>();

    QVERIFY(!m_session->setCaseStatus(caseId, QStringLiteral("in_progress")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_session->pendingCount(), 0, 20000);

    ProtocolProbe *after = freshProbe(QStringLiteral("agent2"), QStringLiteral("civicdesk-agent2"));
    QVERIFY(after);
    const nlohmann::json record = after->records().value({ QStringLiteral("case"), caseId });
    QCOMPARE(record.at("status").get<std::string>(), std::string("in_progress"));
    QCOMPARE(record.at("__version").get<qint64>(), version + 1);
    QCOMPARE(m_session->repository()->caseById(caseId)->status, QStringLiteral("in_progress"));
}

void tst_EndToEnd::offlineEditDeliveredOnceAfterServerReturns()
{
    ProtocolProbe *probe = freshProbe(QStringLiteral("agent"), QStringLiteral("civicdesk-agent"));
    QVERIFY(probe);
    const QString caseId = firstOpenCaseId(*probe);
    QVERIFY(!caseId.isEmpty());

    m_server->kill();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ClientSession::State::Offline, 20000);
    const QString noteText = QStringLiteral("Offline note %1")
                                     .arg(QString::fromStdString(civicdesk::generateUuid()));
    QVERIFY(!m_session->addCaseNote(caseId, noteText).isEmpty());
    QCOMPARE(m_session->pendingCount(), 1);

    QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->pendingCount(), 0, 90000);

    ProtocolProbe *after = freshProbe(QStringLiteral("agent"), QStringLiteral("civicdesk-agent"));
    QVERIFY(after);
    int copies = 0;
    for (auto it = after->records().cbegin(); it != after->records().cend(); ++it) {
        if (it.key().first == QLatin1String("interaction")
            && it.value().at("body").get<std::string>() == noteText.toStdString()) {
            ++copies;
        }
    }
    QCOMPARE(copies, 1);
}

void tst_EndToEnd::replayedMutationAppliedOnce()
{
    ProtocolProbe *probe = freshProbe(QStringLiteral("agent"), QStringLiteral("civicdesk-agent"));
    QVERIFY(probe);
    const QString caseId = firstOpenCaseId(*probe);
    QVERIFY(!caseId.isEmpty());
    const qint64 version =
            probe->records().value({ QStringLiteral("case"), caseId }).at("__version").get<qint64>();

    protocol::Mutation mutation;
    mutation.id = civicdesk::generateUuid();
    mutation.entityId = caseId.toStdString();
    mutation.baseVersion = version;
    mutation.op = "note";
    mutation.args = { { "interactionId", civicdesk::generateUuid() },
                      { "text", "Replayed note " + mutation.id } };
    const auto first = probe->request(protocol::Mutate { {}, mutation });
    const auto second = probe->request(protocol::Mutate { {}, mutation });

    QVERIFY(first && std::holds_alternative<protocol::Ack>(*first));
    QVERIFY(second && std::holds_alternative<protocol::Ack>(*second));
    QCOMPARE(std::get<protocol::Ack>(*second).version, std::get<protocol::Ack>(*first).version);
    QCOMPARE(std::get<protocol::Ack>(*second).seq, std::get<protocol::Ack>(*first).seq);

    ProtocolProbe *after = freshProbe(QStringLiteral("agent"), QStringLiteral("civicdesk-agent"));
    QVERIFY(after);
    int copies = 0;
    for (auto it = after->records().cbegin(); it != after->records().cend(); ++it) {
        if (it.key().first == QLatin1String("interaction")
            && it.value().at("body").get<std::string>() == "Replayed note " + mutation.id) {
            ++copies;
        }
    }
    QCOMPARE(copies, 1);
    QCOMPARE(after->records().value({ QStringLiteral("case"), caseId }).at("__version").get<qint64>(),
             version + 1);
}

void tst_EndToEnd::newRequestReachesConnectedClient()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ClientSession::State::Online, 30000);
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/requests").arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = network.post(request, fallenTreeRequestBody());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    const QString caseId = answer.value(QStringLiteral("caseId")).toString();
    QVERIFY(!caseId.isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(m_session->repository()->caseById(caseId).has_value(), 15000);
    const auto cached = m_session->repository()->caseById(caseId);
    QCOMPARE(cached->number, answer.value(QStringLiteral("caseNumber")).toString());
    // The demo agents' teams work by push, so intake assigns the case to one of them.
    QVERIFY(!cached->assigneeId.isEmpty());
    QVERIFY2(cached->assignmentReason.startsWith(QStringLiteral("assigned to agent")),
             qPrintable(cached->assignmentReason));
    const CivicDesk::QueueKey unassigned { CivicDesk::QueueKey::Kind::Unassigned, {} };
    QVERIFY(!m_session->repository()->caseIds(unassigned, false).contains(caseId));
    reply->deleteLater();
}

std::unique_ptr<ClientSession> tst_EndToEnd::signedInSession(
    const QString &directory, const QString &username, const QString &password)
{
    using namespace std::chrono_literals;
    auto session = std::make_unique<ClientSession>(directory);
    CivicDesk::SyncClient::Timings timings;
    timings.backoffInitial = 100ms;
    timings.backoffMaximum = 1s;
    session->setSyncTimings(timings);
    QSignalSpy synced(session.get(), &ClientSession::syncFinished);
    session->signIn({ serverUrl(), username, password, Passphrase });
    if (!synced.wait(SyncTimeoutMs)) {
        return nullptr;
    }
    return session;
}

void tst_EndToEnd::conflictKeptByPersonWins()
{
    // Two people change the status of one case while the server is down. The second edit to
    // reach the server conflicts, and its author keeps it, so the server ends with that status.
    QTemporaryDir firstDir;
    QTemporaryDir secondDir;
    auto first = signedInSession(firstDir.path(), "agent", "civicdesk-agent");
    auto second = signedInSession(secondDir.path(), "agent2", "civicdesk-agent2");
    QVERIFY(first && second);
    ProtocolProbe *before = freshProbe(QStringLiteral("agent2"), QStringLiteral("civicdesk-agent2"));
    QVERIFY(before);
    const QString caseId = firstOpenCaseId(*before);
    QVERIFY(!caseId.isEmpty());
    const qint64 version =
            before->records().value({ QStringLiteral("case"), caseId }).at("__version").get<qint64>();

    m_server->kill();
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), ClientSession::State::Offline, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), ClientSession::State::Offline, 20000);
    QVERIFY(!first->setCaseStatus(caseId, QStringLiteral("waiting")).isEmpty());
    QVERIFY(!second->setCaseStatus(caseId, QStringLiteral("in_progress")).isEmpty());
    QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(first->pendingCount() + second->pendingCount(), 0, 60000);
    QCOMPARE(first->rejectedCount() + second->rejectedCount(), 1);

    ClientSession *loser = first->rejectedCount() == 1 ? first.get() : second.get();
    const QString kept = loser == first.get() ? QStringLiteral("waiting")
                                              : QStringLiteral("in_progress");
    const QList<CivicDesk::Conflict> conflicts = loser->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.first().entry.rejectCode, QStringLiteral("mutation.conflict"));
    // The winner's edit reaches the loser through the change feed before it keeps its own.
    QTRY_COMPARE_WITH_TIMEOUT(loser->repository()->caseById(caseId)->version, version + 1, 20000);
    const QList<CivicDesk::ConflictResolver::Outcome> outcomes = loser->resolveConflicts(
        { conflicts.first().entry.mutationId }, CivicDesk::ConflictResolver::Resolution::KeepMine);
    QVERIFY(outcomes.size() == 1 && outcomes.first().ok());
    QTRY_COMPARE_WITH_TIMEOUT(loser->pendingCount(), 0, 20000);
    QCOMPARE(loser->rejectedCount(), 0);

    ProtocolProbe *after = freshProbe(QStringLiteral("agent2"), QStringLiteral("civicdesk-agent2"));
    QVERIFY(after);
    const nlohmann::json record = after->records().value({ QStringLiteral("case"), caseId });
    QCOMPARE(QString::fromStdString(record.at("status").get<std::string>()), kept);
    QCOMPARE(record.at("__version").get<qint64>(), version + 2);
}

void tst_EndToEnd::keptBeforeCatchUpApplied()
{
    // A person keeps an offline edit as soon as its reject arrives, while the catch-up has not
    // yet brought the other person's edit. Only the reject's version can then tell the client
    // which version to send the kept edit on.
    QTemporaryDir loserDir;
    auto loser = signedInSession(loserDir.path(), "agent", "civicdesk-agent");
    QVERIFY(loser);
    ProtocolProbe *before =
        freshProbe(QStringLiteral("agent2"), QStringLiteral("civicdesk-agent2"));
    QVERIFY(before);
    QStringList openCases;
    for (auto it = before->records().cbegin(); it != before->records().cend(); ++it) {
        if (it.key().first == QLatin1String("case") && it.value().at("status") == "open") {
            openCases.append(it.key().second);
        }
    }
    QVERIFY2(openCases.size() >= 2, "two open cases are needed");
    const QString caseId = openCases.at(0);
    const QString otherCaseId = openCases.at(1);
    const auto versionOf = [&](const QString &id) {
        const nlohmann::json record = before->records().value({ QStringLiteral("case"), id });
        return record.at("__version").get<qint64>();
    };
    const qint64 version = versionOf(caseId);

    m_server->kill();
    QTRY_COMPARE_WITH_TIMEOUT(loser->state(), ClientSession::State::Offline, 20000);
    QVERIFY(!loser->setCaseStatus(caseId, QStringLiteral("waiting")).isEmpty());
    loser->signOut();
    QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorString()));

    // The other person's edits: a note on another case first, so that the catch-up's first
    // page does not contain this case.
    ProtocolProbe *winner =
        freshProbe(QStringLiteral("agent2"), QStringLiteral("civicdesk-agent2"));
    QVERIFY(winner);
    protocol::Mutation note;
    note.id = civicdesk::generateUuid();
    note.entityId = otherCaseId.toStdString();
    note.baseVersion = versionOf(otherCaseId);
    note.op = "note";
    note.args = { { "interactionId", civicdesk::generateUuid() }, { "text", "Called the owner" } };
    protocol::Mutation status;
    status.id = civicdesk::generateUuid();
    status.entityId = caseId.toStdString();
    status.baseVersion = version;
    status.op = "status";
    status.args = { { "status", "in_progress" } };
    for (const protocol::Mutation &mutation : { note, status }) {
        const auto reply = winner->request(protocol::Mutate { {}, mutation });
        QVERIFY(reply && std::holds_alternative<protocol::Ack>(*reply));
    }

    using namespace std::chrono_literals;
    CivicDesk::SyncClient::Timings timings;
    timings.backoffInitial = 100ms;
    timings.backoffMaximum = 1s;
    timings.fetchLimit = 1; // one change per page, so the reject comes before this case's change
    loser->setSyncTimings(timings);
    int rejections = 0;
    QList<CivicDesk::ConflictResolver::Outcome> outcomes;
    const QMetaObject::Connection keeper = connect(loser.get(), &ClientSession::editRejected,
        this, [&](const QString &, const QString &, const QString &mutationId) {
            if (++rejections == 1) {
                outcomes = loser->resolveConflicts(
                    { mutationId }, CivicDesk::ConflictResolver::Resolution::KeepMine);
            }
        });
    loser->signIn({ serverUrl(), QStringLiteral("agent"), QStringLiteral("civicdesk-agent"),
        Passphrase });

    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, SyncTimeoutMs);
    QVERIFY2(outcomes.first().ok(), qPrintable(outcomes.first().detail));
    QTRY_COMPARE_WITH_TIMEOUT(loser->pendingCount(), 0, 20000);
    disconnect(keeper);
    QCOMPARE(rejections, 1);
    QCOMPARE(loser->rejectedCount(), 0);

    ProtocolProbe *after =
        freshProbe(QStringLiteral("agent2"), QStringLiteral("civicdesk-agent2"));
    QVERIFY(after);
    const nlohmann::json record = after->records().value({ QStringLiteral("case"), caseId });
    QCOMPARE(record.at("status").get<std::string>(), std::string("waiting"));
    QCOMPARE(record.at("__version").get<qint64>(), version + 2);
}

void tst_EndToEnd::cleanupTestCase()
{
    m_session.reset();
    qDeleteAll(m_probes);
    m_probes.clear();
    if (m_server) {
        m_server->stop();
    }
}

QTEST_GUILESS_MAIN(tst_EndToEnd)
#include "tst_endtoend.moc"
