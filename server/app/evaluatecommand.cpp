#include "app/evaluatecommand.h"

#include "intake/evaluation.h"
#include "intake/fasttextcli.h"
#include "intake/parametersearch.h"
#include "intake/reportsection.h"
#include "intake/textclassifier.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>

namespace civicdesk::server {

namespace {

// The fastText tool's options for the Boston comparison: the ones that gave it its best
// score on this data (docs/benchmarks.md), with its own defaults for the rest.
// -thread 1 makes a run repeatable for a given -seed (runFastTextCli adds -seed).
const std::vector<std::string> CliOptions { "-wordNgrams", "2", "-epoch", "25", "-thread", "1",
    "-verbose", "0" };
constexpr int CrossValidationFolds = 5;
// The limit on a shipped model file: 50 MB.
constexpr double MaxModelMiB = 50e6 / (1024.0 * 1024.0);

std::string fixed(double value, int decimals = 3)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string plusMinus(const Spread &spread)
{
    return fixed(spread.mean) + " ± " + fixed(spread.standardDeviation);
}

std::string joinedOptions()
{
    std::string text;
    for (const std::string &option : CliOptions) {
        text += (text.empty() ? "" : " ") + option;
    }
    return text;
}

/** The resident set size of this process in MiB, from /proc/self/status (0 elsewhere). */
double residentMiB()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stod(line.substr(6)) / 1024.0;
        }
    }
    return 0;
}

struct ModelRun
{
    Evaluation evaluation;
    double sizeMiB = 0;
    double rssMiB = 0; // growth of the process when the model was loaded
};

ModelRun evaluateFastText(const std::string &name, const HyperParameters &parameters,
    const Split &split, const std::vector<std::string> &labels)
{
    Poco::TemporaryFile modelFile;
    trainModel(split.train, parameters, modelFile.path());

    ModelRun run;
    run.sizeMiB = Poco::File(modelFile.path()).getSize() / (1024.0 * 1024.0);
    const double before = residentMiB();
    const auto classifier = TextClassifier::loadFile(modelFile.path(), name);
    run.rssMiB = residentMiB() - before;
    run.evaluation = evaluate(name, [&](const std::string &text) {
        const auto guesses = classifier->predict(text, 1);
        return guesses.empty() ? std::string("other") : guesses.front().categoryId;
    }, split.test, labels);
    return run;
}

std::string summaryTable(const std::vector<ModelRun> &runs)
{
    std::ostringstream out;
    out << "| classifier | macro-F1 | accuracy | el | en | greek | greek_noaccents | greeklish "
           "| english | model MiB | RSS MiB |\n"
        << "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    for (const ModelRun &run : runs) {
        const Evaluation &e = run.evaluation;
        out << "| " << e.name << " | " << fixed(e.overall.macroF1) << " | "
            << fixed(e.overall.accuracy);
        for (const char *language : { "el", "en" }) {
            out << " | " << fixed(e.macroF1ByLanguage.count(language) ? e.macroF1ByLanguage.at(language) : 0);
        }
        for (const char *script : { "greek", "greek_noaccents", "greeklish", "english" }) {
            out << " | " << fixed(e.macroF1ByScript.count(script) ? e.macroF1ByScript.at(script) : 0);
        }
        out << " | " << (run.sizeMiB > 0 ? fixed(run.sizeMiB, 1) : "-") << " | "
            << (run.rssMiB > 0.05 ? fixed(run.rssMiB, 1) : "-") << " |\n";
    }
    return out.str();
}

std::string perClassTable(const Evaluation &e)
{
    std::ostringstream out;
    out << "Per category, " << e.name << ":\n\n"
        << "| category | precision | recall | F1 | support |\n| --- | --- | --- | --- | --- |\n";
    for (const std::string &label : e.overall.labels) {
        const ClassScores &c = e.overall.perClass.at(label);
        out << "| " << label << " | " << fixed(c.precision) << " | " << fixed(c.recall) << " | "
            << fixed(c.f1) << " | " << c.support << " |\n";
    }
    out << "| macro | | | " << fixed(e.overall.macroF1) << " | " << e.overall.count << " |\n";
    return out.str();
}

