#pragma once

#include "intake/classifiertraining.h"
#include "intake/evaluation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace civicdesk::server {

/** A named set of hyper-parameters that the search compares. */
struct ParameterCandidate
{
    std::string name;
    HyperParameters parameters;
};

/** A candidate's macro-F1 over the folds and the largest model file it wrote. */
struct CandidateScore
{
    ParameterCandidate candidate;
    Spread macroF1; // over the folds
    double standardError = 0; // macroF1.standardDeviation / sqrt(folds)
    double modelMiB = 0;
};

/** The scores in candidate order and the index of the chosen one. */
struct ParameterSearch
{
    std::vector<CandidateScore> scores;
    std::size_t chosen = 0;
};

/**
 * Lists the candidates the Boston comparison searches: the shipped parameters first, then
 * variations of one or two of them. The search measures each model's size, and
 * chooseCandidate leaves out those over the limit.
 */
std::vector<ParameterCandidate> boundedCandidates();

/** Trains parameters on split.train, scores it on split.test and sets modelMiB. */
Evaluation trainAndEvaluate(const HyperParameters &parameters, const Split &split,
    const std::vector<std::string> &labels, double &modelMiB);

/**
 * Chooses among scored candidates. Candidates whose model exceeds maxModelMiB are left out.
 * The first candidate, the incumbent, is kept unless another one's mean exceeds the
 * incumbent's mean by more than the incumbent's standard error, because a smaller gain is
 * within the noise of the folds. Otherwise the best mean wins. Throws std::invalid_argument
 * when no candidate is within the limit.
 */
std::size_t chooseCandidate(const std::vector<CandidateScore> &scores, double maxModelMiB);

/**
 * Scores each candidate by stratified k-fold cross-validation of train alone (split seed
 * seed) and chooses one with chooseCandidate. The caller passes only its training rows, so
 * held-out rows never influence the choice.
 */
ParameterSearch searchParameters(const std::vector<TrainingExample> &train,
    const std::vector<ParameterCandidate> &candidates, const std::vector<std::string> &labels,
    int folds, std::uint32_t seed, double maxModelMiB);

} // namespace civicdesk::server
