#pragma once

#include "intake/classifiertraining.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace civicdesk::server {

struct Split
{
    std::vector<TrainingExample> train;
    std::vector<TrainingExample> test;
};

/**
 * Splits examples into train and test, stratified by category and script: each stratum is
 * shuffled with a Mersenne Twister seeded with seed and its first testShare (rounded) goes
 * to test. The same examples and seed give the same split on every platform.
 */
Split stratifiedSplit(
    const std::vector<TrainingExample> &examples, double testShare, std::uint32_t seed);

/**
 * Splits examples into folds parts, stratified like stratifiedSplit: each stratum is
 * shuffled with seed and dealt round the folds. Fold i tests on part i and trains on the
 * rest. Returns max(folds, 2) splits.
 */
std::vector<Split> stratifiedFolds(
    const std::vector<TrainingExample> &examples, int folds, std::uint32_t seed);

struct ClassScores
{
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    int support = 0;
};

/** Precision, recall and F1 per category, their macro average and the confusion matrix. */
struct Scores
{
    std::vector<std::string> labels;
    std::map<std::string, ClassScores> perClass;
    std::map<std::string, std::map<std::string, int>> confusion; // [truth][predicted]
    double macroF1 = 0;
    double accuracy = 0;
    int count = 0;
};

/** Scores predictions against truth; labels are the categories to average over. */
Scores scorePredictions(const std::vector<std::string> &truth,
    const std::vector<std::string> &predicted, const std::vector<std::string> &labels);

/**
 * The keyword baseline: each normalised word seen at least 3 times votes for the category it
 * appears in most often, when at least 60% of its uses are in that category. The category
 * with most votes wins; with no votes, the most frequent category of the training data.
 */
class KeywordBaseline
{
public:
    explicit KeywordBaseline(const std::vector<TrainingExample> &train);

    std::string predict(const std::string &text) const;

    const std::string &majorityCategory() const { return m_majority; }

private:
    std::map<std::string, std::string> m_keywordCategory;
    std::string m_majority;
};

/** A classifier under evaluation: text in, category out. */
using Predictor = std::function<std::string(const std::string &text)>;

/** The scores of one classifier on the test set, overall and per language and script. */
struct Evaluation
{
    std::string name;
    Scores overall;
    std::map<std::string, double> macroF1ByLanguage;
    std::map<std::string, double> macroF1ByScript;
};

/** Scores predictor on test, overall and per language and script. */
Evaluation evaluate(const std::string &name, const Predictor &predictor,
    const std::vector<TrainingExample> &test, const std::vector<std::string> &labels);

/** The same for predictions made elsewhere: predicted[i] is the guess for test[i]. */
Evaluation evaluatePredictions(const std::string &name, const std::vector<std::string> &predicted,
    const std::vector<TrainingExample> &test, const std::vector<std::string> &labels);

/** Mean, sample standard deviation (divisor n - 1), minimum and maximum of some values. */
struct Spread
{
    double mean = 0;
    double standardDeviation = 0; // 0 for fewer than two values
    double min = 0;
    double max = 0;
};

/** Returns the spread of values; all fields are 0 when values is empty. */
Spread spreadOf(const std::vector<double> &values);

/** One classifier trained and scored once per training seed on the same split. */
struct SeedRuns
{
    std::vector<std::uint32_t> seeds;
    std::vector<Evaluation> runs; // runs[i] was trained with seeds[i]
    Spread macroF1;
    Spread accuracy;
};

/** A classifier's training and scoring with one training seed. */
using SeededRun = std::function<Evaluation(std::uint32_t seed)>;

/**
 * Calls run once for each seed, in the order given, and returns the evaluations with the
 * spread of their macro-F1 and accuracy. Exceptions from run propagate. Throws
 * std::invalid_argument when seeds is empty or repeats a seed, because a repeated seed would
 * count one training twice and shrink the spread.
 */
SeedRuns evaluateSeeds(const std::vector<std::uint32_t> &seeds, const SeededRun &run);

} // namespace civicdesk::server
