// Tests that every reject of an edit to an existing record carries the record as stored now
// and its version, for cases, routing rules and the priority weights, so that a client can
// send the edit again on that version.
#include "domain/ids.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

QString codeName(protocol::ErrorCode code)
{
    const std::string_view name = protocol::toString(code);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

protocol::Mutation mutationOf(const std::string &entity, const std::string &entityId,
    std::int64_t baseVersion, const std::string &op, nlohmann::json args = nlohmann::json::object())
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entity = entity;
    mutation.entityId = entityId;
    mutation.baseVersion = baseVersion;
    mutation.op = op;
    mutation.args = std::move(args);
    mutation.createdAt = utcNowIso();
    return mutation;
}

/** A valid rule in region 9 of the fixture, starting in 2026 with no end. */
nlohmann::json regionRuleArgs()
{
    return { { "categoryId", "abandoned_vehicle" }, { "subcategoryId", nullptr },
        { "areaLevel", "region" }, { "areaId", "9" }, { "teamId", nullptr },
        { "teamCode", "SHARED_SPACE_DEPARTMENT" }, { "precedence", 0 },
        { "effectiveFrom", "2026-01-01T00:00:00Z" }, { "effectiveTo", nullptr }, { "note", "" } };
}

nlohmann::json weightsArgs(const PriorityWeights &weights)
{
    nlohmann::json args = weights;
    args.erase("id");
    args.erase("changedBy");
    args.erase("changedAt");
    return args;
}

} // namespace

class tst_MutationRejects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rejectCarriesCurrentVersion_data();
    void rejectCarriesCurrentVersion();
    void rejectWithoutVisibleRecord_data();
    void rejectWithoutVisibleRecord();
    void replayedRejectCarriesNewVersion();

private:
    /** A mutation that the store must reject, its sender and the version stored before it. */
    struct Attempt
    {
        std::string username;
        protocol::Mutation mutation;
        std::int64_t currentVersion = 0;
    };

    Attempt prepareCaseAttempt(const QString &kind);
    Attempt prepareRuleAttempt(const QString &kind);
    Attempt prepareWeightsAttempt(const QString &kind);
    MutationOutcome apply(const std::string &username, const protocol::Mutation &mutation);
    std::int64_t caseVersion(const std::string &caseId);
    std::string createRule();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
};

void tst_MutationRejects::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<StoreFixture>(m_dir->filePath("store.sqlite").toStdString());
    SqliteStore &store = *m_fixture->store;
    QVERIFY(store.seedPriorityWeights(store.priorityWeights().weights));
}

void tst_MutationRejects::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

MutationOutcome tst_MutationRejects::apply(
    const std::string &username, const protocol::Mutation &mutation)
{
    return m_fixture->store->applyMutation(m_fixture->scope(username), mutation);
}

std::int64_t tst_MutationRejects::caseVersion(const std::string &caseId)
{
    const std::optional<StoredCase> stored = m_fixture->store->findCase(caseId);
    return stored ? stored->version : -1;
}

std::string tst_MutationRejects::createRule()
{
    const std::string ruleId = generateUuid();
    const MutationOutcome created =
        apply("supervisor", mutationOf("routingRule", ruleId, 0, "create", regionRuleArgs()));
    return created.applied && created.version == 1 ? ruleId : std::string();
}

tst_MutationRejects::Attempt tst_MutationRejects::prepareCaseAttempt(const QString &kind)
{
    const std::string caseId = m_fixture->caseA;
    const auto status = [&](std::int64_t base, const std::string &value) {
        return mutationOf("case", caseId, base, "status", { { "status", value } });
    };
    Attempt attempt { "agent", {}, 0 };

    if (kind == "base version above current") {
        attempt.mutation = status(99, "open");
    } else if (kind == "base version zero") {
        attempt.mutation = status(0, "open");
    } else if (kind == "mutation id not a UUID") {
        attempt.mutation = status(1, "open");
        attempt.mutation.id = "not-a-uuid";
    } else if (kind == "assignee outside the team") {
        const std::string outsider = m_fixture->scope("agent2").userId;
        attempt.mutation =
            mutationOf("case", caseId, 1, "assign", { { "assigneeId", outsider } });
    } else if (kind == "unknown status") {
        attempt.mutation = status(1, "lost");
    } else if (kind == "unknown waiting reason") {
        attempt.mutation = mutationOf(
            "case", caseId, 1, "status", { { "status", "waiting" }, { "reason", "lunch" } });
    } else if (kind == "blank note") {
        attempt.mutation = mutationOf("case", caseId, 1, "note",
            { { "interactionId", generateUuid() }, { "text", "   " } });
    } else if (kind == "note id used before") {
        const std::string noteId = generateUuid();
        const nlohmann::json args = { { "interactionId", noteId }, { "text", "Called the owner" } };
        if (!apply("agent", mutationOf("case", caseId, 1, "note", args)).applied) {
            return {};
        }
        attempt.mutation = mutationOf("case", caseId, caseVersion(caseId), "note", args);
    } else if (kind == "unknown op") {
        attempt.mutation = mutationOf("case", caseId, 1, "archive");
    } else if (kind == "status changed after base") {
        if (!apply("agent", status(1, "in_progress")).applied) {
            return {};
        }
        attempt.mutation = status(1, "waiting");
    } else if (kind == "unknown category") {
        attempt.mutation =
            mutationOf("case", caseId, 1, "recategorise", { { "categoryId", "weather" } });
    } else if (kind == "subcategory of another category") {
        attempt.mutation = mutationOf("case", caseId, 1, "recategorise",
            { { "categoryId", "abandoned_vehicle" }, { "subcategoryId", "potholes" } });
    } else if (kind == "unlink of a case that is no duplicate") {
        attempt.mutation = mutationOf("case", caseId, 1, "unlink_duplicate");
    }
    attempt.currentVersion = caseVersion(caseId);
    return attempt;
}

