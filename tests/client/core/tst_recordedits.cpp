#include "cache/schema.h"
#include "cache/statement.h"
#include "data/repository.h"
#include "sync/caseedits.h"
#include "sync/changeapplier.h"
#include "sync/outbox.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;

namespace {

const QString Me = QString::fromStdString(uuid(1));
const QString RuleId = QString::fromStdString(uuid(40));

json ruleRecord(const std::string &id, const std::string &categoryId,
    const std::string &subcategoryId = {})
{
    civicdesk::RoutingRuleRecord rule;
    rule.id = id;
    rule.categoryId = categoryId;
    rule.subcategoryId = subcategoryId;
    rule.areaLevel = "region";
    rule.areaId = "1";
    rule.teamCode = "ROADS";
    rule.precedence = 5;
    rule.effectiveFrom = "2026-01-01T00:00:00Z";
    rule.changedAt = "2026-01-01T00:00:00Z";
    return rule;
}

json historyRecord(int number, int ruleVersion, const std::string &changedAt)
{
    return { { "id", uuid(number) }, { "ruleId", RuleId.toStdString() },
        { "ruleVersion", ruleVersion }, { "action", ruleVersion == 1 ? "create" : "update" },
        { "rule", ruleRecord(RuleId.toStdString(), "potholes") }, { "changedBy", uuid(1) },
        { "changedAt", changedAt } };
}

qint64 count(const Cache &cache, const char *sql)
{
    Statement query(cache, sql);
    return query.next() ? query.integer(0) : -1;
}

} // namespace

/** Routing rules, their history and the priority weights in the client cache, and the
 *  outbox edits of those records and of the new case ops. */
class tst_RecordEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void migratesFromVersionTwo();
    void applierStoresNewEntities();
    void applierSkipsInvalidRecords_data();
    void applierSkipsInvalidRecords();
    void recordEditQueuesWithoutLocalChange();
    void recordEditRejectsBadInput_data();
    void recordEditRejectsBadInput();
    void rejectStoresServerRule();
    void rejectWithoutRecordKeepsCache();
    void rejectedRuleVersionDecidesStore_data();
    void rejectedRuleVersionDecidesStore();
    void recategoriseShowsAtOnce();
    void unlinkDuplicateShowsAtOnce();
    void repositoryReadsRulesAndWeights();
    void repositoryReadsPickerLists();

private:
    bool applyChanges(const std::vector<civicdesk::protocol::Change> &changes);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QByteArray m_key;
    std::unique_ptr<Cache> m_cache;
    qint64 m_seq = 0;
};

void tst_RecordEdits::init()
{
    m_cache.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("r.cdcache"));
    m_key = randomKey();
    m_cache = openCache(m_path, m_key);
    QVERIFY(m_cache);
    m_seq = 0;
}

bool tst_RecordEdits::applyChanges(const std::vector<civicdesk::protocol::Change> &changes)
{
    ChangeApplier applier(*m_cache, Me);
    m_seq = changes.empty() ? m_seq : changes.back().seq;
    return applier.apply(changes, m_seq).ok;
}

void tst_RecordEdits::migratesFromVersionTwo()
{
    QVERIFY(applyChanges({ upsert(1, "case", caseRecord(uuid(30), "CD-1", uuid(100), 2.0)) }));
    Outbox outbox(*m_cache, Me);
    const QString mutationId =
        outbox.enqueueCaseEdit(QString::fromStdString(uuid(30)), "claim", json::object());
    QVERIFY(!mutationId.isEmpty());
    // Undoes what migrations 3 and later added, so the cache looks as version 2 left it. The
    // access log goes back to its version 1 columns (no entry_id, added by migration 6).
    QVERIFY(m_cache->exec("DROP TABLE routing_rules; DROP TABLE routing_rule_history; "
                          "DROP TABLE priority_weights; DROP TABLE sent_journal; "
                          "DROP TABLE access_log; "
                          "CREATE TABLE access_log (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                          "user_id TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, "
                          "reason TEXT NOT NULL, created_at TEXT NOT NULL, "
                          "uploaded INTEGER NOT NULL DEFAULT 0); "
                          "PRAGMA user_version = 2;"));
    m_cache.reset();

    m_cache = openCache(m_path, m_key);

    QVERIFY(m_cache);
    QCOMPARE(m_cache->schemaVersion(), Schema::latestVersion());
    QVERIFY(Schema::latestVersion() >= 3);
    Outbox reopened(*m_cache, Me);
    QCOMPARE(reopened.pendingCount(), 1);
    QCOMPARE(reopened.nextPending()->mutationId, mutationId);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM routing_rules"), 0);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM routing_rule_history"), 0);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM priority_weights"), 0);
}

