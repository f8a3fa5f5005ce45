#include "intake/classifiertraining.h"

#include "domain/ids.h"
#include "importer/csvreader.h"
#include "importer/referencedata.h"
#include "intake/textnormalizer.h"
#include "util/fnv.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <algorithm>
#include <cstdio>
#include <fasttext/fasttext.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace civicdesk::server {

namespace {

// Fixed hyper-parameters; a change here changes the data hash and so retrains the model.
nlohmann::json hyperParameters()
{
    return { { "model", "supervised" }, { "dim", 50 }, { "epoch", 25 }, { "lr", 0.5 },
        { "wordNgrams", 2 }, { "bucket", 200000 }, { "minCount", 1 }, { "minn", 0 }, { "maxn", 0 },
        { "thread", 1 }, { "seed", 42 }, { "loss", "softmax" } };
}

fasttext::Args trainingArgs(const std::string &inputPath)
{
    fasttext::Args args;
    args.input = inputPath;
    args.model = fasttext::model_name::sup;
    args.loss = fasttext::loss_name::softmax;
    args.dim = 50;
    args.epoch = 25;
    args.lr = 0.5;
    args.wordNgrams = 2;
    args.bucket = 200000;
    args.minCount = 1;
    args.minn = 0;
    args.maxn = 0;
    args.thread = 1;
    args.seed = 42;
    args.verbose = 0;
    return args;
}

void addExample(
    std::string &lines, int &count, const std::string &categoryId, const std::string &text)
{
    const std::string normalized = normalizeText(text);
    if (normalized.empty()) {
        return;
    }
    lines += "__label__" + categoryId + " " + normalized + "\n";
    ++count;
}

/** Returns the training file's text, one "__label__<category> <text>" line per example. */
std::string collectExamples(const std::string &resourceDir, int &count)
{
    std::string lines;
    const CsvTable requests =
        CsvTable::load(resourceDir + "/data/requests/boston_bos311_sample.csv");
    for (const auto &row : requests.rows()) {
        const auto category = categoryForSourceLabel(requests.field(row, "category"));
        if (category && requests.field(row, "is_templated") == "0") {
            addExample(lines, count, *category, requests.field(row, "description"));
        }
    }

    const Poco::File trainingDir(resourceDir + "/training");
    if (!trainingDir.exists()) {
        return lines;
    }
    std::set<std::string> known;
    for (const CategoryDefinition &definition : categoryDefinitions()) {
        known.insert(definition.category.id);
    }
    std::vector<std::string> files;
    trainingDir.list(files);
    std::sort(files.begin(), files.end());
    for (const std::string &name : files) {
        if (Poco::Path(name).getExtension() != "csv") {
            continue;
        }
        const CsvTable table = CsvTable::load(trainingDir.path() + "/" + name);
        for (const auto &row : table.rows()) {
            const std::string category = table.field(row, "category_id");
            if (known.count(category) != 0) {
                addExample(lines, count, category, table.field(row, "text"));
            }
        }
    }
    return lines;
}

std::string hex64(std::uint64_t value)
{
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::string storedDataHash(const std::string &metadataPath)
{
    std::ifstream input(metadataPath);
    if (!input) {
        return {};
    }
    const auto metadata = nlohmann::json::parse(input, nullptr, false);
    return metadata.is_object() ? metadata.value("dataHash", std::string()) : std::string();
}

void writeFile(const std::string &path, const std::string &content)
{
    std::ofstream output(path, std::ios::binary | std::ios::trunc);
    output << content;
    if (!output.flush()) {
        throw Poco::WriteFileException(path);
    }
}

} // namespace

std::string categoryModelPath(const std::string &dataDir)
{
    return dataDir + "/models/category-v1.bin";
}

std::string categoryModelMetadataPath(const std::string &dataDir)
{
    return dataDir + "/models/category-v1.json";
}

TrainingReport ensureCategoryModel(const std::string &resourceDir, const std::string &dataDir)
{
    auto &logger = Poco::Logger::get("civicdesk.server.intake");
    TrainingReport report;
    report.modelPath = categoryModelPath(dataDir);
    const std::string examples = collectExamples(resourceDir, report.examples);
    const std::string dataHash = hex64(fnv1a64(examples, fnv1a64(hyperParameters().dump())));
    report.modelVersion = "category-v1-" + dataHash.substr(0, 8);

    const std::string metadataPath = categoryModelMetadataPath(dataDir);
    if (Poco::File(report.modelPath).exists() && storedDataHash(metadataPath) == dataHash) {
        logger.information("Category model %s is up to date", report.modelVersion);
        return report;
    }

    Poco::File(dataDir + "/models").createDirectories();
    const std::string inputPath = dataDir + "/models/category-v1.train.txt";
    writeFile(inputPath, examples);
    logger.information(
        "Training category model %s on %d examples", report.modelVersion, report.examples);
    try {
        fasttext::FastText model;
        model.train(trainingArgs(inputPath));
        model.saveModel(report.modelPath + ".tmp");
    } catch (const std::exception &error) {
        throw Poco::RuntimeException("fastText training failed", error.what());
    }
    Poco::File(report.modelPath + ".tmp").renameTo(report.modelPath);
    Poco::File(inputPath).remove();

    const nlohmann::json metadata { { "modelVersion", report.modelVersion },
        { "dataHash", dataHash }, { "hashFunction", "FNV-1a 64" }, { "examples", report.examples },
        { "hyperParameters", hyperParameters() }, { "trainedAt", utcNowIso() } };
    writeFile(metadataPath, metadata.dump(2) + "\n");
    report.trained = true;
    return report;
}

} // namespace civicdesk::server
