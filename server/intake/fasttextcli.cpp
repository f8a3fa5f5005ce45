#include "intake/fasttextcli.h"

#include "intake/textnormalizer.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StringTokenizer.h>
#include <Poco/TemporaryFile.h>
#include <fstream>

namespace civicdesk::server {

namespace {

const std::string LabelPrefix = "__label__";

/** Runs binary with args in folder, puts its standard output in output and returns its exit code. */
int runProcess(const std::string &binary, const std::vector<std::string> &args,
    const std::string &folder, std::string &output, bool mergeErrors)
{
    try {
        Poco::Pipe outPipe;
        Poco::ProcessHandle process = Poco::Process::launch(
            binary, args, folder, nullptr, &outPipe, mergeErrors ? &outPipe : nullptr);
        Poco::PipeInputStream stream(outPipe);
        output.assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
        return process.wait();
    } catch (const Poco::Exception &error) {
        output = "could not run " + binary + ": " + error.displayText();
        return -1;
    }
}

bool writeFile(const std::string &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return static_cast<bool>(out.flush());
}

/** The test texts, normalised, one a line, in test order. */
std::string testText(const std::vector<TrainingExample> &test)
{
    std::string lines;
    for (const TrainingExample &example : test) {
        lines += normalizeText(example.text) + "\n";
    }
    return lines;
}

std::string joined(const std::vector<std::string> &options)
{
    std::string text;
    for (const std::string &option : options) {
        text += (text.empty() ? "" : " ") + option;
    }
    return text;
}

std::vector<std::string> predictionsFrom(const std::string &output)
{
    std::vector<std::string> predicted;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        const bool labelled = line.rfind(LabelPrefix, 0) == 0;
        predicted.push_back(labelled ? line.substr(LabelPrefix.size()) : std::string("other"));
    }
    return predicted;
}

} // namespace

std::string findFastTextBinary()
{
    const std::string path = Poco::Environment::get("PATH", "/usr/bin:/bin");
    const Poco::StringTokenizer folders(path, ":", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const std::string &folder : folders) {
        const Poco::File candidate(Poco::Path(folder, "fasttext"));
        if (candidate.exists() && candidate.isFile() && candidate.canExecute()) {
            return candidate.path();
        }
    }
    return {};
}

FastTextCliRun runFastTextCli(const std::string &binary, const std::vector<std::string> &options,
    const std::vector<TrainingExample> &train, const std::vector<TrainingExample> &test,
    std::uint32_t seed)
{
    FastTextCliRun run;
    run.arguments = joined(options);
    if (binary.empty()) {
        run.error = "the fastText command-line tool is not installed (Debian package fasttext)";
        return run;
    }
    run.available = true;

    Poco::TemporaryFile folder;
    folder.createDirectories();
    const std::string trainPath = folder.path() + "/train.txt";
    const std::string testPath = folder.path() + "/test.txt";
    // The rows in the order our own training with this seed reads them.
    HyperParameters order;
    order.seed = static_cast<int>(seed);
    if (!writeFile(trainPath, trainingText(train, order)) || !writeFile(testPath, testText(test))) {
        run.error = "could not write the train and test files to " + folder.path();
        return run;
    }

    std::vector<std::string> args { "supervised", "-input", trainPath, "-output",
        folder.path() + "/model" };
    args.insert(args.end(), options.begin(), options.end());
    args.insert(args.end(), { "-seed", std::to_string(seed) });
    std::string output;
    if (runProcess(binary, args, folder.path(), output, true) != 0) {
        run.error = "fasttext supervised failed: " + output.substr(0, 500);
        return run;
    }
    run.modelMiB = Poco::File(folder.path() + "/model.bin").getSize() / (1024.0 * 1024.0);

    if (runProcess(binary, { "predict", folder.path() + "/model.bin", testPath }, folder.path(),
            output, false)
        != 0) {
        run.error = "fasttext predict failed: " + output.substr(0, 500);
        return run;
    }
    run.predicted = predictionsFrom(output);
    if (run.predicted.size() != test.size()) {
        run.error = "fasttext predict returned " + std::to_string(run.predicted.size())
            + " lines for " + std::to_string(test.size()) + " test texts";
        run.predicted.clear();
    }
    return run;
}

} // namespace civicdesk::server