void tst_RecordEdits::applierStoresNewEntities()
{
    ChangeApplier applier(*m_cache, Me);
    civicdesk::PriorityWeights weights;
    weights.factorWeights = { { "category", 2.0 } };

    const auto result = applier.apply({ upsert(1, "routingRule", ruleRecord(uuid(40), "potholes"), 3),
                                          upsert(2, "routingRuleHistory", historyRecord(41, 3, "2026-02-01T00:00:00Z")),
                                          upsert(3, "priorityWeights", json(weights), 4) },
        3);

    QVERIFY(result.ok);
    QCOMPARE(result.applied, 3);
    QCOMPARE(result.ignored, 0);
    QCOMPARE(result.entities,
        QStringList({ "routingRule", "routingRuleHistory", "priorityWeights" }));
    QCOMPARE(count(*m_cache, "SELECT version FROM routing_rules"), 3);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM routing_rule_history"), 1);
    QCOMPARE(count(*m_cache, "SELECT version FROM priority_weights WHERE id = 'current'"), 4);

    QVERIFY(applier.apply({ purge(4, "routingRule", uuid(40)) }, 4).ok);
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM routing_rules"), 0);
}

void tst_RecordEdits::applierSkipsInvalidRecords_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QByteArray>("record");

    const json rule = ruleRecord(uuid(40), "potholes");
    json noCategory = rule;
    noCategory.erase("categoryId");
    json textPrecedence = rule;
    textPrecedence["precedence"] = "high";
    QTest::newRow("rule without categoryId")
        << "routingRule" << QByteArray::fromStdString(noCategory.dump());
    QTest::newRow("rule with text precedence")
        << "routingRule" << QByteArray::fromStdString(textPrecedence.dump());

    const json entry = historyRecord(41, 2, "2026-02-01T00:00:00Z");
    const auto without = [&entry](const char *key) {
        json changed = entry;
        changed.erase(key);
        return QByteArray::fromStdString(changed.dump());
    };
    const auto with = [&entry](const char *key, const json &value) {
        json changed = entry;
        changed[key] = value;
        return QByteArray::fromStdString(changed.dump());
    };
    QTest::newRow("history without ruleId") << "routingRuleHistory" << without("ruleId");
    QTest::newRow("history without changedAt") << "routingRuleHistory" << without("changedAt");
    QTest::newRow("history without rule") << "routingRuleHistory" << without("rule");
    QTest::newRow("history with unknown action")
        << "routingRuleHistory" << with("action", "delete");
    QTest::newRow("history with text version")
        << "routingRuleHistory" << with("ruleVersion", "2");
    QTest::newRow("history with rule not an object")
        << "routingRuleHistory" << with("rule", "potholes");
    QTest::newRow("history with rule lacking categoryId")
        << "routingRuleHistory" << with("rule", json { { "id", uuid(40) } });
    QTest::newRow("weights with text factor weight")
        << "priorityWeights" << QByteArray(R"({"id":"current","factorWeights":{"category":"x"}})");
}

void tst_RecordEdits::applierSkipsInvalidRecords()
{
    QFETCH(QString, entity);
    QFETCH(QByteArray, record);
    ChangeApplier applier(*m_cache, Me);

    const auto result = applier.apply(
        { upsert(1, entity.toStdString(), json::parse(record.toStdString()), 1) }, 1);

    QVERIFY(result.ok);
    QCOMPARE(result.applied, 0);
    QCOMPARE(result.ignored, 1);
    QCOMPARE(m_cache->metaInteger(QStringLiteral("cursor")), 1);
    const QByteArray table = ChangeApplier::tableOf(entity.toStdString());
    QVERIFY(!table.isEmpty());
    QCOMPARE(count(*m_cache, ("SELECT count(*) FROM " + table).constData()), 0);
}

