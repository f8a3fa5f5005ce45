#include "importer/referencedata.h"
#include "intake/classifiertraining.h"
#include "intake/decision.h"
#include "intake/intakeservice.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/DigestEngine.h>
#include <Poco/DigestStream.h>
#include <Poco/SHA2Engine.h>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace civicdesk;
using namespace civicdesk::server;

// Trains the real model from the shipped data once and checks training, loading, the top
// three candidates, the thresholds and what intake stores.
class tst_IntakeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainingIsReproducible();
    void metadataDescribesTheModel();
    void loadsConfiguredVersion();
    void predictsShippedLanguages_data();
    void predictsShippedLanguages();
    void lowConfidenceGoesToTriage_data();
    void lowConfidenceGoesToTriage();
    void intakeStoresCandidatesAndVersion();

private:
    std::string m_resources = CIVICDESK_SOURCE_DIR "/resources";
    QTemporaryDir m_dir;
    std::string m_dataDir;
    TrainingReport m_trained;
    std::unique_ptr<TextClassifier> m_classifier;
};

namespace {

std::string fileSha256(const std::string &path)
{
    std::ifstream input(path, std::ios::binary);
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    Poco::DigestOutputStream digest(engine);
    digest << input.rdbuf();
    digest.close();
    return Poco::DigestEngine::digestToHex(engine.digest());
}

} // namespace

void tst_IntakeModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dataDir = m_dir.path().toStdString() + "/first";
    m_trained = ensureCategoryModel(m_resources, m_dataDir);
    QVERIFY(m_trained.trained);
    m_classifier = TextClassifier::load(m_dataDir);
    QCOMPARE(m_classifier->modelVersion(), m_trained.modelVersion);
}

void tst_IntakeModel::trainingIsReproducible()
{
    const std::string secondDir = m_dir.path().toStdString() + "/second";
    const TrainingReport second = ensureCategoryModel(m_resources, secondDir);

    QCOMPARE(second.modelVersion, m_trained.modelVersion);
    QCOMPARE(second.dataSha256, m_trained.dataSha256);
    QCOMPARE(fileSha256(second.modelPath), fileSha256(m_trained.modelPath));
    QVERIFY(!ensureCategoryModel(m_resources, secondDir).trained); // up to date: no retraining
}

void tst_IntakeModel::metadataDescribesTheModel()
{
    std::ifstream input(categoryModelMetadataPath(m_dataDir, m_trained.modelVersion));
    const auto metadata = nlohmann::json::parse(input);

    QCOMPARE(metadata.at("dataSha256").get<std::string>(), m_trained.dataSha256);
    QCOMPARE(m_trained.dataSha256.size(), std::size_t(64));
    QCOMPARE(metadata.at("hyperParameters").at("thread").get<int>(), 1);
    QCOMPARE(metadata.at("hyperParameters").at("seed").get<int>(), 42);
    QVERIFY(metadata.at("examples").get<int>() > 5000);
    QVERIFY(metadata.at("modelBytes").get<std::int64_t>() < 50LL * 1024 * 1024);
}

void tst_IntakeModel::loadsConfiguredVersion()
{
    QCOMPARE(newestModelVersion(m_dataDir), m_trained.modelVersion);
    const std::string shortVersion = m_trained.modelVersion.substr(std::string("category-").size());
    QCOMPARE(TextClassifier::load(m_dataDir, shortVersion)->modelVersion(), m_trained.modelVersion);
    QVERIFY_THROWS_EXCEPTION(
        Poco::FileNotFoundException, TextClassifier::load(m_dataDir, "category-v2-00000000"));
    QVERIFY_THROWS_EXCEPTION(
        Poco::FileNotFoundException, TextClassifier::load(m_dir.path().toStdString() + "/none"));
}

void tst_IntakeModel::predictsShippedLanguages_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Greek snow") << "Ο δήμος δεν έχει καθαρίσει το χιόνι από το πεζοδρόμιο "
                                   "μπροστά στο σχολείο, οι μαθητές γλιστράνε."
                                << "sidewalk_snow";
    QTest::newRow("Greek abandoned car")
        << "Ένα σκουριασμένο αυτοκίνητο χωρίς πινακίδες είναι παρατημένο στη γωνία εδώ και "
           "οκτώ μήνες." << "abandoned_vehicle";
    QTest::newRow("English parking") << "A truck is parked in the bike lane and blocking the "
                                        "hydrant on my street every morning."
                                     << "illegal_parking";
    QTest::newRow("Greeklish fallen tree")
        << "epese ena megalo dentro panw sta kalwdia tis DEH stin odo, kindyneuoun oi perastikoi"
        << "dangerous_condition";
}

