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
 * The category model: a fastText supervised classifier that the import trains from the
 * shipped data (see classifiertraining.h). Prediction is thread-safe.
 */
class TextClassifier
{
public:
    ~TextClassifier();

    /** Loads the model of dataDir; throws Poco::FileNotFoundException when it is missing. */
    static std::unique_ptr<TextClassifier> load(const std::string &dataDir);

    /** Returns up to k categories, most probable first; empty for text with no words. */
    std::vector<CategoryGuess> predict(const std::string &text, int k = 3) const;

    /** Returns the model version, "category-v1-" and 8 hex digits of the training data hash. */
    const std::string &modelVersion() const { return m_modelVersion; }

private:
    TextClassifier();

    std::unique_ptr<fasttext::FastText> m_model;
    std::string m_modelVersion;
};

} // namespace civicdesk::server
