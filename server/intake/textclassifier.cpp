#include "intake/textclassifier.h"

#include "intake/classifiertraining.h"
#include "intake/textnormalizer.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <fasttext/fasttext.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace civicdesk::server {

namespace {

const std::string LabelPrefix = "__label__";

} // namespace

TextClassifier::TextClassifier()
    : m_model(std::make_unique<fasttext::FastText>())
{
}

TextClassifier::~TextClassifier() = default;

std::unique_ptr<TextClassifier> TextClassifier::load(const std::string &dataDir)
{
    const std::string modelPath = categoryModelPath(dataDir);
    const std::string metadataPath = categoryModelMetadataPath(dataDir);
    if (!Poco::File(modelPath).exists()) {
        throw Poco::FileNotFoundException(
            "category model not found; run the import first", modelPath);
    }
    std::ifstream metadataFile(metadataPath);
    const auto metadata = nlohmann::json::parse(metadataFile, nullptr, false);
    if (!metadata.is_object() || !metadata.contains("modelVersion")) {
        throw Poco::DataFormatException("category model metadata unreadable", metadataPath);
    }

    std::unique_ptr<TextClassifier> classifier(new TextClassifier);
    try {
        classifier->m_model->loadModel(modelPath);
    } catch (const std::exception &error) {
        throw Poco::DataFormatException("category model unreadable: " + modelPath, error.what());
    }
    classifier->m_modelVersion = metadata.at("modelVersion").get<std::string>();
    return classifier;
}

std::vector<CategoryGuess> TextClassifier::predict(const std::string &text, int k) const
{
    std::istringstream line(normalizeText(text) + "\n");
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    m_model->predictLine(line, predictions, k, 0.0);

    std::vector<CategoryGuess> guesses;
    for (const auto &[probability, label] : predictions) {
        const std::string id =
            label.rfind(LabelPrefix, 0) == 0 ? label.substr(LabelPrefix.size()) : label;
        guesses.push_back({ id, static_cast<double>(probability) });
    }
    return guesses;
}

} // namespace civicdesk::server