std::string confusionTable(const Evaluation &e)
{
    std::ostringstream out;
    out << "Confusion matrix, " << e.name << " (rows: true category, columns: predicted):\n\n|  |";
    for (const std::string &label : e.overall.labels) {
        out << " " << label << " |";
    }
    out << "\n| ---" << std::string() ;
    for (std::size_t i = 0; i < e.overall.labels.size(); ++i) {
        out << " | ---";
    }
    out << " |\n";
    for (const std::string &truth : e.overall.labels) {
        out << "| " << truth << " |";
        const auto row = e.overall.confusion.find(truth);
        for (const std::string &predicted : e.overall.labels) {
            int count = 0;
            if (row != e.overall.confusion.end() && row->second.count(predicted)) {
                count = row->second.at(predicted);
            }
            out << " " << count << " |";
        }
        out << "\n";
    }
    return out.str();
}

/** Returns the shipped parameters with the given training seed. */
HyperParameters shippedWithSeed(std::uint32_t seed)
{
    HyperParameters parameters = HyperParameters::shipped();
    parameters.seed = static_cast<int>(seed);
    return parameters;
}

/** Runs the tool once on split and scores it. Throws Poco::RuntimeException when it fails. */
Evaluation cliEvaluation(const std::string &binary, const Split &split,
    const std::vector<std::string> &labels, std::uint32_t seed, double &modelMiB)
{
    const FastTextCliRun cli = runFastTextCli(binary, CliOptions, split.train, split.test, seed);
    if (!cli.error.empty()) {
        throw Poco::RuntimeException("seed " + std::to_string(seed) + ": " + cli.error);
    }
    modelMiB = cli.modelMiB;
    return evaluatePredictions("fastText CLI", cli.predicted, split.test, labels);
}

/**
 * Our training and the fastText tool on every fold of a stratified k-fold split of the same
 * rows, each trained once with seed. The folds test every row once, where one 80/20 split
 * tests a fifth of them. Returns an empty table, with a line in notes, when the tool fails.
 */
std::string crossValidationTable(const std::string &binary, const std::vector<TrainingExample> &rows,
    const std::vector<std::string> &labels, std::uint32_t seed, std::string &notes)
{
    const std::vector<Split> folds = stratifiedFolds(rows, CrossValidationFolds, seed);
    std::ostringstream out;
    out << "| fold | test rows | ours macro-F1 | fastText CLI macro-F1 | ours minus CLI |\n"
        << "| --- | --- | --- | --- | --- |\n";
    std::vector<double> ours;
    std::vector<double> tool;
    int oursAhead = 0;
    for (std::size_t i = 0; i < folds.size(); ++i) {
        double modelMiB = 0;
        try {
            tool.push_back(cliEvaluation(binary, folds[i], labels, seed, modelMiB).overall.macroF1);
        } catch (const Poco::Exception &error) {
            notes += "- cross-validation stopped at fold " + std::to_string(i + 1) + ": "
                + error.message() + "\n";
            return {};
        }
        ours.push_back(evaluateFastText("ours", shippedWithSeed(seed), folds[i], labels)
                           .evaluation.overall.macroF1);
        oursAhead += ours.back() >= tool.back() ? 1 : 0;
        out << "| " << i + 1 << " | " << folds[i].test.size() << " | " << fixed(ours.back())
            << " | " << fixed(tool.back()) << " | " << fixed(ours.back() - tool.back()) << " |\n";
    }
    const Spread oursSpread = spreadOf(ours);
    const Spread toolSpread = spreadOf(tool);
    out << "| mean ± sd | " << rows.size() << " | " << plusMinus(oursSpread) << " | "
        << plusMinus(toolSpread) << " | " << fixed(oursSpread.mean - toolSpread.mean) << " |\n\n"
        << "Ours is at least as good as the tool on " << oursAhead << " of " << folds.size()
        << " folds.\n";
    return out.str();
}

/** Formats one row per training seed with each side's macro-F1 and their difference. */
std::string seedTable(const SeedRuns &ours, const SeedRuns &tool)
{
    std::ostringstream out;
    out << "| training seed | ours macro-F1 | fastText CLI macro-F1 | ours minus CLI |\n"
        << "| --- | --- | --- | --- |\n";
    for (std::size_t i = 0; i < ours.seeds.size(); ++i) {
        const double oursF1 = ours.runs[i].overall.macroF1;
        const double toolF1 = tool.runs[i].overall.macroF1;
        out << "| " << ours.seeds[i] << " | " << fixed(oursF1) << " | " << fixed(toolF1) << " | "
            << fixed(oursF1 - toolF1) << " |\n";
    }
    return out.str();
}

