// Rejected edits resolved through ClientSession against the scripted server: keeping the
// person's version, taking the server's, merging, in bulk, and edits that can only be
// dismissed. Each test checks the outbox, the cache and the mutations the server received.

#include "data/repository.h"
#include "priority/priority.h"
#include "scriptedserver.h"
#include "session/clientsession.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;

namespace {

const std::string TeamId = uuid(100);
const std::string RuleId = uuid(40);

QString id(int number)
{
    return QString::fromStdString(uuid(number));
}

json routingRule(int precedence, const std::string &areaLevel, const std::string &areaId,
    const std::string &note)
{
    civicdesk::RoutingRuleRecord rule;
    rule.id = RuleId;
    rule.categoryId = "potholes";
    rule.areaLevel = areaLevel;
    rule.areaId = areaId;
    rule.teamId = TeamId;
    rule.precedence = precedence;
    rule.effectiveFrom = "2024-01-01T00:00:00Z";
    rule.changedAt = "2024-02-01T00:00:00Z";
    rule.note = note;
    return rule;
}

/** The args of a rule edit: the record without the fields the server sets. */
json ruleArgs(json rule)
{
    for (const char *key : { "id", "changedBy", "changedAt", "retired" }) {
        rule.erase(key);
    }
    return rule;
}

const ConflictField *fieldNamed(const Conflict &conflict, const QString &name)
{
    for (const ConflictField &field : conflict.fields) {
        if (field.name == name) {
            return &field;
        }
    }
    return nullptr;
}

} // namespace

class tst_Conflicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void conflictShowsBothVersions();
    void keepMineRequeuesOnCurrentVersion();
    void keepMineSurvivesRestart();
    void takeServerDropsEdit();
    void takeServerRemovesRejectedNote();
    void mergeSendsEditedNote();
    void mergeChoosesPerRuleField();
    void mergeChoosesPerWeightsKey();
    void mergeRejectsBadValues_data();
    void mergeRejectsBadValues();
    void bulkResolvesEachEntry();
    void forbiddenEditOnlyDismissed();

private:
    void signIn();
    /** Sets a case's status while the server rejects it with code, and returns the
     *  mutation id. */
    QString rejectedStatus(int caseNumber, const std::string &status,
        civicdesk::protocol::ErrorCode code = civicdesk::protocol::ErrorCode::MutationConflict);
    /** Publishes a new server version of case caseNumber with status, as another user's edit. */
    void pushCase(int caseNumber, const std::string &status, std::int64_t version);
    void pushChange(const civicdesk::protocol::Change &change);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ClientSession> m_session;
};

void tst_Conflicts::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
}

void tst_Conflicts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_server->append(upsert(0, "team", teamRecord(TeamId, "Τεχνικές υπηρεσίες", "Technical")));
    for (int number : { 30, 31, 32 }) {
        m_server->append(upsert(0, "case",
            caseRecord(uuid(number), "CD-" + std::to_string(number), TeamId, 4.0, {}, "open")));
    }
    m_server->append(upsert(0, "routingRule", routingRule(5, "region", "1", "server note"), 2));
}

void tst_Conflicts::cleanup()
{
    m_session.reset();
    m_server.reset();
}

void tst_Conflicts::signIn()
{
    m_session = signInToScriptedServer(*m_server, m_dir->path());
    QVERIFY(m_session);
}

QString tst_Conflicts::rejectedStatus(
    int caseNumber, const std::string &status, civicdesk::protocol::ErrorCode code)
{
    m_server->rejectMutations = true;
    m_server->rejectCode = code;
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    const QString mutationId =
        m_session->setCaseStatus(id(caseNumber), QString::fromStdString(status));
    if (mutationId.isEmpty() || !rejected.wait(5000)) {
        return {};
    }
    m_server->rejectMutations = false;
    return mutationId;
}

void tst_Conflicts::pushChange(const civicdesk::protocol::Change &change)
{
    QSignalSpy changed(m_session.get(), &ClientSession::cacheChanged);
    const std::int64_t from = m_server->log.back().seq;
    m_server->append(change);
    m_server->sendPush(from, { m_server->log.back() });
    QVERIFY(changed.wait(5000));
}

