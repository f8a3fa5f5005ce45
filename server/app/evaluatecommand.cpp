#include "app/evaluatecommand.h"

#include "intake/evaluation.h"
#include "intake/fasttextcli.h"
#include "intake/reportsection.h"
#include "intake/textclassifier.h"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <iterator>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace civicdesk::server {

namespace {

// The fastText tool's options for the Boston comparison: the ones that gave it its best
// score on this data (docs/benchmarks.md), with its own defaults for the rest.
const std::vector<std::string> CliOptions { "-wordNgrams", "2", "-epoch", "25", "-verbose", "0" };
constexpr int CliRepeats = 2;
constexpr int CrossValidationFolds = 5;

std::string fixed(double value, int decimals = 3)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
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

/** Macro-F1, accuracy and F1 per category of each run on the Boston split. */
std::string bostonTable(const std::vector<ModelRun> &runs, const std::vector<std::string> &labels)
{
    std::ostringstream out;
    out << "| classifier | macro-F1 | accuracy |";
    for (const std::string &label : labels) {
        out << " F1 " << label << " |";
    }
    out << " model MiB |\n| --- | --- | --- |";
    for (std::size_t i = 0; i <= labels.size(); ++i) {
        out << " --- |";
    }
    out << "\n";
    for (const ModelRun &run : runs) {
        const Scores &s = run.evaluation.overall;
        out << "| " << run.evaluation.name << " | " << fixed(s.macroF1) << " | "
            << fixed(s.accuracy) << " |";
        for (const std::string &label : labels) {
            out << " " << fixed(s.perClass.at(label).f1) << " |";
        }
        out << " " << (run.sizeMiB > 0 ? fixed(run.sizeMiB, 1) : "-") << " |\n";
    }
    return out.str();
}

/** Returns the macro-F1 on split.test of a model trained with the shipped parameters on split.train. */
double oursMacroF1(const Split &split, const std::vector<std::string> &labels)
{
    return evaluateFastText("ours", HyperParameters::shipped(), split, labels).evaluation.overall.macroF1;
}

/**
 * Our training and the fastText tool on every fold of a stratified k-fold split of the same
 * rows. One 80/20 split tests on a few hundred texts, so two or three texts move macro-F1 by
 * about 0.003. The folds test every row once. Returns an empty table, with a line in notes,
 * when the tool fails.
 */
std::string crossValidationTable(const std::string &binary, const std::vector<TrainingExample> &rows,
    const std::vector<std::string> &labels, std::uint32_t seed, std::string &notes)
{
    const std::vector<Split> folds = stratifiedFolds(rows, CrossValidationFolds, seed);
    std::ostringstream out;
    out << "| fold | test rows | ours macro-F1 | fastText CLI macro-F1 | ours minus CLI |\n"
        << "| --- | --- | --- | --- | --- |\n";
    double oursSum = 0;
    double cliSum = 0;
    int oursAhead = 0;
    for (std::size_t i = 0; i < folds.size(); ++i) {
        const double ours = oursMacroF1(folds[i], labels);
        const FastTextCliRun cli = runFastTextCli(binary, CliOptions, folds[i].train, folds[i].test);
        if (!cli.error.empty()) {
            notes += "- cross-validation stopped at fold " + std::to_string(i + 1) + ": " + cli.error + "\n";
            return {};
        }
        const double tool = evaluatePredictions("cli", cli.predicted, folds[i].test, labels).overall.macroF1;
        oursSum += ours;
        cliSum += tool;
        oursAhead += ours >= tool ? 1 : 0;
        out << "| " << i + 1 << " | " << folds[i].test.size() << " | " << fixed(ours) << " | "
            << fixed(tool) << " | " << fixed(ours - tool) << " |\n";
    }
    const double count = double(folds.size());
    out << "| mean | " << rows.size() << " | " << fixed(oursSum / count) << " | "
        << fixed(cliSum / count) << " | " << fixed((oursSum - cliSum) / count) << " |\n\n"
        << "Ours is at least as good as the tool on " << oursAhead << " of " << folds.size()
        << " folds.\n";
    return out.str();
}

/**
 * The Boston-only comparison: our training and the fastText command-line tool on the same
 * stratified 80/20 split of the Boston 311 rows, with the two baselines.
 */
std::string bostonComparison(const EvaluateOptions &options,
    const std::vector<TrainingExample> &examples, const std::vector<std::string> &labels)
{
    std::vector<TrainingExample> boston;
    std::copy_if(examples.begin(), examples.end(), std::back_inserter(boston),
        [](const TrainingExample &e) { return e.language == "en"; });
    const Split split = stratifiedSplit(boston, options.testShare, options.seed);

    std::vector<ModelRun> runs;
    runs.push_back(evaluateFastText("ours (shipped parameters)", HyperParameters::shipped(), split, labels));
    const std::string binary = findFastTextBinary();
    std::string cliNotes;
    for (int attempt = 1; attempt <= CliRepeats; ++attempt) {
        const FastTextCliRun cli = runFastTextCli(binary, CliOptions, split.train, split.test);
        const std::string name = "fastText CLI `" + cli.arguments + "`, run "
            + std::to_string(attempt) + " of " + std::to_string(CliRepeats);
        if (!cli.error.empty()) {
            cliNotes += "- " + name + ": not measured, " + cli.error + "\n";
            break;
        }
        ModelRun run { evaluatePredictions(name, cli.predicted, split.test, labels) };
        run.sizeMiB = cli.modelMiB;
        runs.push_back(run);
    }
    const KeywordBaseline keywords(split.train);
    runs.push_back({ evaluate("keyword baseline",
        [&](const std::string &text) { return keywords.predict(text); }, split.test, labels) });
    runs.push_back({ evaluate("majority class (" + keywords.majorityCategory() + ")",
        [&](const std::string &) { return keywords.majorityCategory(); }, split.test, labels) });

    std::ostringstream report;
    report << "Produced by `" << options.commandLine << "` in the same run: the "
           << boston.size() << " Boston 311 citizen-written rows alone, stratified by category, "
           << split.train.size() << " to train and " << split.test.size() << " to test, seed "
           << options.seed << ". The fastText command-line tool (`" << (binary.empty() ? "fasttext" : binary)
           << "`) trains on exactly the rows we train on and predicts exactly our test rows, "
              "both written as our normalised text. It runs with its default 12 threads, so "
              "its result varies from run to run; it runs " << CliRepeats
           << " times and every run is listed.\n\n"
           << bostonTable(runs, labels);
    if (!binary.empty() && cliNotes.empty()) {
        const std::string folds = crossValidationTable(binary, boston, labels, options.seed, cliNotes);
        if (!folds.empty()) {
            report << "\nThe same comparison over " << CrossValidationFolds
                   << " stratified folds of all the Boston rows (seed " << options.seed
                   << "): each fold trains both on the other four fifths and tests on its own, "
                      "so every row is tested once. The tool runs once per fold with the "
                      "options above.\n\n"
                   << folds;
        }
    }
    report << (cliNotes.empty() ? "" : "\n" + cliNotes);
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