/** A row of the Boston summary: a classifier's spread over its training seeds. */
struct SpreadRow
{
    std::string name;
    std::size_t seeds = 0; // 0: the classifier has no training seed
    Spread macroF1;
    Spread accuracy;
    double modelMiB = 0;
};

SpreadRow spreadRow(const std::string &name, const SeedRuns &runs, double modelMiB)
{
    return { name, runs.seeds.size(), runs.macroF1, runs.accuracy, modelMiB };
}

SpreadRow fixedRow(const std::string &name, const Evaluation &evaluation)
{
    const Scores &scores = evaluation.overall;
    return { name, 0, spreadOf({ scores.macroF1 }), spreadOf({ scores.accuracy }), 0 };
}

std::string spreadTable(const std::vector<SpreadRow> &rows)
{
    std::ostringstream out;
    out << "| classifier | runs | macro-F1 mean ± sd | macro-F1 min to max | accuracy mean ± sd "
           "| model MiB |\n| --- | --- | --- | --- | --- | --- |\n";
    for (const SpreadRow &row : rows) {
        const bool seeded = row.seeds > 0;
        out << "| " << row.name << " | " << (seeded ? std::to_string(row.seeds) : "1, no seed")
            << " | " << (seeded ? plusMinus(row.macroF1) : fixed(row.macroF1.mean)) << " | "
            << (seeded ? fixed(row.macroF1.min) + " to " + fixed(row.macroF1.max) : "-")
            << " | " << (seeded ? plusMinus(row.accuracy) : fixed(row.accuracy.mean)) << " | "
            << (row.modelMiB > 0 ? fixed(row.modelMiB, 1) : "-") << " |\n";
    }
    return out.str();
}

/**
 * States whether ours meets the target on the seed means, with the difference and its standard
 * error, sqrt(sd_ours^2 / n + sd_tool^2 / n), so a reader sees whether the gap exceeds noise.
 */
std::string verdict(const SeedRuns &ours, const SeedRuns &tool, const Evaluation &keywords)
{
    const double difference = ours.macroF1.mean - tool.macroF1.mean;
    const double count = double(ours.seeds.size());
    const double standardError = std::sqrt(
        (ours.macroF1.standardDeviation * ours.macroF1.standardDeviation
            + tool.macroF1.standardDeviation * tool.macroF1.standardDeviation)
        / count);
    int oursAhead = 0;
    for (std::size_t i = 0; i < ours.runs.size(); ++i) {
        oursAhead += ours.runs[i].overall.macroF1 >= tool.runs[i].overall.macroF1 ? 1 : 0;
    }
    std::ostringstream out;
    out << "Mean macro-F1, ours minus the tool: " << fixed(difference) << " (standard error "
        << fixed(standardError) << "); ours is at least as good on " << oursAhead << " of "
        << ours.seeds.size() << " seeds. Ours minus the keyword baseline: "
        << fixed(ours.macroF1.mean - keywords.overall.macroF1) << ". Target (ours' mean at "
        << "least the tool's, and above the keyword baseline): "
        << (difference >= 0 && ours.macroF1.mean > keywords.overall.macroF1 ? "met" : "not met")
        << ".\n";
    return out.str();
}

std::string searchTable(const ParameterSearch &search)
{
    std::ostringstream out;
    out << "| parameters | macro-F1 over folds, mean ± sd | standard error | model MiB | chosen |\n"
        << "| --- | --- | --- | --- | --- |\n";
    for (std::size_t i = 0; i < search.scores.size(); ++i) {
        const CandidateScore &score = search.scores[i];
        out << "| " << score.candidate.name << " | " << plusMinus(score.macroF1) << " | "
            << fixed(score.standardError) << " | " << fixed(score.modelMiB, 1)
            << (score.modelMiB > MaxModelMiB ? " (over the limit)" : "") << " | "
            << (i == search.chosen ? "yes" : "") << " |\n";
    }
    return out.str();
}

std::string seedList(const std::vector<std::uint32_t> &seeds)
{
    std::string text;
    for (const std::uint32_t seed : seeds) {
        text += (text.empty() ? "" : ", ") + std::to_string(seed);
    }
    return text;
}