void tst_Conflicts::pushCase(int caseNumber, const std::string &status, std::int64_t version)
{
    json record =
        caseRecord(uuid(caseNumber), "CD-" + std::to_string(caseNumber), TeamId, 4.0, {}, status);
    pushChange(upsert(0, "case", record, version));
}

void tst_Conflicts::conflictShowsBothVersions()
{
    signIn();
    QSignalSpy changed(m_session.get(), &ClientSession::rejectedEditsChanged);
    const QString mutationId = rejectedStatus(30, "resolved");
    QVERIFY(!mutationId.isEmpty());
    QVERIFY(!changed.isEmpty());
    pushCase(30, "in_progress", 2);

    const QList<Conflict> conflicts = m_session->conflicts();

    QCOMPARE(conflicts.size(), 1);
    const Conflict &conflict = conflicts.first();
    QCOMPARE(conflict.entry.mutationId, mutationId);
    QCOMPARE(conflict.entry.rejectCode, QStringLiteral("mutation.conflict"));
    QCOMPARE(conflict.entry.baseVersion, 1);
    QCOMPARE(conflict.currentVersion, 2);
    QVERIFY(conflict.canKeep());
    QVERIFY(!conflict.canMerge());
    QCOMPARE(conflict.fields.size(), 1);
    QCOMPARE(conflict.fields.first().name, QStringLiteral("status"));
    QCOMPARE(textOf(conflict.fields.first().mine.at("status")), QStringLiteral("resolved"));
    QCOMPARE(textOf(conflict.fields.first().server.at("status")), QStringLiteral("in_progress"));
    const auto shown = m_session->repository()->caseById(id(30));
    QCOMPARE(shown->status, QStringLiteral("in_progress"));
    QVERIFY(!shown->pendingEdits); // a rejected edit waits for a person, not for the server
}

void tst_Conflicts::keepMineRequeuesOnCurrentVersion()
{
    signIn();
    const QString mutationId = rejectedStatus(30, "resolved");
    QVERIFY(!mutationId.isEmpty());
    pushCase(30, "in_progress", 2);
    m_server->answerMutations = false;
    QSignalSpy changed(m_session.get(), &ClientSession::rejectedEditsChanged);

    const QList<ConflictResolver::Outcome> outcomes =
        m_session->resolveConflicts({ mutationId }, ConflictResolver::Resolution::KeepMine);

    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().ok(), qPrintable(outcomes.first().detail));
    const QString queued = outcomes.first().queuedMutationId;
    QVERIFY(!queued.isEmpty());
    QVERIFY(queued != mutationId);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_session->rejectedCount(), 0);
    QCOMPARE(m_session->pendingCount(), 1);
    QCOMPARE(m_session->repository()->caseById(id(30))->status, QStringLiteral("resolved"));

    QTRY_COMPARE(m_server->mutations.size(), std::size_t(2));
    const civicdesk::protocol::Mutation &sent = m_server->mutations.at(1);
    QCOMPARE(QString::fromStdString(sent.id), queued);
    QCOMPARE(QString::fromStdString(sent.op), QStringLiteral("status"));
    QCOMPARE(qint64(sent.baseVersion), 2);
    QCOMPARE(sent.args.at("status").get<std::string>(), std::string("resolved"));
}

void tst_Conflicts::keepMineSurvivesRestart()
{
    signIn();
    const QString mutationId = rejectedStatus(31, "waiting");
    QVERIFY(!mutationId.isEmpty());
    m_server->answerMutations = false;
    const QList<ConflictResolver::Outcome> outcomes =
        m_session->resolveConflicts({ mutationId }, ConflictResolver::Resolution::KeepMine);
    QVERIFY(outcomes.size() == 1 && outcomes.first().ok());
    m_session.reset();
    m_server->shutDown();

    ClientSession reopened(m_dir->path());
    QSignalSpy signedIn(&reopened, &ClientSession::signedIn);
    reopened.signIn({ m_server->url(), QString::fromStdString(m_server->username),
        QString::fromStdString(m_server->password), QStringLiteral("cache passphrase") });
    QVERIFY(signedIn.wait(10000));

    QCOMPARE(reopened.rejectedCount(), 0);
    QCOMPARE(reopened.pendingCount(), 1);
    QCOMPARE(reopened.repository()->caseById(id(31))->status, QStringLiteral("waiting"));
}

