#include "intake/parametersearch.h"

#include "intake/textclassifier.h"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace civicdesk::server {

std::vector<ParameterCandidate> boundedCandidates()
{
    const HyperParameters shipped = HyperParameters::shipped();
    std::vector<ParameterCandidate> candidates;
    candidates.push_back(
        { "shipped: dim 50, lr 0.5, epoch 25, wordNgrams 2, bucket 50000", shipped });
    HyperParameters p = shipped;
    p.bucket = 200000;
    candidates.push_back({ "shipped with bucket 200000", p });
    p = shipped;
    p.lr = 0.25;
    p.epoch = 40;
    candidates.push_back({ "shipped with lr 0.25, epoch 40", p });
    p = shipped;
    p.dim = 100;
    p.lr = 0.1;
    p.bucket = 100000;
    candidates.push_back({ "the tool's dim 100 and lr 0.1, bucket 100000", p });
    p = shipped;
    p.wordNgrams = 3;
    p.bucket = 200000;
    candidates.push_back({ "shipped with wordNgrams 3, bucket 200000", p });
    p = shipped;
    p.wordNgrams = 1;
    p.bucket = 0; // no n-grams, so fastText keeps no hash buckets
    candidates.push_back({ "shipped with unigrams only", p });
    return candidates;
}

Evaluation trainAndEvaluate(const HyperParameters &parameters, const Split &split,
    const std::vector<std::string> &labels, double &modelMiB)
{
    Poco::TemporaryFile modelFile;
    trainModel(split.train, parameters, modelFile.path());
    modelMiB = Poco::File(modelFile.path()).getSize() / (1024.0 * 1024.0);
    const auto classifier = TextClassifier::loadFile(modelFile.path(), "candidate");
    return evaluate(
        "candidate",
        [&](const std::string &text) {
            const auto guesses = classifier->predict(text, 1);
            return guesses.empty() ? std::string("other") : guesses.front().categoryId;
        },
        split.test, labels);
}

std::size_t chooseCandidate(const std::vector<CandidateScore> &scores, double maxModelMiB)
{
    std::vector<std::size_t> allowed;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (scores[i].modelMiB <= maxModelMiB) {
            allowed.push_back(i);
        }
    }
    if (allowed.empty()) {
        throw std::invalid_argument("no parameter candidate has a model within the limit of "
            + std::to_string(maxModelMiB)
            + " MiB. Add a candidate with fewer buckets or a "
              "smaller dim.");
    }

    const std::size_t best =
        *std::max_element(allowed.begin(), allowed.end(), [&](std::size_t a, std::size_t b) {
            return scores[a].macroF1.mean < scores[b].macroF1.mean;
        });
    if (allowed.front() != 0) {
        return best;
    }
    const CandidateScore &incumbent = scores.front();
    const double gain = scores[best].macroF1.mean - incumbent.macroF1.mean;
    return gain > incumbent.standardError ? best : 0;
}

ParameterSearch searchParameters(const std::vector<TrainingExample> &train,
    const std::vector<ParameterCandidate> &candidates, const std::vector<std::string> &labels,
    int folds, std::uint32_t seed, double maxModelMiB)
{
    const std::vector<Split> splits = stratifiedFolds(train, folds, seed);
    ParameterSearch search;
    for (const ParameterCandidate &candidate : candidates) {
        CandidateScore score { candidate, {}, 0, 0 };
        std::vector<double> macroF1;
        for (const Split &split : splits) {
            double modelMiB = 0;
            macroF1.push_back(
                trainAndEvaluate(candidate.parameters, split, labels, modelMiB).overall.macroF1);
            score.modelMiB = std::max(score.modelMiB, modelMiB);
        }
        score.macroF1 = spreadOf(macroF1);
        score.standardError = score.macroF1.standardDeviation / std::sqrt(double(splits.size()));
        search.scores.push_back(score);
    }
    search.chosen = chooseCandidate(search.scores, maxModelMiB);
    return search;
}

} // namespace civicdesk::server
