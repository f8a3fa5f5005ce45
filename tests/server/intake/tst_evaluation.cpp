#include "intake/evaluation.h"
#include "intake/fasttextcli.h"
#include "intake/parametersearch.h"
#include "intake/reportsection.h"
#include "intake/textclassifier.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <iterator>
#include <sstream>
#include <stdexcept>

using namespace civicdesk::server;

class tst_Evaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitIsStratifiedAndRepeatable();
    void foldsTestEveryRowOnce();
    void scores_data();
    void scores();
    void confusionCountsPairs();
    void keywordBaselineVotes();
    void reportSection_data();
    void reportSection();
    void seedRunsCallEachSeedOnce();
    void seedRunsAggregateSpread();
    void seedRunsRejectBadSeeds_data();
    void seedRunsRejectBadSeeds();
    void spreadOfOneValue();
    void trainingSeedRepeats();
    void fastTextCliSeedRepeats();
    void chooseCandidate_data();
    void chooseCandidate();
    void chooseCandidateNoneWithinLimit();
    void searchScoresEachCandidate();
};

namespace {

std::vector<TrainingExample> examples(int perStratum)
{
    std::vector<TrainingExample> all;
    for (const char *category : { "a", "b" }) {
        for (const char *script : { "greek", "english" }) {
            for (int i = 0; i < perStratum; ++i) {
                all.push_back({ std::string(category) + " text " + std::to_string(i), category,
                    std::string(script) == "english" ? "en" : "el", script });
            }
        }
    }
    return all;
}

/** An evaluation whose overall scores are the given ones, as a trained model would report. */
Evaluation scored(double macroF1, double accuracy)
{
    Evaluation evaluation;
    evaluation.overall.macroF1 = macroF1;
    evaluation.overall.accuracy = accuracy;
    return evaluation;
}

/** Rows a model can learn: each category has its own words, shared words add noise. */
std::vector<TrainingExample> learnableExamples()
{
    const std::vector<std::pair<std::string, std::string>> topics {
        { "snow", "snow ice sidewalk unshoveled slippery" },
        { "parking", "car parked hydrant driveway blocked" },
        { "vehicle", "abandoned vehicle flat tires rusty plates" },
    };
    std::vector<TrainingExample> rows;
    for (int i = 0; i < 40; ++i) {
        for (const auto &[category, words] : topics) {
            std::istringstream stream(words);
            std::vector<std::string> vocabulary(std::istream_iterator<std::string>(stream), {});
            const std::string text = vocabulary[std::size_t(i) % vocabulary.size()] + " "
                + vocabulary[std::size_t(i * 3 + 1) % vocabulary.size()] + " street corner "
                + std::to_string(i % 7);
            rows.push_back({ text, category, "en", "english" });
        }
    }
    return rows;
}

} // namespace

void tst_Evaluation::splitIsStratifiedAndRepeatable()
{
    const auto all = examples(10);
    const Split first = stratifiedSplit(all, 0.2, 42);
    const Split again = stratifiedSplit(all, 0.2, 42);
    const Split other = stratifiedSplit(all, 0.2, 7);

    QCOMPARE(first.test.size(), std::size_t(8)); // 2 of each of the 4 strata
    QCOMPARE(first.train.size(), std::size_t(32));
    std::map<std::string, int> perStratum;
    for (const TrainingExample &e : first.test) {
        ++perStratum[e.categoryId + e.script];
    }
    for (const auto &[stratum, count] : perStratum) {
        QCOMPARE(count, 2);
    }
    QCOMPARE(perStratum.size(), std::size_t(4));
    std::vector<std::string> firstTexts;
    std::vector<std::string> againTexts;
    std::vector<std::string> otherTexts;
    for (std::size_t i = 0; i < first.test.size(); ++i) {
        firstTexts.push_back(first.test[i].text);
        againTexts.push_back(again.test[i].text);
        otherTexts.push_back(other.test[i].text);
    }
    QCOMPARE(firstTexts, againTexts);
    QVERIFY(firstTexts != otherTexts);
}