void tst_Conflicts::takeServerDropsEdit()
{
    signIn();
    const QString mutationId = rejectedStatus(30, "resolved");
    QVERIFY(!mutationId.isEmpty());
    pushCase(30, "in_progress", 2);

    const QList<ConflictResolver::Outcome> outcomes =
        m_session->resolveConflicts({ mutationId }, ConflictResolver::Resolution::TakeServer);

    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().ok(), qPrintable(outcomes.first().detail));
    QVERIFY(outcomes.first().queuedMutationId.isEmpty());
    QCOMPARE(m_session->rejectedCount(), 0);
    QCOMPARE(m_session->pendingCount(), 0);
    QCOMPARE(m_session->repository()->caseById(id(30))->status, QStringLiteral("in_progress"));
}

void tst_Conflicts::takeServerRemovesRejectedNote()
{
    signIn();
    m_server->rejectMutations = true;
    m_server->rejectCode = civicdesk::protocol::ErrorCode::MutationInvalid;
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    const QString mutationId = m_session->addCaseNote(id(30), QStringLiteral("Called the citizen"));
    QVERIFY(rejected.wait(5000));
    QCOMPARE(m_session->repository()->timelineOfCase(id(30)).size(), 1);

    QVERIFY(m_session->dismissRejectedEdit(mutationId));

    QCOMPARE(m_session->rejectedCount(), 0);
    QCOMPARE(m_session->repository()->timelineOfCase(id(30)).size(), 0);
}

void tst_Conflicts::mergeSendsEditedNote()
{
    signIn();
    m_server->rejectMutations = true;
    m_server->rejectCode = civicdesk::protocol::ErrorCode::MutationInvalid;
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    const QString mutationId = m_session->addCaseNote(id(30), QStringLiteral("Draft note"));
    QVERIFY(rejected.wait(5000));
    m_server->rejectMutations = false;
    m_server->answerMutations = false;
    const std::string interactionId =
        m_server->mutations.at(0).args.at("interactionId").get<std::string>();
    const Conflict conflict = m_session->conflicts().first();
    QVERIFY(conflict.canMerge());
    QVERIFY(fieldNamed(conflict, "text") && fieldNamed(conflict, "text")->isText);

    const ConflictResolver::Outcome outcome =
        m_session->mergeConflict(mutationId, { { "text", { { "text", "Edited note" } } } });

    QVERIFY2(outcome.ok(), qPrintable(outcome.detail));
    QTRY_COMPARE(m_server->mutations.size(), std::size_t(2));
    const civicdesk::protocol::Mutation &sent = m_server->mutations.at(1);
    QCOMPARE(QString::fromStdString(sent.op), QStringLiteral("note"));
    QCOMPARE(sent.args.at("text").get<std::string>(), std::string("Edited note"));
    QCOMPARE(sent.args.at("interactionId").get<std::string>(), interactionId);
    const QList<InteractionInfo> timeline = m_session->repository()->timelineOfCase(id(30));
    QCOMPARE(timeline.size(), 1);
    QCOMPARE(timeline.first().body, QStringLiteral("Edited note"));
    QVERIFY(timeline.first().pending);
}

