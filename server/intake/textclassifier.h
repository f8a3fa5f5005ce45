#pragma once

#include <memory>
#include <string>
#include <vector>

namespace fasttext {
class FastText;
}

namespace civicdesk::server {

struct CategoryGuess
{
    std::string categoryId;
    double probability = 0;
};

/**
 * The category model: a fastText supervised classifier that the import or the train command
 * trains from the shipped data (see classifiertraining.h). Prediction is thread-safe.
 */
class TextClassifier
{
public:
    ~TextClassifier();

    /**
     * Loads model version modelVersion of dataDir (such as "category-v2-1a2b3c4d"; "v2-1a2b3c4d"
     * also works), or the newest when it is empty. Throws Poco::FileNotFoundException when the
     * model is missing and Poco::DataFormatException when it is unreadable.
     */
    static std::unique_ptr<TextClassifier> load(
        const std::string &dataDir, const std::string &modelVersion = {});

    /** Loads a model file directly, as evaluation does; the version is only recorded. */
    static std::unique_ptr<TextClassifier> loadFile(
        const std::string &modelPath, const std::string &modelVersion);

    /** Returns up to k categories, most probable first; empty for text with no words. */
    std::vector<CategoryGuess> predict(const std::string &text, int k = 3) const;

    /** Same as predict for text that normalizeText already normalised. */
    std::vector<CategoryGuess> predictNormalized(const std::string &normalized, int k = 3) const;

    /**
     * The model's input ids for normalised text: word ids, subword and word n-gram buckets,
     * exactly as fastText's Dictionary::getLine computes them for "normalized\n", but with
     * no stream. Public so that tests can compare the two.
     */
    std::vector<int> inputIds(const std::string &normalized) const;

    const std::string &modelVersion() const { return m_modelVersion; }

private:
    TextClassifier();

    void cacheModelShape();

    std::unique_ptr<fasttext::FastText> m_model;
    std::string m_modelVersion;
    std::vector<std::string> m_categoryIds; // by fastText label index, "__label__" dropped
    int m_wordNgrams = 1;
    int m_buckets = 0;
    int m_maxn = 0;
    bool m_streamOnly = false; // a pruned dictionary: only fastText's own getLine is exact
};

} // namespace civicdesk::server
