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
#include <fasttext/fasttext.h>
#include <iostream>
#include <sstream>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

constexpr int Rounds = 5;
const std::string CreatedAt = "2026-01-15T10:00:00.000Z";

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::map<std::string, double> categoryWeights(const std::vector<Category> &categories)
{
    std::map<std::string, double> weights;
    for (const Category &category : categories) {
        weights[category.id] = category.weight;
    }
    return weights;
}

/** Runs the whole decision path over texts, Rounds times; returns requests per second. */
double decisionRate(const DecisionMaker &decisions, const std::vector<std::string> &texts,
    const std::vector<std::string> &regions, std::size_t &checksum)
{
    const auto start = Clock::now();
    for (int round = 0; round < Rounds; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const IntakeDecision decision =
                decisions.decide(texts[i], {}, regions[i % regions.size()], CreatedAt);
            checksum += decision.route.teamId.size() + decision.candidates.size();
        }
    }
    return Rounds * texts.size() / secondsSince(start);
}

/** normalizeText alone over texts, Rounds times; returns requests per second. */
double normalizeRate(const std::vector<std::string> &texts, std::size_t &checksum)
{
    const auto start = Clock::now();
    for (int round = 0; round < Rounds; ++round) {
        for (const std::string &text : texts) {
            checksum += normalizeText(text).size();
        }
    }
    return Rounds * texts.size() / secondsSince(start);
}

/** fastText's predictLine with k=3 on the already normalised texts; requests per second. */
double fastTextRate(const fasttext::FastText &model, const std::vector<std::string> &normalized,
    std::size_t &checksum)
{
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    const auto start = Clock::now();
    for (int round = 0; round < Rounds; ++round) {
        for (const std::string &text : normalized) {
            std::istringstream line(text + "\n");
            model.predictLine(line, predictions, 3, 0.0);
            checksum += predictions.size();
        }
    }
    return Rounds * normalized.size() / secondsSince(start);
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
    const DecisionMaker decisions(*classifier, Router(reference.rules, reference.teams),
        PriorityCalculator(categoryWeights(reference.categories), reference.regionWeights), {});

    std::size_t checksum = 0;
    decisionRate(decisions, texts, regions, checksum); // warm-up
    const double ours = decisionRate(decisions, texts, regions, checksum);
    const double theirs = fastTextRate(model, normalized, checksum);
    const double normalizing = normalizeRate(texts, checksum);

    std::ostringstream table;
    table << "Produced by `tests/bench/run BUILD_DIR` (bench_intake, " << CIVICDESK_BUILD_TYPE
          << " build): " << texts.size() << " shipped request texts, " << Rounds
          << " rounds after one warm-up round, one thread, model " << trained.modelVersion
          << ". The decision path is normalise + classify (top 3) + threshold + route + "
             "prioritise; fastText's own predict is predictLine (k=3) on the already "
             "normalised text, so the ratio is the cost of everything around the model.\n\n"
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