void tst_Conflicts::mergeChoosesPerRuleField()
{
    signIn();
    m_server->rejectMutations = true;
    m_server->rejectCurrent = routingRule(5, "region", "1", "server note");
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    const json mine = ruleArgs(routingRule(7, "municipality", "9186", "my note"));
    const QString mutationId =
        m_session->saveRoutingRule("update", QString::fromStdString(RuleId), 1, mine);
    QVERIFY(rejected.wait(5000));
    m_server->rejectMutations = false;

    const Conflict conflict = m_session->conflicts().first();
    QCOMPARE(conflict.currentVersion, 2);
    QVERIFY(conflict.canMerge());
    QStringList differing;
    for (const ConflictField &field : conflict.differingFields()) {
        differing.append(field.name);
    }
    QCOMPARE(differing, (QStringList { "area", "precedence", "note" }));
    const ConflictField *area = fieldNamed(conflict, "area");
    QVERIFY(area);

    const ConflictResolver::Outcome outcome = m_session->mergeConflict(
        mutationId, { { "area", area->server }, { "note", { { "note", "merged note" } } } });

    QVERIFY2(outcome.ok(), qPrintable(outcome.detail));
    QTRY_COMPARE(m_server->mutations.size(), std::size_t(2));
    const civicdesk::protocol::Mutation &sent = m_server->mutations.at(1);
    QCOMPARE(QString::fromStdString(sent.op), QStringLiteral("update"));
    QCOMPARE(qint64(sent.baseVersion), 2);
    QCOMPARE(sent.args.at("precedence").get<int>(), 7);
    QCOMPARE(textOf(sent.args.at("areaLevel")), QStringLiteral("region"));
    QCOMPARE(textOf(sent.args.at("areaId")), QStringLiteral("1"));
    QCOMPARE(textOf(sent.args.at("note")), QStringLiteral("merged note"));
    QTRY_COMPARE(m_session->pendingCount(), 0);
    QCOMPARE(m_session->rejectedCount(), 0);
}

void tst_Conflicts::mergeChoosesPerWeightsKey()
{
    civicdesk::PriorityWeights base = civicdesk::priority::defaultWeights();
    base.categoryValues = { { "road_damage", 3 }, { "lighting", 1 } };
    civicdesk::PriorityWeights server = base;
    server.factorWeights["category"] = 35;
    server.categoryValues["lighting"] = 2;
    json mine = base;
    mine["factorWeights"]["category"] = 40;
    mine["categoryValues"]["road_damage"] = 5;
    for (const char *key : { "id", "changedBy", "changedAt" }) {
        mine.erase(key);
    }
    m_server->append(upsert(0, "priorityWeights", json(base), 3));
    m_server->user.role = civicdesk::Role::Supervisor;
    signIn();
    m_server->rejectMutations = true;
    m_server->rejectCurrent = server;
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    const QString mutationId = m_session->savePriorityWeights(3, mine);
    QVERIFY(rejected.wait(5000));
    m_server->rejectMutations = false;

    const Conflict conflict = m_session->conflicts().first();
    QStringList differing;
    for (const ConflictField &field : conflict.differingFields()) {
        differing.append(field.name);
    }
    differing.sort();
    QCOMPARE(differing,
        (QStringList {
            "categoryValues/lighting", "categoryValues/road_damage", "factorWeights/category" }));
    const ConflictField *category = fieldNamed(conflict, "factorWeights/category");
    const ConflictField *lighting = fieldNamed(conflict, "categoryValues/lighting");
    QVERIFY(category && lighting);

    const ConflictResolver::Outcome outcome = m_session->mergeConflict(mutationId,
        { { "factorWeights/category", category->server },
            { "categoryValues/lighting", lighting->server } });

    QVERIFY2(outcome.ok(), qPrintable(outcome.detail));
    QTRY_COMPARE(m_server->mutations.size(), std::size_t(2));
    const civicdesk::protocol::Mutation &sent = m_server->mutations.at(1);
    QCOMPARE(QString::fromStdString(sent.op), QStringLiteral("set"));
    QCOMPARE(qint64(sent.baseVersion), 3);
    QCOMPARE(sent.args.at("factorWeights").at("category").get<double>(), 35.0);
    QCOMPARE(sent.args.at("categoryValues").at("road_damage").get<double>(), 5.0);
    QCOMPARE(sent.args.at("categoryValues").at("lighting").get<double>(), 2.0);
}

void tst_Conflicts::mergeRejectsBadValues_data()
{
    QTest::addColumn<QByteArray>("values");

    QTest::newRow("not an object") << QByteArray(R"(["area"])");
    QTest::newRow("unknown field") << QByteArray(R"({"colour": {"colour": "red"}})");
    QTest::newRow("value neither side has") << QByteArray(R"({"precedence": {"precedence": 99}})");
    QTest::newRow("text of a number") << QByteArray(R"({"note": {"note": 5}})");
    QTest::newRow("text over the limit")
        << QByteArray(R"({"note": {"note": ")" + QByteArray(501, 'x') + R"("}})");
}

