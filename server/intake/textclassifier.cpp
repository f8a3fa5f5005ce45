#include "intake/textclassifier.h"

#include "intake/classifiertraining.h"
#include "intake/textnormalizer.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <fasttext/fasttext.h>
#include <algorithm>
#include <cmath>
#include <sstream>

namespace civicdesk::server {

namespace {

const std::string LabelPrefix = "__label__";

// Dictionary::addWordNgrams's multiplier (fastText 0.9.2, src/dictionary.cc).
constexpr std::uint64_t NgramMultiplier = 116049371;

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
    classifier->cacheModelShape();
    return classifier;
}

void TextClassifier::cacheModelShape()
{
    const auto dictionary = m_model->getDictionary();
    const fasttext::Args args = m_model->getArgs();
    m_categoryIds.clear();
    for (int i = 0; i < dictionary->nlabels(); ++i) {
        const std::string label = dictionary->getLabel(i);
        m_categoryIds.push_back(
            label.rfind(LabelPrefix, 0) == 0 ? label.substr(LabelPrefix.size()) : label);
    }
    m_wordNgrams = args.wordNgrams;
    m_buckets = args.bucket;
    m_maxn = args.maxn;
    // isPruned only reads, but fastText 0.9.2 does not declare it const.
    const bool pruned = const_cast<fasttext::Dictionary &>(*dictionary).isPruned();
    m_streamOnly = pruned || (m_wordNgrams > 1 && m_buckets <= 0);
}

std::vector<int> TextClassifier::inputIds(const std::string &normalized) const
{
    const auto dictionary = m_model->getDictionary();
    std::vector<int> ids;
    std::vector<std::int32_t> hashes;
    std::string token;
    std::size_t start = 0;
    bool last = false;
    while (!last) {
        // The tokens, then fastText's end-of-line token, which its getLine adds too.
        const std::size_t end = std::min(normalized.find(' ', start), normalized.size());
        last = start >= normalized.size();
        if (last) {
            token = fasttext::Dictionary::EOS;
        } else {
            token.assign(normalized, start, end - start);
            start = end + 1;
        }
        if (token.empty() || token.rfind(LabelPrefix, 0) == 0) {
            continue; // a run of spaces, or a label, which prediction ignores
        }
        const std::uint32_t h = dictionary->hash(token);
        const int id = dictionary->getId(token, h);
        if (id >= 0 && m_maxn <= 0) {
            ids.push_back(id);
        } else if (id >= 0) {
            const auto &subwords = dictionary->getSubwords(id);
            ids.insert(ids.end(), subwords.begin(), subwords.end());
        } else if (!last) {
            dictionary->computeSubwords(
                fasttext::Dictionary::BOW + token + fasttext::Dictionary::EOW, ids);
        }
        hashes.push_back(static_cast<std::int32_t>(h));
    }
    const int words = dictionary->nwords();
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        auto h = static_cast<std::uint64_t>(static_cast<std::int64_t>(hashes[i]));
        for (std::size_t j = i + 1; j < hashes.size() && j < i + m_wordNgrams; ++j) {
            h = h * NgramMultiplier + static_cast<std::uint64_t>(static_cast<std::int64_t>(hashes[j]));
            ids.push_back(words + static_cast<int>(h % static_cast<std::uint64_t>(m_buckets)));
        }
    }
    return ids;
}

std::vector<CategoryGuess> TextClassifier::predict(const std::string &text, int k) const
{
    return predictNormalized(normalizeText(text), k);
}

std::vector<CategoryGuess> TextClassifier::predictNormalized(
    const std::string &normalized, int k) const
{
    std::vector<CategoryGuess> guesses;
    if (!m_streamOnly) {
        fasttext::Predictions predictions;
        m_model->predict(k, inputIds(normalized), predictions, 0.0);
        guesses.reserve(predictions.size());
        for (const auto &[logProbability, label] : predictions) {
            // fastText 0.9.2 returns log(p + 1e-5), so a certain guess reads 1.00001.
            const double probability = std::exp(static_cast<double>(logProbability));
            guesses.push_back({ m_categoryIds[static_cast<std::size_t>(label)],
                std::clamp(probability, 0.0, 1.0) });
        }
        return guesses;
    }

    std::istringstream line(normalized + "\n");
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    m_model->predictLine(line, predictions, k, 0.0);
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
