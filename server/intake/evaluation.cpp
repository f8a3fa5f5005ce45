#include "intake/evaluation.h"

#include "intake/textnormalizer.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <numeric>
#include <set>
#include <sstream>
#include <stdexcept>

namespace civicdesk::server {

namespace {

/** Fisher-Yates with mt19937, whose output the standard fixes (std::shuffle's is not). */
void shuffle(std::vector<const TrainingExample *> &items, std::mt19937 &random)
{
    for (std::size_t i = items.size(); i > 1; --i) {
        std::swap(items[i - 1], items[random() % i]);
    }
}

double ratio(int part, int whole)
{
    return whole == 0 ? 0.0 : double(part) / whole;
}

Scores scoreSubset(const std::vector<TrainingExample> &test,
    const std::vector<std::string> &predicted, const std::vector<std::string> &labels,
    const std::function<bool(const TrainingExample &)> &keep)
{
    std::vector<std::string> truthPart;
    std::vector<std::string> predictedPart;
    for (std::size_t i = 0; i < test.size(); ++i) {
        if (keep(test[i])) {
            truthPart.push_back(test[i].categoryId);
            predictedPart.push_back(predicted[i]);
        }
    }
    return scorePredictions(truthPart, predictedPart, labels);
}

} // namespace

Split stratifiedSplit(
    const std::vector<TrainingExample> &examples, double testShare, std::uint32_t seed)
{
    std::map<std::string, std::vector<const TrainingExample *>> strata;
    for (const TrainingExample &example : examples) {
        strata[example.categoryId + "/" + example.script].push_back(&example);
    }
    std::mt19937 random(seed);
    Split split;
    for (auto &[key, items] : strata) {
        shuffle(items, random);
        const auto testCount = static_cast<std::size_t>(std::lround(items.size() * testShare));
        for (std::size_t i = 0; i < items.size(); ++i) {
            (i < testCount ? split.test : split.train).push_back(*items[i]);
        }
    }
    return split;
}

std::vector<Split> stratifiedFolds(
    const std::vector<TrainingExample> &examples, int folds, std::uint32_t seed)
{
    std::map<std::string, std::vector<const TrainingExample *>> strata;
    for (const TrainingExample &example : examples) {
        strata[example.categoryId + "/" + example.script].push_back(&example);
    }
    std::mt19937 random(seed);
    std::vector<Split> splits(static_cast<std::size_t>(std::max(folds, 2)));
    int next = 0; // strata continue where the previous one stopped, so folds stay even
    for (auto &[key, items] : strata) {
        shuffle(items, random);
        for (const TrainingExample *item : items) {
            for (std::size_t fold = 0; fold < splits.size(); ++fold) {
                (int(fold) == next ? splits[fold].test : splits[fold].train).push_back(*item);
            }
            next = (next + 1) % int(splits.size());
        }
    }
    return splits;
}

Scores scorePredictions(const std::vector<std::string> &truth,
    const std::vector<std::string> &predicted, const std::vector<std::string> &labels)
{
    Scores scores;
    scores.labels = labels;
    scores.count = static_cast<int>(truth.size());
    int correct = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        ++scores.confusion[truth[i]][predicted[i]];
        correct += truth[i] == predicted[i];
    }
    scores.accuracy = ratio(correct, scores.count);

    double f1Sum = 0;
    for (const std::string &label : labels) {
        int truePositives = 0;
        int predictedCount = 0;
        int support = 0;
        for (std::size_t i = 0; i < truth.size(); ++i) {
            truePositives += truth[i] == label && predicted[i] == label;
            predictedCount += predicted[i] == label;
            support += truth[i] == label;
        }
        ClassScores &c = scores.perClass[label];
        c.support = support;
        c.precision = ratio(truePositives, predictedCount);
        c.recall = ratio(truePositives, support);
        c.f1 = c.precision + c.recall > 0
            ? 2 * c.precision * c.recall / (c.precision + c.recall)
            : 0.0;
        f1Sum += c.f1;
    }
    scores.macroF1 = labels.empty() ? 0.0 : f1Sum / labels.size();
    return scores;
}