void tst_Evaluation::foldsTestEveryRowOnce()
{
    const auto all = examples(10);
    const std::vector<Split> folds = stratifiedFolds(all, 5, 42);

    QCOMPARE(folds.size(), std::size_t(5));
    std::map<std::string, int> timesTested;
    for (const Split &fold : folds) {
        QCOMPARE(fold.test.size(), std::size_t(8));
        QCOMPARE(fold.train.size(), std::size_t(32));
        std::map<std::string, int> perStratum;
        for (const TrainingExample &e : fold.test) {
            ++timesTested[e.text + e.script];
            ++perStratum[e.categoryId + e.script];
        }
        for (const auto &[stratum, count] : perStratum) {
            QCOMPARE(count, 2);
        }
        for (const TrainingExample &e : fold.train) {
            const bool alsoTested = std::any_of(fold.test.begin(), fold.test.end(),
                [&](const TrainingExample &t) { return t.text == e.text && t.script == e.script; });
            QVERIFY(!alsoTested);
        }
    }
    QCOMPARE(timesTested.size(), all.size());
    for (const auto &[row, count] : timesTested) {
        QCOMPARE(count, 1);
    }
    QCOMPARE(stratifiedFolds(all, 1, 42).size(), std::size_t(2));
}

void tst_Evaluation::scores_data()
{
    QTest::addColumn<QStringList>("truth");
    QTest::addColumn<QStringList>("predicted");
    QTest::addColumn<double>("precisionA");
    QTest::addColumn<double>("recallA");
    QTest::addColumn<double>("macroF1");

    QTest::newRow("all right") << QStringList { "a", "b" } << QStringList { "a", "b" } << 1.0
                               << 1.0 << 1.0;
    QTest::newRow("all wrong") << QStringList { "a", "b" } << QStringList { "b", "a" } << 0.0
                               << 0.0 << 0.0;
    // a: tp 1, fp 1, fn 1 → P 0.5 R 0.5 F1 0.5; b: tp 1, fp 1, fn 1 → the same.
    QTest::newRow("half") << QStringList { "a", "a", "b", "b" }
                          << QStringList { "a", "b", "b", "a" } << 0.5 << 0.5 << 0.5;
    // a: tp 2, fp 1, fn 0 → P 2/3 R 1 F1 0.8; b: tp 0 → F1 0; macro 0.4.
    QTest::newRow("one class never predicted")
        << QStringList { "a", "a", "b" } << QStringList { "a", "a", "a" } << 2.0 / 3 << 1.0
        << 0.4;
}

void tst_Evaluation::scores()
{
    QFETCH(QStringList, truth);
    QFETCH(QStringList, predicted);
    QFETCH(double, precisionA);
    QFETCH(double, recallA);
    QFETCH(double, macroF1);

    std::vector<std::string> t;
    std::vector<std::string> p;
    for (int i = 0; i < truth.size(); ++i) {
        t.push_back(truth[i].toStdString());
        p.push_back(predicted[i].toStdString());
    }
    const Scores s = scorePredictions(t, p, { "a", "b" });
    QVERIFY(qFuzzyCompare(1 + s.perClass.at("a").precision, 1 + precisionA));
    QVERIFY(qFuzzyCompare(1 + s.perClass.at("a").recall, 1 + recallA));
    QVERIFY(qFuzzyCompare(1 + s.macroF1, 1 + macroF1));
}

void tst_Evaluation::confusionCountsPairs()
{
    const Scores s = scorePredictions({ "a", "a", "b" }, { "a", "b", "b" }, { "a", "b" });
    QCOMPARE(s.confusion.at("a").at("a"), 1);
    QCOMPARE(s.confusion.at("a").at("b"), 1);
    QCOMPARE(s.confusion.at("b").at("b"), 1);
    QCOMPARE(s.count, 3);
}

void tst_Evaluation::keywordBaselineVotes()
{
    std::vector<TrainingExample> train;
    for (int i = 0; i < 3; ++i) {
        train.push_back({ "χιόνι στο πεζοδρόμιο", "sidewalk_snow", "el", "greek" });
        train.push_back({ "car parked on the ramp", "illegal_parking", "en", "english" });
        train.push_back({ "car parked on the ramp again", "illegal_parking", "en", "english" });
    }
    const KeywordBaseline baseline(train);

    QCOMPARE(baseline.majorityCategory(), std::string("illegal_parking"));
    QCOMPARE(baseline.predict("ΧΙΟΝΙ παντού"), std::string("sidewalk_snow"));
    QCOMPARE(baseline.predict("a parked van"), std::string("illegal_parking"));
    QCOMPARE(baseline.predict("nothing known"), std::string("illegal_parking"));
}

