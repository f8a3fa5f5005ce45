// Three clients edit the same cases of one team through a proxy that delays every WebSocket
// frame and drops connections at random points. Two clients sign in as the same agent on
// different machines, the third as a colleague. In each round all three change the status of
// one case, and the assignee of another, at the same moment, so the server applies the first
// edit of each group to arrive and rejects the others as conflicts. They also add notes and
// change categories. Once the proxy stops faulting and activity settles:
// - every cache equals the server's view and no outbox has a pending edit,
// - every edit is either acknowledged or shown as rejected, never both and never neither,
// - every note is on the server exactly once,
// - of each conflict group exactly one edit is applied, and its value is the server's.
#include "convergence.h"
#include "data/repository.h"
#include "domain/ids.h"
#include "flakyproxy.h"
#include "protocolprobe.h"
#include "serverprocess.h"
#include "session/clientsession.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using CivicDesk::ClientSession;

namespace {

constexpr int ImportedRows = 400;
constexpr quint32 Seed = 4242;
constexpr int Rounds = 5;
// The run must lose the acks of at least this many notes, or it would not test the idempotent
// apply. A note applied twice would add a second timeline entry or be rejected.
constexpr int MinLostNoteAcks = 2;
constexpr int ExtraRoundsMax = 30;
constexpr int SyncTimeoutMs = 60000;
constexpr int SettleTimeoutMs = 40000;
const QString Passphrase = QStringLiteral("flaky-network-passphrase");
const QStringList EditableStatuses { QStringLiteral("new"), QStringLiteral("open"),
    QStringLiteral("in_progress"), QStringLiteral("waiting") };
const QStringList Categories { QStringLiteral("illegal_parking"), QStringLiteral("other"),
    QStringLiteral("dangerous_condition") };

struct Account
{
    QString username;
    QString password;
};

const QList<Account> Accounts { { QStringLiteral("agent"), QStringLiteral("civicdesk-agent") },
    { QStringLiteral("agent2"), QStringLiteral("civicdesk-agent2") },
    { QStringLiteral("agent"), QStringLiteral("civicdesk-agent") } };

/** One edit a client made: which client, the mutation, and the value it sets. */
struct Edit
{
    int client = 0;
    QString mutationId;
    QString op;
    QString caseId;
    QString value; // status, assignee id, note text or category id
};

/** Edits of one field of one case made at the same moment; one of them wins. */
struct ConflictGroup
{
    QString caseId;
    QString field; // status or assigneeId
    QList<Edit> edits;
};

struct Client
{
    std::unique_ptr<ClientSession> session;
    std::unique_ptr<QSignalSpy> acknowledged;
    QString userId;
};

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/** Processes events until condition() is true or timeoutMs pass; returns condition(). */
bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition() && !deadline.hasExpired()) {
        QTest::qWait(20);
    }
    return condition();
}

QString caseField(const nlohmann::json &record, const QString &field)
{
    const auto found = record.find(field.toStdString());
    return found != record.end() && found->is_string()
        ? QString::fromStdString(found->get<std::string>())
        : QString();
}

} // namespace

class tst_FlakyNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void concurrentEditsConverge();

private:
    bool signInAll();
    QStringList pickCases(int count, const QStringList &taken) const;
    void editRound(int round, const QString &statusCase, const QString &assigneeCase);
    void addNote(int client, const QString &caseId, const QString &label);
    void addEdit(int client, const QString &mutationId, const QString &op, const QString &caseId,
        const QString &value, ConflictGroup *group = nullptr);
    int lostNoteAckCount() const;
    bool allSettled() const;
    std::unique_ptr<ProtocolProbe> serverView(const Account &account) const;
    void checkEveryEditHasOneOutcome(const ProtocolProbe &probe);
    void checkConflictGroups(const ProtocolProbe &probe);

    QTemporaryDir m_serverDir;
    QTemporaryDir m_clientDirs;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FlakyProxy> m_proxy;
    quint16 m_serverPort = 0;
    std::vector<Client> m_clients;
    QList<Edit> m_edits;
    QList<ConflictGroup> m_groups;
};