KeywordBaseline::KeywordBaseline(const std::vector<TrainingExample> &train)
{
    std::map<std::string, std::map<std::string, int>> wordCounts; // [word][category]
    std::map<std::string, int> categoryCounts;
    for (const TrainingExample &example : train) {
        ++categoryCounts[example.categoryId];
        std::istringstream words(normalizeText(example.text));
        std::set<std::string> seen;
        for (std::string word; words >> word;) {
            if (seen.insert(word).second) {
                ++wordCounts[word][example.categoryId];
            }
        }
    }
    m_majority = std::max_element(categoryCounts.begin(), categoryCounts.end(),
        [](const auto &a, const auto &b) { return a.second < b.second; })->first;

    for (const auto &[word, counts] : wordCounts) {
        int total = 0;
        for (const auto &entry : counts) {
            total += entry.second;
        }
        const auto best = std::max_element(counts.begin(), counts.end(),
            [](const auto &a, const auto &b) { return a.second < b.second; });
        if (total >= 3 && best->second >= 0.6 * total) {
            m_keywordCategory[word] = best->first;
        }
    }
}

std::string KeywordBaseline::predict(const std::string &text) const
{
    std::map<std::string, int> votes;
    std::istringstream words(normalizeText(text));
    for (std::string word; words >> word;) {
        const auto found = m_keywordCategory.find(word);
        if (found != m_keywordCategory.end()) {
            ++votes[found->second];
        }
    }
    if (votes.empty()) {
        return m_majority;
    }
    return std::max_element(votes.begin(), votes.end(),
        [](const auto &a, const auto &b) { return a.second < b.second; })->first;
}

Evaluation evaluate(const std::string &name, const Predictor &predictor,
    const std::vector<TrainingExample> &test, const std::vector<std::string> &labels)
{
    std::vector<std::string> predicted;
    predicted.reserve(test.size());
    for (const TrainingExample &example : test) {
        predicted.push_back(predictor(example.text));
    }
    return evaluatePredictions(name, predicted, test, labels);
}

Evaluation evaluatePredictions(const std::string &name, const std::vector<std::string> &predicted,
    const std::vector<TrainingExample> &test, const std::vector<std::string> &labels)
{
    std::set<std::string> languages;
    std::set<std::string> scripts;
    for (const TrainingExample &example : test) {
        languages.insert(example.language);
        scripts.insert(example.script);
    }

    Evaluation result;
    result.name = name;
    result.overall = scoreSubset(test, predicted, labels, [](const auto &) { return true; });
    for (const std::string &language : languages) {
        result.macroF1ByLanguage[language] = scoreSubset(test, predicted, labels,
            [&](const TrainingExample &e) { return e.language == language; }).macroF1;
    }
    for (const std::string &script : scripts) {
        result.macroF1ByScript[script] = scoreSubset(test, predicted, labels,
            [&](const TrainingExample &e) { return e.script == script; }).macroF1;
    }
    return result;
}

Spread spreadOf(const std::vector<double> &values)
{
    Spread spread;
    if (values.empty()) {
        return spread;
    }
    const double count = double(values.size());
    spread.mean = std::accumulate(values.begin(), values.end(), 0.0) / count;
    const auto [min, max] = std::minmax_element(values.begin(), values.end());
    spread.min = *min;
    spread.max = *max;
    if (values.size() > 1) {
        double squares = 0;
        for (const double value : values) {
            squares += (value - spread.mean) * (value - spread.mean);
        }
        spread.standardDeviation = std::sqrt(squares / (count - 1));
    }
    return spread;
}

SeedRuns evaluateSeeds(const std::vector<std::uint32_t> &seeds, const SeededRun &run)
{
    if (seeds.empty()) {
        throw std::invalid_argument(
            "invalid training seeds: the list is empty. Give at least one seed.");
    }
    std::set<std::uint32_t> seen;
    for (const std::uint32_t seed : seeds) {
        if (!seen.insert(seed).second) {
            throw std::invalid_argument("invalid training seeds: " + std::to_string(seed)
                + " appears twice. Give each seed once.");
        }
    }

    SeedRuns result;
    result.seeds = seeds;
    std::vector<double> macroF1;
    std::vector<double> accuracy;
    for (const std::uint32_t seed : seeds) {
        result.runs.push_back(run(seed));
        macroF1.push_back(result.runs.back().overall.macroF1);
        accuracy.push_back(result.runs.back().overall.accuracy);
    }
    result.macroF1 = spreadOf(macroF1);
    result.accuracy = spreadOf(accuracy);
    return result;
}

} // namespace civicdesk::server