void tst_IntakeModel::predictsShippedLanguages()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const auto guesses = m_classifier->predict(text.toStdString());
    QCOMPARE(guesses.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(guesses.front().categoryId), expected);
    QVERIFY(guesses[0].probability >= guesses[1].probability);
    QVERIFY(guesses[1].probability >= guesses[2].probability);
    QVERIFY(guesses[0].probability + guesses[1].probability + guesses[2].probability <= 1.0001);
}

void tst_IntakeModel::lowConfidenceGoesToTriage_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<bool>("triage");

    QTest::newRow("threshold 0 trusts the model") << 0.0 << false;
    QTest::newRow("threshold above any probability") << 1.01 << true;
}

void tst_IntakeModel::lowConfidenceGoesToTriage()
{
    QFETCH(double, threshold);
    QFETCH(bool, triage);

    const ReferenceData reference = loadReferenceData(m_resources);
    ConfidenceThresholds thresholds;
    thresholds.defaultThreshold = 0.5;
    thresholds.perCategory["sidewalk_snow"] = threshold;
    const Router router(reference.rules, reference.teams);
    const DecisionMaker decisions(*m_classifier, router, thresholds);
    const std::string region = reference.regions.front().id;

    const IntakeDecision decision = decisions.decide("Snow and ice have not been cleared from "
                                                     "the sidewalk for three days.",
        {}, RouteRequest { {}, {}, region, {}, {}, "2026-01-15T10:00:00.000Z" });
    QCOMPARE(QString::fromStdString(decision.categoryId), QString("sidewalk_snow"));
    QCOMPARE(decision.modelVersion, m_trained.modelVersion);
    const Team *team = router.team(decision.route.teamId);
    QVERIFY(team);
    QCOMPARE(team->triage, triage);
    QCOMPARE(team->code == RegionTriageCode, triage);
    const std::string below = "below threshold " + std::string(threshold > 1 ? "1.01" : "0.00")
        + " for sidewalk_snow → triage SOLVE_DEPARTMENT";
    QCOMPARE(decision.route.rule.find(below) != std::string::npos, triage);
}

void tst_IntakeModel::intakeStoresCandidatesAndVersion()
{
    const std::string databasePath = m_dataDir + "/civicdesk.sqlite";
    auto store = SqliteStore::openFile(databasePath);
    store->writeReferenceData(loadReferenceData(m_resources));
    IntakeService intake(*store, *m_classifier, ConfidenceThresholds {});

    Submission submission;
    submission.text = "Το αυτοκίνητο είναι παρκαρισμένο πάνω στη ράμπα αναπήρων κάθε πρωί.";
    submission.municipalityId = store->municipalities().front().municipality.id;
    submission.firstName = "Δοκιμή";
    submission.lastName = "Δοκιμαστική";
    const auto result = intake.submit(submission);
    QVERIFY(std::holds_alternative<IntakeResult>(result));
    const Case &kase = std::get<IntakeResult>(result).kase;
    QCOMPARE(kase.modelVersion, m_trained.modelVersion);
    QCOMPARE(kase.language, std::string("el"));

    Poco::Data::Session session("SQLite", databasePath);
    std::string caseId = kase.id;
    std::string candidatesText;
    session << "SELECT category_candidates FROM cases WHERE id = ?", Poco::Data::Keywords::use(caseId),
        Poco::Data::Keywords::into(candidatesText), Poco::Data::Keywords::now;
    const auto candidates = nlohmann::json::parse(candidatesText);
    QCOMPARE(candidates.size(), std::size_t(3));
    QCOMPARE(candidates[0].at("categoryId").get<std::string>(), kase.categoryId);
    QCOMPARE(candidates[0].at("probability").get<double>(), kase.categoryConfidence);
}

QTEST_GUILESS_MAIN(tst_IntakeModel)
#include "tst_intakemodel.moc"
