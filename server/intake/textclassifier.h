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

    const std::string &modelVersion() const { return m_modelVersion; }

private:
    TextClassifier();

    std::unique_ptr<fasttext::FastText> m_model;
    std::string m_modelVersion;
};

} // namespace civicdesk::server