tst_MutationRejects::Attempt tst_MutationRejects::prepareRuleAttempt(const QString &kind)
{
    const std::string ruleId = createRule();
    if (ruleId.empty()) {
        return {};
    }
    const auto rule = [&](std::int64_t base, const std::string &op, nlohmann::json args) {
        return mutationOf("routingRule", ruleId, base, op, std::move(args));
    };
    Attempt attempt { "supervisor", {}, 1 };

    if (kind == "agent edits a rule") {
        attempt.username = "agent";
        attempt.mutation = rule(1, "update", regionRuleArgs());
    } else if (kind == "unknown op") {
        attempt.mutation = rule(1, "delete", regionRuleArgs());
    } else if (kind == "create with a base version") {
        attempt.mutation = rule(1, "create", regionRuleArgs());
    } else if (kind == "create of an existing rule") {
        attempt.mutation = rule(0, "create", regionRuleArgs());
    } else if (kind == "stale base version") {
        nlohmann::json args = regionRuleArgs();
        args["precedence"] = 3;
        if (!apply("supervisor", rule(1, "update", args)).applied) {
            return {};
        }
        attempt.currentVersion = 2;
        attempt.mutation = rule(1, "update", regionRuleArgs());
    } else if (kind == "update of a retired rule") {
        if (!apply("supervisor", rule(1, "retire", { { "note", "replaced" } })).applied) {
            return {};
        }
        attempt.currentVersion = 2;
        attempt.mutation = rule(2, "update", regionRuleArgs());
    } else if (kind == "invalid area level") {
        nlohmann::json args = regionRuleArgs();
        args["areaLevel"] = "planet";
        attempt.mutation = rule(1, "update", args);
    } else if (kind == "retire note not text") {
        attempt.mutation = rule(1, "retire", { { "note", 5 } });
    } else if (kind == "supervisor writes a rule for any area") {
        nlohmann::json args = regionRuleArgs();
        args["areaLevel"] = "any";
        args["areaId"] = nullptr;
        attempt.mutation = rule(1, "update", args);
    }
    return attempt;
}

tst_MutationRejects::Attempt tst_MutationRejects::prepareWeightsAttempt(const QString &kind)
{
    const StoredPriorityWeights stored = m_fixture->store->priorityWeights();
    Attempt attempt { "supervisor", {}, stored.version };
    const nlohmann::json args = weightsArgs(stored.weights);

    if (kind == "agent sets weights") {
        attempt.username = "agent";
        attempt.mutation = mutationOf("priorityWeights", "current", stored.version, "set", args);
    } else if (kind == "unknown op") {
        attempt.mutation = mutationOf("priorityWeights", "current", stored.version, "reset", args);
    } else if (kind == "unknown field") {
        nlohmann::json bad = args;
        bad["colour"] = "red";
        attempt.mutation = mutationOf("priorityWeights", "current", stored.version, "set", bad);
    } else if (kind == "stale base version") {
        if (!apply("supervisor", mutationOf("priorityWeights", "current", stored.version, "set",
                                     args))
                 .applied) {
            return {};
        }
        attempt.currentVersion = stored.version + 1;
        attempt.mutation = mutationOf("priorityWeights", "current", stored.version, "set", args);
    }
    return attempt;
}