void tst_FlakyNetwork::initTestCase()
{
    QVERIFY(m_serverDir.isValid());
    QVERIFY(m_clientDirs.isValid());
    m_server = std::make_unique<ServerProcess>(m_serverDir.path());
    QVERIFY2(m_server->importData(ImportedRows), qPrintable(m_server->errorString()));
    m_serverPort = freeLoopbackPort();
    QVERIFY2(m_server->start(m_serverPort), qPrintable(m_server->errorString()));
    m_proxy = std::make_unique<FlakyProxy>(m_serverPort, Seed, FlakyProxy::Faults {});
    QVERIFY(m_proxy->listen());
}

bool tst_FlakyNetwork::signInAll()
{
    CivicDesk::SyncClient::Timings timings;
    timings.backoffInitial = std::chrono::milliseconds(50);
    timings.backoffMaximum = std::chrono::milliseconds(400);
    timings.fetchLimit = 50;
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_proxy->port()));
    for (int i = 0; i < Accounts.size(); ++i) {
        Client client;
        client.session = std::make_unique<ClientSession>(
            m_clientDirs.filePath(QStringLiteral("client-%1").arg(i)));
        client.session->setSyncTimings(timings);
        client.acknowledged =
            std::make_unique<QSignalSpy>(client.session.get(), &ClientSession::editAcknowledged);
        client.session->signIn(
            { url, Accounts.at(i).username, Accounts.at(i).password, Passphrase });
        m_clients.push_back(std::move(client));
    }
    const bool online = waitUntil(
        [this] {
            return std::all_of(m_clients.begin(), m_clients.end(), [](const Client &client) {
                return client.session->state() == ClientSession::State::Online;
            });
        },
        SyncTimeoutMs);
    for (Client &client : m_clients) {
        client.userId = client.session->currentUser().id;
    }
    return online;
}

QStringList tst_FlakyNetwork::pickCases(int count, const QStringList &taken) const
{
    CivicDesk::Repository &repository = *m_clients.front().session->repository();
    QStringList picked;
    for (const QString &id : openCaseIds(repository)) {
        const auto found = repository.caseById(id);
        // A status edit also changes the cases linked as duplicates, which would break the
        // one-winner rule of a conflict group, so linked cases are left out.
        const bool linked = !found->duplicateOf.isEmpty() || found->duplicateCount > 0;
        if (linked || taken.contains(id) || picked.contains(id)) {
            continue;
        }
        picked.append(id);
        if (picked.size() == count) {
            break;
        }
    }
    return picked;
}

void tst_FlakyNetwork::addEdit(int client, const QString &mutationId, const QString &op,
    const QString &caseId, const QString &value, ConflictGroup *group)
{
    QVERIFY2(!mutationId.isEmpty(),
        qPrintable(
            QStringLiteral("client %1 could not queue %2 of %3").arg(client).arg(op, caseId)));
    const Edit edit { client, mutationId, op, caseId, value };
    m_edits.append(edit);
    if (group) {
        group->edits.append(edit);
    }
}

void tst_FlakyNetwork::addNote(int client, const QString &caseId, const QString &label)
{
    const QString text = QStringLiteral("σημείωση %1 πελάτη %2 %3")
                             .arg(label)
                             .arg(client)
                             .arg(QString::fromStdString(civicdesk::generateUuid()));
    addEdit(client, m_clients.at(client).session->addCaseNote(caseId, text), QStringLiteral("note"),
        caseId, text);
}

