#include "domain/ids.h"
#include "intake/classifiertraining.h"
#include "storefixture.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <QTemporaryDir>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;
using namespace Poco::Data::Keywords;

// A person corrects a case's category: validation, the case and its timeline, the labelled
// example and the change log, replay, and the example reaching the next training run.
class tst_Recategorise : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rejectsInvalidCategory_data();
    void rejectsInvalidCategory();
    void correctsCategoryAndKeepsExample();
    void replayAppliesOnce();
    void correctionReachesTraining();

private:
    protocol::Mutation recategorise(const std::string &categoryId, const std::string &subcategoryId);
    std::int64_t count(const std::string &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
    std::string m_databasePath;
};

void tst_Recategorise::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_databasePath = m_dir->filePath("store.sqlite").toStdString();
    m_fixture = std::make_unique<StoreFixture>(m_databasePath);

    ReferenceData data; // the fixture has abandoned_vehicle; parents come before children
    data.categories = { { "illegal_parking", "Παράνομη στάθμευση", "Illegal parking", 1.0, "" },
        { "illegal_parking.ramp", "Στάθμευση σε ράμπα", "Parking on a ramp", 1.0,
            "illegal_parking" },
        { "abandoned_vehicle.bicycle", "Εγκαταλελειμμένο ποδήλατο", "Abandoned bicycle", 1.0,
            "abandoned_vehicle" },
        { "street_lighting", "Φωτισμός", "Street lighting", 1.0, "" } };
    m_fixture->store->writeReferenceData(data);
}

void tst_Recategorise::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

protocol::Mutation tst_Recategorise::recategorise(
    const std::string &categoryId, const std::string &subcategoryId)
{
    protocol::Mutation m;
    m.id = generateUuid();
    m.entityId = m_fixture->caseA;
    m.baseVersion = 1;
    m.op = "recategorise";
    m.args = { { "categoryId", categoryId } };
    if (!subcategoryId.empty()) {
        m.args["subcategoryId"] = subcategoryId;
    }
    m.createdAt = utcNowIso();
    return m;
}

std::int64_t tst_Recategorise::count(const std::string &sql)
{
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session session("SQLite", m_databasePath);
    std::int64_t n = 0;
    session << sql, into(n), now;
    return n;
}

void tst_Recategorise::rejectsInvalidCategory_data()
{
    QTest::addColumn<QString>("categoryId");
    QTest::addColumn<QString>("subcategoryId");
    QTest::addColumn<QString>("field");

    QTest::newRow("no category") << "" << "" << "args.categoryId";
    QTest::newRow("unknown category") << "potholes" << "" << "args.categoryId";
    QTest::newRow("subcategory as category") << "illegal_parking.ramp" << "" << "args.categoryId";
    QTest::newRow("unknown subcategory") << "illegal_parking" << "illegal_parking.bus_lane"
                                         << "args.subcategoryId";
    QTest::newRow("child of another category")
        << "illegal_parking" << "abandoned_vehicle.bicycle" << "args.subcategoryId";
}

void tst_Recategorise::rejectsInvalidCategory()
{
    QFETCH(QString, categoryId);
    QFETCH(QString, subcategoryId);
    QFETCH(QString, field);

    const auto outcome = m_fixture->store->applyMutation(m_fixture->scope("agent"),
        recategorise(categoryId.toStdString(), subcategoryId.toStdString()));
    QVERIFY(!outcome.applied);
    QVERIFY(outcome.code == protocol::ErrorCode::MutationInvalid);
    QVERIFY2(QString::fromStdString(outcome.message).startsWith(field), outcome.message.c_str());
    QCOMPARE(m_fixture->store->findCase(m_fixture->caseA)->kase.categoryId,
        std::string("abandoned_vehicle"));
    QCOMPARE(count("SELECT COUNT(*) FROM labelled_examples"), std::int64_t(0));
}