void tst_Conflicts::mergeRejectsBadValues()
{
    QFETCH(QByteArray, values);
    signIn();
    m_server->rejectMutations = true;
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    const QString mutationId = m_session->saveRoutingRule("update", QString::fromStdString(RuleId),
        1, ruleArgs(routingRule(7, "region", "1", "my note")));
    QVERIFY(rejected.wait(5000));
    m_server->rejectMutations = false;

    const ConflictResolver::Outcome outcome =
        m_session->mergeConflict(mutationId, json::parse(values.toStdString()));

    QCOMPARE(outcome.error, ConflictResolver::Error::InvalidMerge);
    QVERIFY(!outcome.detail.isEmpty());
    QCOMPARE(m_session->rejectedCount(), 1);
    QCOMPARE(m_session->pendingCount(), 0);
    QCOMPARE(m_session->conflicts().first().entry.mutationId, mutationId);
}

void tst_Conflicts::bulkResolvesEachEntry()
{
    signIn();
    const QString first = rejectedStatus(30, "resolved");
    const QString second = rejectedStatus(31, "waiting");
    const QString gone = rejectedStatus(32, "resolved");
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !gone.isEmpty());
    pushCase(31, "in_progress", 3);
    pushChange(purge(0, "case", uuid(32)));
    QCOMPARE(m_session->conflicts().last().obstacle, Conflict::Obstacle::RecordGone);

    const QList<ConflictResolver::Outcome> kept = m_session->resolveConflicts(
        { gone, second, first }, ConflictResolver::Resolution::KeepMine);

    QCOMPARE(kept.size(), 3);
    QCOMPARE(kept.at(0).mutationId, first);
    QVERIFY(kept.at(0).ok());
    QCOMPARE(kept.at(1).mutationId, second);
    QVERIFY(kept.at(1).ok());
    QCOMPARE(kept.at(2).mutationId, gone);
    QCOMPARE(kept.at(2).error, ConflictResolver::Error::CannotKeep);
    QTRY_COMPARE(m_server->mutations.size(), std::size_t(5));
    QCOMPARE(QString::fromStdString(m_server->mutations.at(3).id), kept.at(0).queuedMutationId);
    QCOMPARE(QString::fromStdString(m_server->mutations.at(4).id), kept.at(1).queuedMutationId);
    QCOMPARE(qint64(m_server->mutations.at(4).baseVersion), 3);
    QCOMPARE(m_session->rejectedCount(), 1);

    const QList<ConflictResolver::Outcome> dropped =
        m_session->resolveConflicts({ gone }, ConflictResolver::Resolution::TakeServer);

    QCOMPARE(dropped.size(), 1);
    QVERIFY(dropped.first().ok());
    QCOMPARE(m_session->rejectedCount(), 0);
    QTRY_COMPARE(m_session->pendingCount(), 0);
}

void tst_Conflicts::forbiddenEditOnlyDismissed()
{
    signIn();
    const QString mutationId =
        rejectedStatus(30, "resolved", civicdesk::protocol::ErrorCode::MutationForbidden);
    QVERIFY(!mutationId.isEmpty());
    const Conflict conflict = m_session->conflicts().first();
    QCOMPARE(conflict.obstacle, Conflict::Obstacle::AccessLost);
    QVERIFY(!conflict.canKeep());
    QVERIFY(!conflict.canMerge());

    const QList<ConflictResolver::Outcome> kept =
        m_session->resolveConflicts({ mutationId }, ConflictResolver::Resolution::KeepMine);
    const ConflictResolver::Outcome merged = m_session->mergeConflict(mutationId, json::object());

    QCOMPARE(kept.first().error, ConflictResolver::Error::CannotKeep);
    QCOMPARE(merged.error, ConflictResolver::Error::CannotKeep);
    QCOMPARE(m_session->rejectedCount(), 1);
    QCOMPARE(m_session->pendingCount(), 0);
    QCOMPARE(m_server->mutations.size(), std::size_t(1));

    QVERIFY(m_session->dismissRejectedEdit(mutationId));
    QCOMPARE(m_session->rejectedCount(), 0);
}

QTEST_GUILESS_MAIN(tst_Conflicts)
#include "tst_conflicts.moc"