void tst_FlakyNetwork::editRound(int round, const QString &statusCase, const QString &assigneeCase)
{
    // Same event-loop turn: every client edits from the version its cache has now, before
    // any of them can hear of the others' edits.
    ConflictGroup statusGroup { statusCase, QStringLiteral("status"), {} };
    const QString current = m_clients.front().session->repository()->caseById(statusCase)->status;
    QStringList targets = EditableStatuses;
    targets.removeAll(current);
    for (int i = 0; i < int(m_clients.size()); ++i) {
        addEdit(i, m_clients.at(i).session->setCaseStatus(statusCase, targets.at(i)),
            QStringLiteral("status"), statusCase, targets.at(i), &statusGroup);
    }

    // Every edit of the group moves the case away from its assignee, so whichever arrives
    // first changes the field and makes the others conflict. The client signed in as the
    // new assignee claims the case, and the others assign it.
    ConflictGroup assigneeGroup { assigneeCase, QStringLiteral("assigneeId"), {} };
    const QString assignee =
        m_clients.front().session->repository()->caseById(assigneeCase)->assigneeId;
    const QString newAssignee =
        assignee == m_clients.at(0).userId ? m_clients.at(1).userId : m_clients.at(0).userId;
    for (int i = 0; i < int(m_clients.size()); ++i) {
        ClientSession &session = *m_clients.at(i).session;
        if (m_clients.at(i).userId == newAssignee) {
            addEdit(i, session.claimCase(assigneeCase), QStringLiteral("claim"), assigneeCase,
                newAssignee, &assigneeGroup);
        } else {
            addEdit(i, session.assignCase(assigneeCase, newAssignee), QStringLiteral("assign"),
                assigneeCase, newAssignee, &assigneeGroup);
        }
    }
    m_groups.append(statusGroup);
    m_groups.append(assigneeGroup);

    for (int i = 0; i < int(m_clients.size()); ++i) {
        addNote(i, i % 2 == 0 ? statusCase : assigneeCase, QStringLiteral("γύρος %1").arg(round));
    }
    const int recategoriser = round % int(m_clients.size());
    const QString category = Categories.at(round % Categories.size());
    addEdit(recategoriser,
        m_clients.at(recategoriser).session->recategoriseCase(statusCase, category, {}),
        QStringLiteral("recategorise"), statusCase, category);
}

int tst_FlakyNetwork::lostNoteAckCount() const
{
    const QStringList lost = m_proxy->lostAcks();
    return int(std::count_if(m_edits.cbegin(), m_edits.cend(), [&](const Edit &edit) {
        return edit.op == QLatin1String("note") && lost.contains(edit.mutationId);
    }));
}

bool tst_FlakyNetwork::allSettled() const
{
    return std::all_of(m_clients.begin(), m_clients.end(), [](const Client &client) {
        return client.session->state() == ClientSession::State::Online
            && client.session->pendingCount() == 0;
    });
}

std::unique_ptr<ProtocolProbe> tst_FlakyNetwork::serverView(const Account &account) const
{
    auto probe = std::make_unique<ProtocolProbe>();
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_serverPort));
    if (!probe->connectAndLogin(url, account.username, account.password) || !probe->fetchAll()) {
        qWarning() << "probe failed:" << probe->lastError();
        return nullptr;
    }
    return probe;
}

void tst_FlakyNetwork::checkEveryEditHasOneOutcome(const ProtocolProbe &probe)
{
    for (const Edit &edit : m_edits) {
        const Client &client = m_clients.at(edit.client);
        bool acknowledged = false;
        for (const QList<QVariant> &arguments : *client.acknowledged) {
            acknowledged = acknowledged || arguments.at(2).toString() == edit.mutationId;
        }
        bool rejected = false;
        for (const CivicDesk::OutboxEntry &entry : client.session->rejectedEdits()) {
            rejected = rejected || entry.mutationId == edit.mutationId;
        }
        const QString description = QStringLiteral("%1 %2 of case %3 by client %4")
                                        .arg(edit.op, edit.mutationId, edit.caseId)
                                        .arg(edit.client);
        QVERIFY2(acknowledged != rejected,
            qPrintable(description
                + (acknowledged ? " was acknowledged and rejected"
                                : " was neither acknowledged nor rejected")));
        if (edit.op == QLatin1String("note") || edit.op == QLatin1String("recategorise")) {
            QVERIFY2(acknowledged,
                qPrintable(description + " was rejected, but it conflicts with nothing"));
        }
        if (edit.op == QLatin1String("note")) {
            QVERIFY2(copiesOfNote(probe, edit.value) == 1,
                qPrintable(description
                    + QStringLiteral(" is on the server %1 times, expected once")
                          .arg(copiesOfNote(probe, edit.value))));
        }
    }
}