void tst_RecordEdits::recordEditQueuesWithoutLocalChange()
{
    QVERIFY(applyChanges({ upsert(1, "routingRule", ruleRecord(uuid(40), "potholes"), 2) }));
    Outbox outbox(*m_cache, Me);

    const QString mutationId =
        outbox.enqueueRecordEdit("routingRule", RuleId, 2, "retire", { { "note", "merged" } });

    QVERIFY(!mutationId.isEmpty());
    const auto entry = outbox.nextPending();
    QVERIFY(entry);
    const auto mutation = Outbox::toMutation(*entry);
    QCOMPARE(QString::fromStdString(mutation.entity), QStringLiteral("routingRule"));
    QCOMPARE(QString::fromStdString(mutation.entityId), RuleId);
    QCOMPARE(qint64(mutation.baseVersion), 2);
    QCOMPARE(QString::fromStdString(mutation.op), QStringLiteral("retire"));
    QCOMPARE(textOf(mutation.args["note"]), QStringLiteral("merged"));
    Statement rule(*m_cache, "SELECT data FROM routing_rules");
    QVERIFY(rule.next());
    QCOMPARE(textOf(json::parse(rule.bytes(0).toStdString())["retired"]), QStringLiteral("false"));

    QVERIFY(outbox.acknowledge(mutationId, 3));
    QCOMPARE(outbox.pendingCount(), 0);
}

void tst_RecordEdits::recordEditRejectsBadInput_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<qint64>("baseVersion");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QByteArray>("args");

    QTest::newRow("case entity") << "case" << RuleId << qint64(1) << "claim" << QByteArray("{}");
    QTest::newRow("unknown entity") << "team" << RuleId << qint64(1) << "update" << QByteArray("{}");
    QTest::newRow("rule op delete")
        << "routingRule" << RuleId << qint64(1) << "delete" << QByteArray("{}");
    QTest::newRow("weights op update")
        << "priorityWeights" << "current" << qint64(1) << "update" << QByteArray("{}");
    QTest::newRow("empty rule id") << "routingRule" << "" << qint64(0) << "create" << QByteArray("{}");
    QTest::newRow("negative base version")
        << "routingRule" << RuleId << qint64(-1) << "update" << QByteArray("{}");
    QTest::newRow("args an array")
        << "routingRule" << RuleId << qint64(1) << "update" << QByteArray("[1]");
}

void tst_RecordEdits::recordEditRejectsBadInput()
{
    QFETCH(QString, entity);
    QFETCH(QString, entityId);
    QFETCH(qint64, baseVersion);
    QFETCH(QString, op);
    QFETCH(QByteArray, args);
    Outbox outbox(*m_cache, Me);

    const QString mutationId = outbox.enqueueRecordEdit(
        entity, entityId, baseVersion, op, json::parse(args.toStdString()));

    QVERIFY(mutationId.isEmpty());
    QCOMPARE(outbox.pendingCount(), 0);
}

void tst_RecordEdits::rejectStoresServerRule()
{
    QVERIFY(applyChanges({ upsert(1, "routingRule", ruleRecord(uuid(40), "potholes"), 2) }));
    Outbox outbox(*m_cache, Me);
    const QString mutationId =
        outbox.enqueueRecordEdit("routingRule", RuleId, 2, "update", ruleRecord({}, "lighting"));
    json current = ruleRecord(uuid(40), "potholes");
    current["precedence"] = 9;

    const QString entityId = outbox.reject(
        mutationId, "mutation.conflict", "the rule changed on the server", current, 5);

    QCOMPARE(entityId, RuleId);
    QCOMPARE(outbox.rejectedCount(), 1);
    QCOMPARE(outbox.rejectedEntries().first().entity, QStringLiteral("routingRule"));
    Statement rule(*m_cache, "SELECT data, version FROM routing_rules WHERE id = ?");
    QVERIFY(rule.bind(1, RuleId).next());
    QCOMPARE(textOf(json::parse(rule.bytes(0).toStdString())["precedence"]), QStringLiteral("9"));
    QCOMPARE(rule.integer(1), 5);
}

void tst_RecordEdits::rejectWithoutRecordKeepsCache()
{
    Outbox outbox(*m_cache, Me);
    const QString mutationId = outbox.enqueueRecordEdit(
        "priorityWeights", "current", 0, "set", { { "factorWeights", json::object() } });

    const QString entityId =
        outbox.reject(mutationId, "mutation.forbidden", "supervisors only", nullptr);

    QCOMPARE(entityId, QStringLiteral("current"));
    QCOMPARE(outbox.rejectedCount(), 1);
    QCOMPARE(outbox.rejectedEntries().first().rejectMessage, QStringLiteral("supervisors only"));
    QCOMPARE(count(*m_cache, "SELECT count(*) FROM priority_weights"), 0);
}

