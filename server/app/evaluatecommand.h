#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace civicdesk::server {

struct EvaluateOptions
{
    std::string resourceDir;
    std::string reportPath; // docs/benchmarks.md; empty: print only
    std::uint32_t seed = 42; // the split's seed
    double testShare = 0.2;
    // Each learning classifier of the Boston comparison trains once per seed.
    std::vector<std::uint32_t> trainingSeeds { 42, 43, 44, 45, 46 };
    std::string commandLine; // written to the report with the tables
};

/**
 * `civicdesk-server evaluate`: splits the shipped training data 80/20 (stratified, fixed
 * seed), trains the shipped model, its quantised form and fastText with default parameters
 * on the 80%, and scores them and two baselines (keywords, majority class) on the 20%.
 * In the same run it splits the Boston rows alone 80/20 and chooses our parameters by
 * cross-validation of the training part. It then trains ours and the fastText command-line
 * tool (`fasttext supervised -wordNgrams 2 -epoch 25 -thread 1`) once per training seed and
 * compares them with each other and with the baselines, then over stratified folds. A
 * missing tool is reported in the table. Prints Markdown tables to out and writes them under
 * "## Intake classifier" of the report.
 * Throws Poco exceptions.
 */
void runEvaluation(const EvaluateOptions &options, std::ostream &out);

} // namespace civicdesk::server