void tst_FlakyNetwork::checkConflictGroups(const ProtocolProbe &probe)
{
    for (const ConflictGroup &group : m_groups) {
        const nlohmann::json record =
            probe.records().value({ QStringLiteral("case"), group.caseId });
        QList<Edit> applied;
        for (const Edit &edit : group.edits) {
            const QList<CivicDesk::OutboxEntry> rejectedEdits =
                m_clients.at(edit.client).session->rejectedEdits();
            const auto rejected = std::find_if(rejectedEdits.cbegin(), rejectedEdits.cend(),
                [&](const CivicDesk::OutboxEntry &entry) {
                    return entry.mutationId == edit.mutationId;
                });
            if (rejected == rejectedEdits.cend()) {
                applied.append(edit);
                continue;
            }
            // The author can read the reason and compare with the server's version.
            QCOMPARE(rejected->rejectCode, QStringLiteral("mutation.conflict"));
            QVERIFY(!rejected->rejectCurrentJson.isEmpty());
        }
        QVERIFY2(applied.size() == 1,
            qPrintable(QStringLiteral("%1 edits of the %2 of case %3 were applied, expected 1")
                           .arg(applied.size())
                           .arg(group.field, group.caseId)));
        QCOMPARE(caseField(record, group.field), applied.front().value);
    }
}

void tst_FlakyNetwork::concurrentEditsConverge()
{
    QVERIFY2(signInAll(), "the clients did not finish their first sync");
    const QStringList statusCases = pickCases(Rounds, {});
    const QStringList assigneeCases = pickCases(Rounds, statusCases);
    QCOMPARE(statusCases.size(), Rounds);
    QCOMPARE(assigneeCases.size(), Rounds);

    m_proxy->setFaulty(true);
    for (int round = 0; round < Rounds; ++round) {
        editRound(round, statusCases.at(round), assigneeCases.at(round));
        if (QTest::currentTestFailed()) {
            return;
        }
        // Let the edits meet a drop or two before the next round.
        const int drops = m_proxy->dropCount();
        waitUntil([&] { return m_proxy->dropCount() >= drops + 2; }, 3000);
    }
    // More notes keep mutations in flight until drops have cost enough of their acks.
    for (int extra = 0; extra < ExtraRoundsMax && lostNoteAckCount() < MinLostNoteAcks; ++extra) {
        for (int i = 0; i < int(m_clients.size()); ++i) {
            addNote(i, statusCases.at((extra + i) % Rounds), QStringLiteral("επιπλέον"));
        }
        const int drops = m_proxy->dropCount();
        waitUntil([&] { return m_proxy->dropCount() >= drops + 2; }, 3000);
    }
    m_proxy->setFaulty(false);
    qInfo("faults: %d connections, %d drops, %d acks lost (%d of notes), %d mutations re-sent, "
          "%d edits",
        m_proxy->connectionCount(), m_proxy->dropCount(), int(m_proxy->lostAcks().size()),
        lostNoteAckCount(), m_proxy->resentMutationCount(), int(m_edits.size()));

    QVERIFY2(waitUntil([this] { return allSettled(); }, SettleTimeoutMs),
        "a client is offline or still has pending edits");
    for (int i = 0; i < int(m_clients.size()); ++i) {
        const auto probe = serverView(Accounts.at(i));
        QVERIFY(probe);
        // A push may still be on its way after the outbox drained, so compare until equal.
        QTRY_COMPARE_WITH_TIMEOUT(
            differenceFromServer(*m_clients.at(i).session->repository(), *probe), QString(), 10000);
    }
    const auto probe = serverView(Accounts.front());
    QVERIFY(probe);
    checkEveryEditHasOneOutcome(*probe);
    checkConflictGroups(*probe);
    QVERIFY2(lostNoteAckCount() >= MinLostNoteAcks,
        "too few acks of notes were lost to test the idempotent apply");
}

QTEST_GUILESS_MAIN(tst_FlakyNetwork)
#include "tst_flakynetwork.moc"
