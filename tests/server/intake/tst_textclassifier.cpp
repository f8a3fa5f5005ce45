#include "intake/classifiertraining.h"
#include "intake/textclassifier.h"
#include "intake/textnormalizer.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fasttext/fasttext.h>
#include <sstream>

using namespace civicdesk::server;

// The classifier turns normalised text into model input ids without a stream. These tests
// train small real models and check, text by text, that the ids and the guesses are the
// ones fastText's own getLine and predictLine give.
class tst_TextClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesFastText_data();
    void matchesFastText();

private:
    std::vector<TrainingExample> m_examples;
    std::vector<std::string> m_texts;
    QTemporaryDir m_dir;
};

void tst_TextClassifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto all = loadTrainingExamples(CIVICDESK_SOURCE_DIR "/resources");
    // Every fourth example keeps training short and covers English and the three Greek scripts.
    for (std::size_t i = 0; i < all.size(); i += 4) {
        m_examples.push_back(all[i]);
    }
    for (const TrainingExample &example : all) {
        m_texts.push_back(normalizeText(example.text));
    }
    m_texts.push_back(""); // no words: only the end-of-line token
    m_texts.push_back("zzzunseenword __num__ σπασμενο πεζοδρομιο");
}

void tst_TextClassifier::matchesFastText_data()
{
    QTest::addColumn<int>("wordNgrams");
    QTest::addColumn<int>("minn");
    QTest::addColumn<int>("maxn");
    QTest::addColumn<bool>("quantize");

    QTest::newRow("unigrams") << 1 << 0 << 0 << false;
    QTest::newRow("bigrams") << 2 << 0 << 0 << false;
    QTest::newRow("trigrams and subwords") << 3 << 2 << 5 << false;
    QTest::newRow("bigrams, quantised") << 2 << 0 << 0 << true;
}

void tst_TextClassifier::matchesFastText()
{
    QFETCH(int, wordNgrams);
    QFETCH(int, minn);
    QFETCH(int, maxn);
    QFETCH(bool, quantize);

    HyperParameters parameters = HyperParameters::shipped();
    parameters.epoch = 5;
    parameters.wordNgrams = wordNgrams;
    parameters.minn = minn;
    parameters.maxn = maxn;
    parameters.bucket = 20000;
    parameters.quantize = quantize;
    const std::string path = m_dir.filePath(QTest::currentDataTag()).toStdString() + ".bin";
    trainModel(m_examples, parameters, path);

    const auto classifier = TextClassifier::loadFile(path, "test");
    fasttext::FastText reference;
    reference.loadModel(path);
    const auto dictionary = reference.getDictionary();
    for (const std::string &text : m_texts) {
        std::istringstream line(text + "\n");
        std::vector<std::int32_t> ids;
        std::vector<std::int32_t> labels;
        dictionary->getLine(line, ids, labels);
        const std::vector<int> ours = classifier->inputIds(text);
        QVERIFY2(std::vector<int>(ids.begin(), ids.end()) == ours, text.c_str());

        std::istringstream again(text + "\n");
        std::vector<std::pair<fasttext::real, std::string>> expected;
        reference.predictLine(again, expected, 3, 0.0);
        const auto guesses = classifier->predictNormalized(text, 3);
        QCOMPARE(guesses.size(), expected.size());
        for (std::size_t i = 0; i < guesses.size(); ++i) {
            QCOMPARE("__label__" + guesses[i].categoryId, expected[i].second);
            QVERIFY(std::abs(guesses[i].probability
                        - std::min(1.0, static_cast<double>(expected[i].first)))
                < 1e-6);
        }
    }
}

QTEST_GUILESS_MAIN(tst_TextClassifier)
#include "tst_textclassifier.moc"