void tst_RecordEdits::rejectedRuleVersionDecidesStore_data()
{
    QTest::addColumn<qint64>("cachedVersion"); // 0: the rule is not in the cache
    QTest::addColumn<qint64>("sentVersion"); // 0: the reject carries no version
    QTest::addColumn<qint64>("expectedVersion"); // 0: no rule stored
    QTest::addColumn<QString>("expectedCategory");

    // The cached rule is for potholes, and the reject's record is for lighting.
    QTest::newRow("uncached, version sent") << qint64(0) << qint64(3) << qint64(3) << "lighting";
    QTest::newRow("uncached, no version") << qint64(0) << qint64(0) << qint64(0) << "";
    QTest::newRow("cached older") << qint64(2) << qint64(3) << qint64(3) << "lighting";
    QTest::newRow("cached newer") << qint64(4) << qint64(3) << qint64(4) << "potholes";
}

void tst_RecordEdits::rejectedRuleVersionDecidesStore()
{
    QFETCH(qint64, cachedVersion);
    QFETCH(qint64, sentVersion);
    QFETCH(qint64, expectedVersion);
    QFETCH(QString, expectedCategory);
    if (cachedVersion > 0) {
        QVERIFY(applyChanges(
            { upsert(1, "routingRule", ruleRecord(RuleId.toStdString(), "potholes"),
                cachedVersion) }));
    }
    Outbox outbox(*m_cache, Me);
    const QString mutationId = outbox.enqueueRecordEdit(
        "routingRule", RuleId, 0, "create", ruleRecord({}, "roads"));

    const QString entityId = outbox.reject(mutationId, "mutation.conflict", "the rule exists",
        ruleRecord(RuleId.toStdString(), "lighting"), sentVersion);

    QCOMPARE(entityId, RuleId);
    Statement rule(*m_cache, "SELECT data, version FROM routing_rules WHERE id = ?");
    const bool stored = rule.bind(1, RuleId).next();
    QCOMPARE(stored, expectedVersion > 0);
    if (stored) {
        QCOMPARE(rule.integer(1), expectedVersion);
        QCOMPARE(textOf(json::parse(rule.bytes(0).toStdString())["categoryId"]),
            expectedCategory);
    }
}

void tst_RecordEdits::recategoriseShowsAtOnce()
{
    QVERIFY(applyChanges({ upsert(1, "case", caseRecord(uuid(30), "CD-1", uuid(100), 2.0), 4) }));
    Outbox outbox(*m_cache, Me);

    const QString mutationId = outbox.enqueueCaseEdit(QString::fromStdString(uuid(30)),
        "recategorise", { { "categoryId", "lighting" }, { "subcategoryId", "lamp_out" } });

    QVERIFY(!mutationId.isEmpty());
    Repository repository(*m_cache, Me);
    const auto shown = repository.caseById(QString::fromStdString(uuid(30)));
    QVERIFY(shown);
    QCOMPARE(shown->categoryId, QStringLiteral("lighting"));
    QCOMPARE(shown->subcategoryId, QStringLiteral("lamp_out"));
    QCOMPARE(shown->categorySource, QStringLiteral("agent"));
    QCOMPARE(shown->categoryConfidence, 1.0);
    QVERIFY(shown->pendingEdits);

    json record = caseRecord(uuid(30), "CD-1", uuid(100), 2.0);
    record["subcategoryId"] = "old";
    CaseEdits::apply(record, "recategorise", { { "categoryId", "noise" } }, Me.toStdString());
    QVERIFY(record["subcategoryId"].is_null());
    QCOMPARE(textOf(record["categoryId"]), QStringLiteral("noise"));
}

void tst_RecordEdits::unlinkDuplicateShowsAtOnce()
{
    json record = caseRecord(uuid(30), "CD-1", uuid(100), 2.0);
    record["duplicateOf"] = uuid(31);
    record["duplicateCount"] = 0;
    json original = caseRecord(uuid(31), "CD-2", uuid(100), 3.0);
    original["duplicateCount"] = 2;
    QVERIFY(applyChanges({ upsert(1, "case", record, 4), upsert(2, "case", original, 1) }));
    Repository repository(*m_cache, Me);
    QCOMPARE(repository.caseById(QString::fromStdString(uuid(30)))->duplicateOf,
        QString::fromStdString(uuid(31)));
    QCOMPARE(repository.caseById(QString::fromStdString(uuid(31)))->duplicateCount, 2);
    Outbox outbox(*m_cache, Me);

    const QString mutationId =
        outbox.enqueueCaseEdit(QString::fromStdString(uuid(30)), "unlink_duplicate", {});

    QVERIFY(!mutationId.isEmpty());
    QVERIFY(repository.caseById(QString::fromStdString(uuid(30)))->duplicateOf.isEmpty());
    QCOMPARE(outbox.nextPending()->op, QStringLiteral("unlink_duplicate"));
}