void tst_Evaluation::reportSection_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    QTest::newRow("new file") << "" << "# CivicDesk benchmarks\n\n## Intake classifier\n\n### Speed\n\nnew\n\n";
    QTest::newRow("other sections kept")
        << "# T\n\n## Sync\n\nsync text\n\n## Intake classifier\n\n### Speed\n\nold\n\n### Accuracy\n\nacc\n\n## Later\n\nlater\n"
        << "# T\n\n## Sync\n\nsync text\n\n## Intake classifier\n\n### Speed\n\nnew\n\n### Accuracy\n\nacc\n\n## Later\n\nlater\n";
    QTest::newRow("subsection added before the next section")
        << "# T\n\n## Intake classifier\n\n### Accuracy\n\nacc\n\n## Later\n\nlater\n"
        << "# T\n\n## Intake classifier\n\n### Accuracy\n\nacc\n\n### Speed\n\nnew\n\n## Later\n\nlater\n";
}

void tst_Evaluation::reportSection()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QCOMPARE(QString::fromStdString(
                 replaceIntakeReportSection(before.toStdString(), "Speed", "new")),
        after);
}

void tst_Evaluation::seedRunsCallEachSeedOnce()
{
    std::vector<std::uint32_t> called;
    const SeedRuns result = evaluateSeeds({ 7, 3, 11 }, [&](std::uint32_t seed) {
        called.push_back(seed);
        return scored(seed / 100.0, 0.5);
    });

    QCOMPARE(called, (std::vector<std::uint32_t> { 7, 3, 11 }));
    QCOMPARE(result.seeds, called);
    QCOMPARE(result.runs.size(), std::size_t(3));
    for (std::size_t i = 0; i < called.size(); ++i) {
        QCOMPARE(result.runs[i].overall.macroF1, called[i] / 100.0);
    }
}

void tst_Evaluation::seedRunsAggregateSpread()
{
    const std::map<std::uint32_t, std::pair<double, double>> scores {
        { 1, { 0.80, 0.70 } }, { 2, { 0.82, 0.70 } },
        { 3, { 0.84, 0.90 } }, { 4, { 0.86, 0.90 } } };
    const SeedRuns result = evaluateSeeds({ 1, 2, 3, 4 }, [&](std::uint32_t seed) {
        return scored(scores.at(seed).first, scores.at(seed).second);
    });

    // Deviations from 0.83 are ±0.03 and ±0.01: the squares sum to 0.002, over n - 1 = 3.
    QVERIFY(std::abs(result.macroF1.mean - 0.83) < 1e-12);
    QVERIFY(std::abs(result.macroF1.standardDeviation - std::sqrt(0.002 / 3)) < 1e-12);
    QVERIFY(std::abs(result.macroF1.min - 0.80) < 1e-12);
    QVERIFY(std::abs(result.macroF1.max - 0.86) < 1e-12);
    // Accuracy is aggregated apart from macro-F1: deviations ±0.1, squares 0.04 over 3.
    QVERIFY(std::abs(result.accuracy.mean - 0.80) < 1e-12);
    QVERIFY(std::abs(result.accuracy.standardDeviation - std::sqrt(0.04 / 3)) < 1e-12);
}

void tst_Evaluation::seedRunsRejectBadSeeds_data()
{
    QTest::addColumn<QList<quint32>>("seeds");

    QTest::newRow("no seeds") << QList<quint32> {};
    QTest::newRow("repeated seed") << QList<quint32> { 1, 2, 1 };
}

void tst_Evaluation::seedRunsRejectBadSeeds()
{
    QFETCH(QList<quint32>, seeds);

    int calls = 0;
    const std::vector<std::uint32_t> list(seeds.begin(), seeds.end());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, evaluateSeeds(list, [&](std::uint32_t) {
        ++calls;
        return scored(0.5, 0.5);
    }));
    QCOMPARE(calls, 0);
}

void tst_Evaluation::spreadOfOneValue()
{
    const Spread spread = spreadOf({ 0.7 });

    QCOMPARE(spread.mean, 0.7);
    QCOMPARE(spread.standardDeviation, 0.0);
    QCOMPARE(spread.min, 0.7);
    QCOMPARE(spread.max, 0.7);
    QCOMPARE(spreadOf({}).mean, 0.0);
}

