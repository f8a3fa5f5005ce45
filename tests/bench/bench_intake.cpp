// Decision-path benchmark: normalise, classify, route and prioritise the shipped request
// texts on one thread with no I/O, and time fastText's own predict on the same texts in the
// same run. Usage: bench_intake [REPORT.md]; with a report path the table is written under
// "## Intake classifier" of that file.
#include "importer/referencedata.h"
#include "intake/classifiertraining.h"
#include "intake/decision.h"
#include "intake/reportsection.h"
#include "intake/textnormalizer.h"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <fasttext/fasttext.h>
#include <iostream>
#include <sstream>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

constexpr int Rounds = 10;
const std::string CreatedAt = "2026-01-15T10:00:00.000Z";

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/** Runs the whole decision path over texts once; returns the seconds it took. */
double decisionPass(const DecisionMaker &decisions, const std::vector<std::string> &texts,
    const std::vector<std::string> &regions, std::size_t &checksum)
{
    const auto start = Clock::now();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const RouteRequest place { {}, {}, regions[i % regions.size()], {}, {}, CreatedAt };
        const IntakeDecision decision = decisions.decide(texts[i], {}, place);
        checksum += decision.route.teamId.size() + decision.candidates.size();
    }
    return secondsSince(start);
}

/** normalizeText alone over texts once; returns the seconds it took. */
double normalizePass(const std::vector<std::string> &texts, std::size_t &checksum)
{
    const auto start = Clock::now();
    for (const std::string &text : texts) {
        checksum += normalizeText(text).size();
    }
    return secondsSince(start);
}

/** fastText's predictLine with k=3 on the already normalised texts once; returns seconds. */
double fastTextPass(const fasttext::FastText &model, const std::vector<std::string> &normalized,
    std::size_t &checksum)
{
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    const auto start = Clock::now();
    for (const std::string &text : normalized) {
        std::istringstream line(text + "\n");
        model.predictLine(line, predictions, 3, 0.0);
        checksum += predictions.size();
    }
    return secondsSince(start);
}

/** The 1-minute load average from /proc/loadavg, or "unknown" where there is none. */
std::string loadAverage()
{
    std::ifstream input("/proc/loadavg");
    std::string value;
    return input >> value ? value : std::string("unknown");
}

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string resources = CIVICDESK_RESOURCE_DIR;
    const ReferenceData reference = loadReferenceData(resources);
    const auto examples = loadTrainingExamples(resources);

    Poco::TemporaryFile dataDir;
    Poco::File(dataDir.path()).createDirectories();
    const TrainingReport trained = ensureCategoryModel(resources, dataDir.path());
    const auto classifier = TextClassifier::load(dataDir.path(), trained.modelVersion);
    fasttext::FastText model;
    model.loadModel(trained.modelPath);

    std::vector<std::string> texts;
    std::vector<std::string> normalized;
    for (const TrainingExample &example : examples) {
        texts.push_back(example.text);
        normalized.push_back(normalizeText(example.text));
    }
    std::vector<std::string> regions;
    for (const Region &region : reference.regions) {
        regions.push_back(region.id);
    }
    const DecisionMaker decisions(*classifier, Router(reference.rules, reference.teams), {});

    // The three measures alternate round by round, so that a change in the machine's load
    // during the run affects them alike.
    std::size_t checksum = 0;
    decisionPass(decisions, texts, regions, checksum); // warm-up
    fastTextPass(model, normalized, checksum);
    double decisionSeconds = 0;
    double fastTextSeconds = 0;
    double normalizeSeconds = 0;
    for (int round = 0; round < Rounds; ++round) {
        decisionSeconds += decisionPass(decisions, texts, regions, checksum);
        fastTextSeconds += fastTextPass(model, normalized, checksum);
        normalizeSeconds += normalizePass(texts, checksum);
    }
    const double requests = double(Rounds) * texts.size();
    const double ours = requests / decisionSeconds;
    const double theirs = requests / fastTextSeconds;
    const double normalizing = requests / normalizeSeconds;

    std::ostringstream table;
    table << "Produced by `tests/bench/run BUILD_DIR` (bench_intake, " << CIVICDESK_BUILD_TYPE
          << " build): " << texts.size() << " shipped request texts, " << Rounds
          << " rounds after one warm-up round (the measures alternate round by round), one "
             "thread, model " << trained.modelVersion
          << ". The decision path is normalise + classify (top 3) + threshold + route (the "
             "store scores priority when it writes the case, so it is not timed here); "
             "fastText's own predict is predictLine (k=3) on the already "
             "normalised text, so the ratio is the cost of everything around the model. "
             "Load average when the run ended: "
          << loadAverage() << ".\n\n"
          << "| measure | requests/s | µs/request |\n| --- | --- | --- |\n"
          << "| decision path | " << fixed(ours, 0) << " | " << fixed(1e6 / ours, 1) << " |\n"
          << "| fastText predict only | " << fixed(theirs, 0) << " | " << fixed(1e6 / theirs, 1)
          << " |\n| normalisation only (part of the decision path) | " << fixed(normalizing, 0)
          << " | " << fixed(1e6 / normalizing, 1) << " |\n\nRatio of time per request, decision path / fastText predict: "
          << fixed(theirs / ours, 2) << " (target ≤ 1.5; target rate ≥ 20,000 requests/s).\n";
    std::cout << table.str() << "(checksum " << checksum << ")\n";
    if (argc > 1) {
        writeIntakeReportSection(argv[1], "Decision-path speed", table.str());
    }
    return 0;
}
