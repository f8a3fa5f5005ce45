#include "intake/textclassifier.h"

#include "intake/classifiertraining.h"
#include "intake/textnormalizer.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <fasttext/fasttext.h>
#include <algorithm>
#include <sstream>

namespace civicdesk::server {

namespace {

const std::string LabelPrefix = "__label__";

std::string fullVersion(const std::string &modelVersion)
{
    return modelVersion.rfind("category-", 0) == 0 ? modelVersion : "category-" + modelVersion;
}

} // namespace

TextClassifier::TextClassifier()
    : m_model(std::make_unique<fasttext::FastText>())
{
}

TextClassifier::~TextClassifier() = default;

std::unique_ptr<TextClassifier> TextClassifier::load(
    const std::string &dataDir, const std::string &modelVersion)
{
    const std::string version =
        modelVersion.empty() ? newestModelVersion(dataDir) : fullVersion(modelVersion);
    if (version.empty()) {
        throw Poco::FileNotFoundException(
            "no category model; run the import or the train command first", dataDir + "/models");
    }
    const std::string modelPath = categoryModelPath(dataDir, version);
    if (!Poco::File(modelPath).exists()) {
        throw Poco::FileNotFoundException(
            "category model " + version + " not found (intake.modelVersion)", modelPath);
    }
    return loadFile(modelPath, version);
}

std::unique_ptr<TextClassifier> TextClassifier::loadFile(
    const std::string &modelPath, const std::string &modelVersion)
{
    std::unique_ptr<TextClassifier> classifier(new TextClassifier);
    try {
        classifier->m_model->loadModel(modelPath);
    } catch (const std::exception &error) {
        throw Poco::DataFormatException("category model unreadable: " + modelPath, error.what());
    }
    classifier->m_modelVersion = modelVersion;
    return classifier;
}

std::vector<CategoryGuess> TextClassifier::predict(const std::string &text, int k) const
{
    return predictNormalized(normalizeText(text), k);
}

std::vector<CategoryGuess> TextClassifier::predictNormalized(
    const std::string &normalized, int k) const
{
    std::istringstream line(normalized + "\n");
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    m_model->predictLine(line, predictions, k, 0.0);

    std::vector<CategoryGuess> guesses;
    guesses.reserve(predictions.size());
    for (const auto &[probability, label] : predictions) {
        const std::string id =
            label.rfind(LabelPrefix, 0) == 0 ? label.substr(LabelPrefix.size()) : label;
        // fastText 0.9.2 returns exp(log(p + 1e-5)), so a certain guess reads 1.00001.
        guesses.push_back({ id, std::clamp(static_cast<double>(probability), 0.0, 1.0) });
    }
    return guesses;
}

} // namespace civicdesk::server