void tst_MutationRejects::rejectCarriesCurrentVersion_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");

    const QString invalid = QStringLiteral("mutation.invalid");
    const QString conflict = QStringLiteral("mutation.conflict");
    const QString forbidden = QStringLiteral("mutation.forbidden");
    const QStringList caseInvalid { "base version above current", "base version zero",
        "mutation id not a UUID", "assignee outside the team", "unknown status",
        "unknown waiting reason", "blank note", "note id used before", "unknown op",
        "unknown category", "subcategory of another category",
        "unlink of a case that is no duplicate" };
    for (const QString &kind : caseInvalid) {
        QTest::addRow("case: %s", qPrintable(kind)) << "case" << kind << invalid;
    }
    QTest::newRow("case: status changed after base")
        << "case" << "status changed after base" << conflict;

    QTest::newRow("rule: agent edits a rule") << "routingRule" << "agent edits a rule" << forbidden;
    QTest::newRow("rule: create of an existing rule")
        << "routingRule" << "create of an existing rule" << conflict;
    QTest::newRow("rule: stale base version") << "routingRule" << "stale base version" << conflict;
    QTest::newRow("rule: supervisor writes a rule for any area")
        << "routingRule" << "supervisor writes a rule for any area" << forbidden;
    for (const char *kind : { "unknown op", "create with a base version",
             "update of a retired rule", "invalid area level", "retire note not text" }) {
        QTest::addRow("rule: %s", kind) << "routingRule" << QString::fromLatin1(kind) << invalid;
    }

    QTest::newRow("weights: agent sets weights")
        << "priorityWeights" << "agent sets weights" << forbidden;
    QTest::newRow("weights: unknown op") << "priorityWeights" << "unknown op" << invalid;
    QTest::newRow("weights: unknown field") << "priorityWeights" << "unknown field" << invalid;
    QTest::newRow("weights: stale base version")
        << "priorityWeights" << "stale base version" << conflict;
}

void tst_MutationRejects::rejectCarriesCurrentVersion()
{
    QFETCH(QString, entity);
    QFETCH(QString, kind);
    QFETCH(QString, code);
    const Attempt attempt = entity == "case" ? prepareCaseAttempt(kind)
        : entity == "routingRule"            ? prepareRuleAttempt(kind)
                                             : prepareWeightsAttempt(kind);
    QVERIFY2(!attempt.mutation.op.empty(), "the test could not prepare the record");

    const MutationOutcome outcome = apply(attempt.username, attempt.mutation);

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), code);
    QVERIFY2(outcome.current.is_object(), outcome.message.c_str());
    QCOMPARE(outcome.current.value("id", std::string()), attempt.mutation.entityId);
    QVERIFY(attempt.currentVersion > 0);
    QCOMPARE(outcome.version, attempt.currentVersion);
}

void tst_MutationRejects::rejectWithoutVisibleRecord_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<QString>("code");

    const QString missing = QString::fromStdString(generateUuid());
    QTest::newRow("case not found") << "agent" << "case" << missing << "mutation.not_found";
    QTest::newRow("case of another team") << "agent" << "case" << "caseB" << "mutation.forbidden";
    QTest::newRow("rule not found")
        << "supervisor" << "routingRule" << missing << "mutation.not_found";
    QTest::newRow("weights other than current")
        << "supervisor" << "priorityWeights" << "other" << "mutation.not_found";
}

void tst_MutationRejects::rejectWithoutVisibleRecord()
{
    QFETCH(QString, username);
    QFETCH(QString, entity);
    QFETCH(QString, entityId);
    QFETCH(QString, code);
    const std::string id =
        entityId == "caseB" ? m_fixture->caseB : entityId.toStdString();
    std::string op = "set";
    if (entity == "case") {
        op = "claim";
    } else if (entity == "routingRule") {
        op = "update";
    }
    const nlohmann::json args =
        entity == "routingRule" ? regionRuleArgs() : nlohmann::json::object();

    const MutationOutcome outcome =
        apply(username.toStdString(), mutationOf(entity.toStdString(), id, 1, op, args));

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), code);
    QVERIFY(outcome.current.is_null());
    QCOMPARE(outcome.version, 0);
}

void tst_MutationRejects::replayedRejectCarriesNewVersion()
{
    const std::string caseId = m_fixture->caseA;
    const protocol::Mutation invalid =
        mutationOf("case", caseId, 1, "status", { { "status", "lost" } });
    const MutationOutcome first = apply("agent", invalid);
    QVERIFY(!first.applied);
    QCOMPARE(first.version, 1);

    const MutationOutcome claimed = apply("supervisor", mutationOf("case", caseId, 1, "claim"));
    QVERIFY2(claimed.applied, claimed.message.c_str());

    const MutationOutcome replay = apply("agent", invalid);

    QVERIFY(!replay.applied);
    QCOMPARE(codeName(replay.code), codeName(first.code));
    QCOMPARE(replay.message, first.message);
    QCOMPARE(replay.version, claimed.version);
    QCOMPARE(replay.current.value("assigneeId", std::string()),
        m_fixture->scope("supervisor").userId);
}

QTEST_GUILESS_MAIN(tst_MutationRejects)
#include "tst_mutationrejects.moc"