void tst_Evaluation::trainingSeedRepeats()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Split split = stratifiedSplit(learnableExamples(), 0.25, 42);
    const std::vector<std::string> labels { "parking", "snow", "vehicle" };
    int trained = 0;
    const auto train = [&](std::uint32_t seed) {
        HyperParameters parameters = HyperParameters::shipped();
        parameters.seed = static_cast<int>(seed);
        parameters.bucket = 10000;
        const std::string path = dir.filePath(QString::number(++trained)).toStdString() + ".bin";
        trainModel(split.train, parameters, path);
        const auto classifier = TextClassifier::loadFile(path, "test");
        return evaluate("ours", [&](const std::string &text) {
            return classifier->predict(text, 1).front().categoryId;
        }, split.test, labels);
    };

    const SeedRuns first = evaluateSeeds({ 1, 2 }, train);
    const SeedRuns again = evaluateSeeds({ 1, 2 }, train);

    QCOMPARE(trained, 4);
    QCOMPARE(first.runs[0].overall.confusion, again.runs[0].overall.confusion);
    QCOMPARE(first.runs[1].overall.confusion, again.runs[1].overall.confusion);
    QCOMPARE(first.macroF1.mean, again.macroF1.mean);
    QVERIFY(first.macroF1.mean > 0.9); // the categories' words separate them
    HyperParameters firstOrder;
    firstOrder.seed = 1;
    HyperParameters secondOrder;
    secondOrder.seed = 2;
    QVERIFY(trainingText(split.train, firstOrder) != trainingText(split.train, secondOrder));
}

void tst_Evaluation::fastTextCliSeedRepeats()
{
    const std::string binary = findFastTextBinary();
    if (binary.empty()) {
        QSKIP("the fastText command-line tool is not installed (Debian package fasttext)");
    }
    const Split split = stratifiedSplit(learnableExamples(), 0.25, 42);
    const std::vector<std::string> options { "-dim", "10", "-bucket", "1000", "-epoch", "5",
        "-thread", "1", "-verbose", "0" };

    const FastTextCliRun first = runFastTextCli(binary, options, split.train, split.test, 5);
    const FastTextCliRun again = runFastTextCli(binary, options, split.train, split.test, 5);

    QVERIFY2(first.error.empty(), first.error.c_str());
    QVERIFY2(again.error.empty(), again.error.c_str());
    QCOMPARE(first.predicted.size(), split.test.size());
    QCOMPARE(first.predicted, again.predicted);
}

void tst_Evaluation::chooseCandidate_data()
{
    QTest::addColumn<QList<double>>("means");
    QTest::addColumn<QList<double>>("sizes");
    QTest::addColumn<int>("expected");

    // The incumbent (first) has standard error 0.004 in every row.
    QTest::newRow("gain within standard error") << QList<double> { 0.820, 0.823 }
                                                << QList<double> { 10, 10 } << 0;
    QTest::newRow("gain beyond standard error") << QList<double> { 0.820, 0.826, 0.825 }
                                                << QList<double> { 10, 10, 10 } << 1;
    QTest::newRow("best over the size limit") << QList<double> { 0.820, 0.900, 0.830 }
                                              << QList<double> { 10, 60, 10 } << 2;
    QTest::newRow("incumbent best") << QList<double> { 0.830, 0.820 } << QList<double> { 10, 10 }
                                    << 0;
    QTest::newRow("incumbent over the limit") << QList<double> { 0.830, 0.820, 0.821 }
                                              << QList<double> { 60, 10, 10 } << 2;
}

void tst_Evaluation::chooseCandidate()
{
    QFETCH(QList<double>, means);
    QFETCH(QList<double>, sizes);
    QFETCH(int, expected);

    std::vector<CandidateScore> scores;
    for (int i = 0; i < means.size(); ++i) {
        CandidateScore score;
        score.macroF1.mean = means[i];
        score.standardError = 0.004;
        score.modelMiB = sizes[i];
        scores.push_back(score);
    }
    QCOMPARE(int(civicdesk::server::chooseCandidate(scores, 47.7)), expected);
}

void tst_Evaluation::chooseCandidateNoneWithinLimit()
{
    CandidateScore score;
    score.modelMiB = 100;
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument, civicdesk::server::chooseCandidate({ score }, 47.7));
}

void tst_Evaluation::searchScoresEachCandidate()
{
    const std::vector<TrainingExample> rows = learnableExamples();
    HyperParameters small = HyperParameters::shipped();
    small.bucket = 10000;
    HyperParameters tiny = small;
    tiny.epoch = 1;
    tiny.lr = 0.01;
    const ParameterSearch search = searchParameters(rows,
        { { "small", small }, { "one weak epoch", tiny } }, { "parking", "snow", "vehicle" }, 3,
        42, 47.7);

    QCOMPARE(search.scores.size(), std::size_t(2));
    QCOMPARE(search.chosen, std::size_t(0));
    QVERIFY(search.scores[0].macroF1.mean > 0.9);
    QVERIFY(search.scores[1].macroF1.mean < search.scores[0].macroF1.mean);
    QVERIFY(search.scores[0].modelMiB > 0);
    QVERIFY(search.scores[0].standardError >= 0);
}

QTEST_GUILESS_MAIN(tst_Evaluation)
#include "tst_evaluation.moc"
