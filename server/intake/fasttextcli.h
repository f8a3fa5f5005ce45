#pragma once

#include "intake/classifiertraining.h"

#include <cstdint>
#include <string>
#include <vector>

namespace civicdesk::server {

/** One run of the fastText command-line tool: `supervised` on a train file, then `predict`. */
struct FastTextCliRun
{
    bool available = false; // false when the binary is not on PATH, and error explains it
    std::string arguments; // the options given to `fasttext supervised`, as written to reports
    std::vector<std::string> predicted; // one category per test example, in test order
    double modelMiB = 0;
    std::string error;
};

/** The fastText binary's path found on PATH, or empty when it is not installed. */
std::string findFastTextBinary();

/**
 * Writes train as trainingText writes it with seed, and test as normalised text alone, to a
 * temporary folder. Then runs `BINARY supervised -input TRAIN -output MODEL OPTIONS -seed
 * SEED` and `BINARY predict MODEL TEST` there and returns the predictions. With `-thread 1`
 * in options the same seed gives the same predictions. A run that fails to start or exits
 * with an error sets error instead of throwing. A missing binary leaves available false.
 */
FastTextCliRun runFastTextCli(const std::string &binary, const std::vector<std::string> &options,
    const std::vector<TrainingExample> &train, const std::vector<TrainingExample> &test,
    std::uint32_t seed);

} // namespace civicdesk::server
