#include "intake/evaluation.h"
#include "intake/reportsection.h"

#include <QtTest>

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

QTEST_GUILESS_MAIN(tst_Evaluation)
#include "tst_evaluation.moc"