std::string bostonIntroduction(const EvaluateOptions &options, std::size_t rows,
    const Split &split, const std::string &binary)
{
    std::ostringstream out;
    out << "Produced by `" << options.commandLine << "` in the same run: the " << rows
        << " Boston 311 citizen-written rows alone, stratified by category, " << split.train.size()
        << " to train and " << split.test.size() << " to test, split seed " << options.seed
        << ". The fastText command-line tool (`" << (binary.empty() ? "fasttext" : binary)
        << "`) trains on exactly the rows we train on and predicts exactly our test rows, "
           "both written as our normalised text. Ours and the tool each train once per "
           "training seed ("
        << seedList(options.trainingSeeds)
        << "). The seed orders the training rows and seeds fastText's random numbers "
           "(`-seed`), and both train with one thread, so each run repeats exactly. With "
           "one thread the tool's result can differ from that of its default 12 threads, "
           "which changes from run to run. The standard deviation is the "
           "sample one (divisor n - 1).\n\n";
    return out.str();
}

std::string searchSection(const ParameterSearch &search, const Split &split, std::uint32_t seed)
{
    std::ostringstream out;
    out << "Our parameters were chosen by " << CrossValidationFolds
        << "-fold stratified cross-validation of the " << split.train.size()
        << " training rows alone (fold seed " << seed << ", training seed "
        << HyperParameters::shipped().seed
        << "), so the test rows played no part. A candidate replaces the "
           "shipped parameters only when its mean beats theirs by more than their standard "
           "error (sd / sqrt(folds)). Its model file must also be at most 50 MB. fastText "
           "holds the whole model in memory, so the process grows by about the file's "
           "size.\n\n"
        << searchTable(search);
    return out.str();
}

std::string foldSection(const std::string &folds, std::uint32_t seed)
{
    std::ostringstream out;
    out << "\nThe same comparison over " << CrossValidationFolds
        << " stratified folds of all the Boston rows (split seed " << seed << ", training seed "
        << seed
        << "): each fold trains both on the other four fifths and tests on its own, "
           "so every row is tested once. Ours keeps the shipped parameters here, "
           "because the search above saw the rows these folds test.\n\n"
        << folds;
    return out.str();
}

/** Trains candidate once per training seed on split and sets modelMiB. */
SeedRuns candidateSeedRuns(const ParameterCandidate &candidate, const Split &split,
    const std::vector<std::string> &labels, const std::vector<std::uint32_t> &seeds,
    double &modelMiB)
{
    return evaluateSeeds(seeds, [&](std::uint32_t seed) {
        HyperParameters parameters = candidate.parameters;
        parameters.seed = static_cast<int>(seed);
        return trainAndEvaluate(parameters, split, labels, modelMiB);
    });
}

/**
 * The Boston-only comparison: our training and the fastText command-line tool on the same
 * stratified 80/20 split of the Boston 311 rows, each trained once per training seed, with
 * the two baselines; then both over stratified folds.
 */
std::string bostonComparison(const EvaluateOptions &options,
    const std::vector<TrainingExample> &examples, const std::vector<std::string> &labels)
{
    std::vector<TrainingExample> boston;
    std::copy_if(examples.begin(), examples.end(), std::back_inserter(boston),
        [](const TrainingExample &e) { return e.language == "en"; });
    const Split split = stratifiedSplit(boston, options.testShare, options.seed);

    const ParameterCandidate shipped { "shipped parameters", HyperParameters::shipped() };
    double oursMiB = 0;
    const SeedRuns ours = candidateSeedRuns(shipped, split, labels, options.trainingSeeds, oursMiB);
    const KeywordBaseline keywords(split.train);
    const Evaluation keywordRun = evaluate("keyword baseline",
        [&](const std::string &text) { return keywords.predict(text); }, split.test, labels);
    const Evaluation majorityRun = evaluate("majority",
        [&](const std::string &) { return keywords.majorityCategory(); }, split.test, labels);

    const std::string binary = findFastTextBinary();
    std::string notes;
    std::optional<SeedRuns> tool;
    double toolMiB = 0;
    try {
        tool = evaluateSeeds(options.trainingSeeds, [&](std::uint32_t seed) {
            return cliEvaluation(binary, split, labels, seed, toolMiB);
        });
    } catch (const Poco::Exception &error) {
        notes += "- fastText CLI: not measured, " + error.message() + "\n";
    }

    const ParameterSearch search = searchParameters(split.train, boundedCandidates(), labels,
        CrossValidationFolds, options.seed, MaxModelMiB);
    const ParameterCandidate &chosen = search.scores[search.chosen].candidate;
    double chosenMiB = oursMiB;
    const SeedRuns chosenRuns = search.chosen == 0
        ? ours
        : candidateSeedRuns(chosen, split, labels, options.trainingSeeds, chosenMiB);

    const std::string chosenName = search.chosen == 0
        ? std::string("ours (shipped parameters)")
        : "ours (" + chosen.name + ", chosen by cross-validation)";
    std::vector<SpreadRow> rows { spreadRow("ours (shipped parameters)", ours, oursMiB) };
    if (search.chosen != 0) {
        rows.push_back(spreadRow(chosenName, chosenRuns, chosenMiB));
    }
    if (tool) {
        rows.push_back(spreadRow("fastText CLI `" + joinedOptions() + "`", *tool, toolMiB));
    }
    rows.push_back(fixedRow("keyword baseline", keywordRun));
    rows.push_back(fixedRow("majority class (" + keywords.majorityCategory() + ")", majorityRun));

    std::ostringstream report;
    report << bostonIntroduction(options, boston.size(), split, binary) << spreadTable(rows)
           << "\n" << searchSection(search, split, options.seed);
    if (tool) {
        report << "\nPer training seed, " << chosenName << " against the tool:\n\n"
               << seedTable(chosenRuns, *tool) << "\n"
               << verdict(chosenRuns, *tool, keywordRun);
        const std::string folds = crossValidationTable(binary, boston, labels, options.seed, notes);
        report << (folds.empty() ? "" : foldSection(folds, options.seed));
    }
    report << (notes.empty() ? "" : "\n" + notes);
    return report.str();
}