void tst_RecordEdits::repositoryReadsRulesAndWeights()
{
    civicdesk::PriorityWeights weights;
    weights.factorWeights = { { "category", 2.5 } };
    weights.ageing.kind = "step";
    QVERIFY(applyChanges({ upsert(1, "routingRule", ruleRecord(uuid(41), "potholes", "deep"), 1),
        upsert(2, "routingRule", ruleRecord(uuid(40), "lighting"), 6),
        upsert(3, "routingRuleHistory", historyRecord(50, 1, "2026-01-01T00:00:00Z")),
        upsert(4, "routingRuleHistory", historyRecord(51, 2, "2026-03-01T00:00:00Z")),
        upsert(5, "routingRuleHistory", [] {
            json other = historyRecord(52, 1, "2026-02-01T00:00:00Z");
            other["ruleId"] = uuid(41);
            return other;
        }()),
        upsert(6, "priorityWeights", json(weights), 7) }));
    Repository repository(*m_cache, Me);

    const QList<json> rules = repository.routingRules();
    QCOMPARE(rules.size(), 2);
    QCOMPARE(textOf(rules[0]["categoryId"]), QStringLiteral("lighting"));
    QCOMPARE(textOf(rules[0]["version"]), QStringLiteral("6"));
    QCOMPARE(textOf(rules[1]["subcategoryId"]), QStringLiteral("deep"));

    const QList<json> all = repository.routingRuleHistory();
    QCOMPARE(all.size(), 3);
    QCOMPARE(textOf(all[0]["id"]), QString::fromStdString(uuid(51)));
    QCOMPARE(textOf(all[1]["id"]), QString::fromStdString(uuid(52)));
    QCOMPARE(textOf(all[2]["id"]), QString::fromStdString(uuid(50)));
    const QList<json> ofRule = repository.routingRuleHistory(RuleId);
    QCOMPARE(ofRule.size(), 2);
    QCOMPARE(textOf(ofRule[0]["ruleVersion"]), QStringLiteral("2"));

    const auto stored = repository.priorityWeights();
    QVERIFY(stored);
    QCOMPARE(stored->second, 7);
    QCOMPARE(stored->first.factorWeights.at("category"), 2.5);
    QCOMPARE(QString::fromStdString(stored->first.ageing.kind), QStringLiteral("step"));
}

void tst_RecordEdits::repositoryReadsPickerLists()
{
    json subcategory = categoryRecord("lamp_out", "Σβηστή λάμπα", "Lamp out");
    subcategory["parentId"] = "lighting";
    json unit = { { "id", "47" }, { "regionId", "1" }, { "nameEl", "Κεντρικού Τομέα Αθηνών" },
        { "nameEn", "Central Athens" } };
    QVERIFY(applyChanges({ upsert(1, "category", categoryRecord("lighting", "Φωτισμός", "Lighting")),
        upsert(2, "category", subcategory),
        upsert(3, "region", { { "id", "1" }, { "iso", "GR-I" }, { "nameEl", "Αττική" },
                                { "nameEn", "Attica" } }),
        upsert(4, "regionalUnit", unit),
        upsert(5, "municipality", municipalityRecord("9186", "Αθηναίων", "Athens")),
        upsert(6, "user", userRecord(uuid(2), "sup", "Μαρία Π.", "supervisor", {})) }));
    Repository repository(*m_cache, Me);
    repository.setLanguage("en");

    const QList<CategoryInfo> categories = repository.categories();
    QCOMPARE(categories.size(), 2);
    QCOMPARE(categories[0].id, QStringLiteral("lamp_out"));
    QCOMPARE(categories[0].name, QStringLiteral("Lamp out"));
    QCOMPARE(categories[0].parentId, QStringLiteral("lighting"));
    QVERIFY(categories[1].parentId.isEmpty());
    QCOMPARE(repository.regions().first().nameEl, QStringLiteral("Αττική"));
    QCOMPARE(repository.regionalUnits().first().regionId, QStringLiteral("1"));
    QCOMPARE(repository.municipalities().first().name, QStringLiteral("Athens"));
    QCOMPARE(repository.userName(QString::fromStdString(uuid(2))), QStringLiteral("Μαρία Π."));
    QVERIFY(repository.userName(QString::fromStdString(uuid(3))).isEmpty());
}

QTEST_GUILESS_MAIN(tst_RecordEdits)
#include "tst_recordedits.moc"