void tst_Recategorise::correctsCategoryAndKeepsExample()
{
    SqliteStore &store = *m_fixture->store;
    const std::int64_t headBefore = store.headSeq();
    const auto outcome = store.applyMutation(
        m_fixture->scope("agent"), recategorise("illegal_parking", "illegal_parking.ramp"));
    QVERIFY2(outcome.applied, outcome.message.c_str());
    QCOMPARE(outcome.version, std::int64_t(2));

    const StoredCase stored = *store.findCase(m_fixture->caseA);
    QCOMPARE(stored.version, std::int64_t(2));
    QCOMPARE(stored.kase.categoryId, std::string("illegal_parking"));
    QCOMPARE(stored.kase.subcategoryId, std::string("illegal_parking.ramp"));
    QCOMPARE(stored.kase.categorySource, std::string("agent"));
    QCOMPARE(stored.kase.categoryConfidence, 1.0);

    const auto examples = store.labelledExamples();
    QCOMPARE(examples.size(), std::size_t(1));
    QCOMPARE(examples[0].caseId, m_fixture->caseA);
    QCOMPARE(examples[0].text, stored.kase.text);
    QCOMPARE(examples[0].categoryId, std::string("illegal_parking"));
    QCOMPARE(examples[0].previousCategoryId, std::string("abandoned_vehicle"));
    QCOMPARE(count("SELECT COUNT(*) FROM labelled_examples l JOIN users u ON u.id = l.labelled_by "
                   "WHERE u.username = 'agent'"),
        std::int64_t(1));

    const auto changes = store.changesSince(m_fixture->scope("agent"), headBefore, 100).changes;
    QCOMPARE(changes.size(), std::size_t(2)); // the case, then its timeline entry
    QCOMPARE(changes[0].entity, std::string("case"));
    QCOMPARE(changes[0].version, std::int64_t(2));
    QCOMPARE(changes[0].data.at("categoryId").get<std::string>(), std::string("illegal_parking"));
    QCOMPARE(changes[1].entity, std::string("interaction"));
    QCOMPARE(changes[1].data.at("kind").get<std::string>(), std::string("status"));
    QCOMPARE(changes[1].data.at("body").get<std::string>(),
        std::string("category: abandoned_vehicle → illegal_parking/illegal_parking.ramp"));
}

void tst_Recategorise::replayAppliesOnce()
{
    SqliteStore &store = *m_fixture->store;
    const auto mutation = recategorise("street_lighting", "");
    const auto first = store.applyMutation(m_fixture->scope("agent"), mutation);
    QVERIFY2(first.applied, first.message.c_str());
    const std::int64_t head = store.headSeq();

    const auto replay = store.applyMutation(m_fixture->scope("agent"), mutation);
    QVERIFY(replay.applied);
    QCOMPARE(replay.version, first.version);
    QCOMPARE(replay.seq, first.seq);
    QCOMPARE(store.headSeq(), head);
    QCOMPARE(count("SELECT COUNT(*) FROM labelled_examples"), std::int64_t(1));

    // Another mutation asking for the category a person already set changes nothing.
    const auto again = store.applyMutation(m_fixture->scope("agent"), recategorise("street_lighting", ""));
    QVERIFY(again.applied);
    QCOMPARE(again.version, first.version);
    QCOMPARE(count("SELECT COUNT(*) FROM labelled_examples"), std::int64_t(1));
}

void tst_Recategorise::correctionReachesTraining()
{
    SqliteStore &store = *m_fixture->store;
    QVERIFY(store.applyMutation(m_fixture->scope("agent"), recategorise("illegal_parking", "")).applied);
    QVERIFY(store.applyMutation(m_fixture->scope("supervisor"), [&] {
        auto m = recategorise("street_lighting", "");
        m.entityId = m_fixture->caseB;
        return m;
    }()).applied);

    // A category the model does not predict trains as "other".
    const auto corrections = correctionExamples(store.labelledExamples());
    QCOMPARE(corrections.size(), std::size_t(2));
    QCOMPARE(corrections[0].categoryId, std::string("illegal_parking"));
    QCOMPARE(corrections[1].categoryId, std::string("other"));
    QCOMPARE(corrections[0].script, std::string("correction"));

    HyperParameters parameters = HyperParameters::shipped();
    const std::string text = trainingText(corrections, parameters);
    QVERIFY(text.find("__label__illegal_parking abandoned car outside number __num__ for a month\n")
        != std::string::npos);

    const std::string resources = CIVICDESK_SOURCE_DIR "/resources";
    const std::string dataDir = m_dir->filePath("data").toStdString();
    const TrainingReport plain = ensureCategoryModel(resources, dataDir);
    const TrainingReport corrected = ensureCategoryModel(resources, dataDir, false, corrections);
    QCOMPARE(corrected.corrections, 2);
    QCOMPARE(corrected.examples, plain.examples + 2);
    QVERIFY(corrected.dataSha256 != plain.dataSha256);
    QVERIFY(corrected.modelVersion != plain.modelVersion);
}

QTEST_GUILESS_MAIN(tst_Recategorise)
#include "tst_recategorise.moc"