std::vector<std::string> categoryLabels(const std::vector<TrainingExample> &examples)
{
    std::set<std::string> labels;
    for (const TrainingExample &example : examples) {
        labels.insert(example.categoryId);
    }
    return { labels.begin(), labels.end() };
}

} // namespace

void runEvaluation(const EvaluateOptions &options, std::ostream &out)
{
    const auto examples = loadTrainingExamples(options.resourceDir);
    const auto labels = categoryLabels(examples);
    const Split split = stratifiedSplit(examples, options.testShare, options.seed);

    HyperParameters quantised = HyperParameters::shipped();
    quantised.quantize = true;
    std::vector<ModelRun> runs;
    runs.push_back(evaluateFastText("ours (shipped parameters)", HyperParameters::shipped(), split, labels));
    runs.push_back(evaluateFastText("ours, quantised", quantised, split, labels));
    runs.push_back(evaluateFastText("fastText defaults", HyperParameters::fastTextDefaults(), split, labels));

    const KeywordBaseline keywords(split.train);
    runs.push_back({ evaluate("keyword baseline",
        [&](const std::string &text) { return keywords.predict(text); }, split.test, labels) });
    runs.push_back({ evaluate("majority class (" + keywords.majorityCategory() + ")",
        [&](const std::string &) { return keywords.majorityCategory(); }, split.test, labels) });

    std::ostringstream report;
    report << "Produced by `" << options.commandLine << "`: " << examples.size()
           << " examples (Boston 311 citizen-written rows and the team-written Greek rows), "
           << "stratified by category and script, " << split.train.size() << " to train and "
           << split.test.size() << " to test, seed " << options.seed
           << ". Columns el to english are macro-F1 on that part of the test set. fastText "
              "defaults is `fasttext supervised` with no options (lr 0.1, dim 100, epoch 5, "
              "unigrams) but thread 1 and the same seed. RSS is the growth of the process when the first "
              "model loads (later models reuse freed memory, so it is not measured for them).\n\n"
           << summaryTable(runs) << "\nQuantisation (qnorm, dsub 2) costs "
           << fixed(runs[0].evaluation.overall.macroF1 - runs[1].evaluation.overall.macroF1)
           << " macro-F1 and shrinks the model from " << fixed(runs[0].sizeMiB, 1) << " to "
           << fixed(runs[1].sizeMiB, 1)
           << " MiB. fastText's defaults underfit this small set: 5 epochs at lr 0.1 over about "
           << split.train.size() << " short texts do not move the weights far from the start.\n\n"
           << perClassTable(runs[0].evaluation) << "\n" << confusionTable(runs[0].evaluation)
           << "\n" << perClassTable(runs[3].evaluation) << "\n"
           << confusionTable(runs[3].evaluation);
    const std::string boston = bostonComparison(options, examples, labels);
    out << report.str() << "\n" << boston;
    if (!options.reportPath.empty()) {
        writeIntakeReportSection(options.reportPath, "Accuracy", report.str());
        writeIntakeReportSection(
            options.reportPath, "Boston data against the fastText command-line tool", boston);
        out << "\nWrote the tables to " << options.reportPath << "\n";
    }
}

} // namespace civicdesk::server
