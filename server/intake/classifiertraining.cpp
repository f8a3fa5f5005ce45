#include "intake/classifiertraining.h"

#include "domain/ids.h"
#include "importer/csvreader.h"
#include "importer/referencedata.h"
#include "importer/taxonomy.h"
#include "intake/textnormalizer.h"

#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <fasttext/fasttext.h>
#include <fstream>
#include <random>
#include <set>

namespace civicdesk::server {

namespace {

const std::string VersionPrefix = "category-v2-";

fasttext::Args fastTextArgs(const HyperParameters &p, const std::string &inputPath)
{
    fasttext::Args args;
    args.input = inputPath;
    args.model = fasttext::model_name::sup;
    args.loss = fasttext::loss_name::softmax;
    args.dim = p.dim;
    args.epoch = p.epoch;
    args.lr = p.lr;
    args.wordNgrams = p.wordNgrams;
    args.bucket = p.bucket;
    args.minCount = p.minCount;
    args.minn = p.minn;
    args.maxn = p.maxn;
    args.thread = p.thread;
    args.seed = p.seed;
    args.verbose = 0;
    return args;
}

void addExample(std::vector<TrainingExample> &examples, TrainingExample example)
{
    if (!normalizeText(example.text).empty()) {
        examples.push_back(std::move(example));
    }
}

void loadBoston(const std::string &resourceDir, std::vector<TrainingExample> &examples)
{
    // Labels map to the product's categories through the reviewed crosswalk.
    const auto crosswalk = loadBostonCrosswalk(resourceDir);
    const CsvTable requests =
        CsvTable::load(resourceDir + "/data/requests/boston_bos311_sample.csv");
    for (const auto &row : requests.rows()) {
        const auto entry = crosswalk.find(requests.field(row, "category"));
        if (entry != crosswalk.end() && requests.field(row, "is_templated") == "0") {
            addExample(examples,
                { requests.field(row, "description"), entry->second.categoryId, "en", "english" });
        }
    }
}

void loadTeamWritten(const std::string &path, std::vector<TrainingExample> &examples)
{
    std::set<std::string> known;
    for (const CategoryDefinition &definition : categoryDefinitions()) {
        known.insert(definition.category.id);
    }
    const CsvTable table = CsvTable::load(path);
    for (const auto &row : table.rows()) {
        const std::string category = table.field(row, "category_id");
        if (known.count(category) != 0) {
            addExample(examples, { table.field(row, "text"), category,
                table.field(row, "language"), table.field(row, "script") });
        }
    }
}

/**
 * The rows in the order fastText reads them: shuffled with the seed. Training with one thread
 * reads the file front to back, and rows grouped by category (as the loaders and the
 * stratified split leave them) bias the model to the last group.
 */
std::vector<const TrainingExample *> trainingOrder(
    const std::vector<TrainingExample> &examples, const HyperParameters &parameters)
{
    std::vector<const TrainingExample *> order;
    order.reserve(examples.size());
    for (const TrainingExample &example : examples) {
        order.push_back(&example);
    }
    std::mt19937 random(static_cast<std::uint32_t>(parameters.seed));
    for (std::size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[random() % i]); // Fisher-Yates, same on every platform
    }
    return order;
}

std::string sha256(const std::string &data)
{
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(data);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

void writeFile(const std::string &path, const std::string &content)
{
    std::ofstream output(path, std::ios::binary | std::ios::trunc);
    output << content;
    if (!output.flush()) {
        throw Poco::WriteFileException(path);
    }
}

nlohmann::json readMetadata(const std::string &path)
{
    std::ifstream input(path);
    return input ? nlohmann::json::parse(input, nullptr, false) : nlohmann::json();
}

} // namespace

std::string trainingText(
    const std::vector<TrainingExample> &examples, const HyperParameters &parameters)
{
    std::string lines;
    for (const TrainingExample *example : trainingOrder(examples, parameters)) {
        lines += "__label__" + example->categoryId + " " + normalizeText(example->text) + "\n";
    }
    return lines;
}

HyperParameters HyperParameters::shipped()
{
    return {};
}

HyperParameters HyperParameters::fastTextDefaults()
{
    HyperParameters p;
    p.dim = 100;
    p.epoch = 5;
    p.lr = 0.1;
    p.wordNgrams = 1;
    p.bucket = 0; // fastText drops the hash buckets when there are no n-grams
    return p;
}

nlohmann::json HyperParameters::toJson() const
{
    return { { "model", "supervised" }, { "loss", "softmax" }, { "dim", dim }, { "epoch", epoch },
        { "lr", lr }, { "wordNgrams", wordNgrams }, { "bucket", bucket },
        { "minCount", minCount }, { "minn", minn }, { "maxn", maxn }, { "thread", thread },
        { "seed", seed }, { "quantize", quantize } };
}

std::vector<TrainingExample> loadTrainingExamples(const std::string &resourceDir)
{
    std::vector<TrainingExample> examples;
    loadBoston(resourceDir, examples);

    const Poco::File trainingDir(resourceDir + "/training");
    if (!trainingDir.exists()) {
        return examples;
    }
    std::vector<std::string> files;
    trainingDir.list(files);
    std::sort(files.begin(), files.end());
    for (const std::string &name : files) {
        if (Poco::Path(name).getExtension() == "csv") {
            loadTeamWritten(trainingDir.path() + "/" + name, examples);
        }
    }
    return examples;
}

std::vector<TrainingExample> correctionExamples(const std::vector<LabelledExample> &labelled)
{
    std::set<std::string> known;
    for (const CategoryDefinition &definition : categoryDefinitions()) {
        known.insert(definition.category.id);
    }
    std::vector<TrainingExample> examples;
    for (const LabelledExample &row : labelled) {
        const std::string category = known.count(row.categoryId) != 0 ? row.categoryId : "other";
        addExample(examples, { row.text, category, row.language, "correction" });
    }
    return examples;
}

void trainModel(const std::vector<TrainingExample> &examples, const HyperParameters &parameters,
    const std::string &modelPath)
{
    Poco::TemporaryFile input;
    writeFile(input.path(), trainingText(examples, parameters));
    try {
        fasttext::FastText model;
        model.train(fastTextArgs(parameters, input.path()));
        if (parameters.quantize) {
            fasttext::Args quantizeArgs = fastTextArgs(parameters, input.path());
            quantizeArgs.qnorm = true;
            quantizeArgs.dsub = 2;
            model.quantize(quantizeArgs);
        }
        model.saveModel(modelPath + ".tmp");
    } catch (const std::exception &error) {
        throw Poco::RuntimeException("fastText training failed", error.what());
    }
    Poco::File(modelPath + ".tmp").renameTo(modelPath);
}

std::string categoryModelPath(const std::string &dataDir, const std::string &modelVersion)
{
    return dataDir + "/models/" + modelVersion + ".bin";
}

std::string categoryModelMetadataPath(const std::string &dataDir, const std::string &modelVersion)
{
    return dataDir + "/models/" + modelVersion + ".json";
}

std::string newestModelVersion(const std::string &dataDir)
{
    const Poco::File modelsDir(dataDir + "/models");
    std::vector<std::string> files;
    if (modelsDir.exists()) {
        modelsDir.list(files);
    }
    std::string newest;
    std::string newestTrainedAt;
    for (const std::string &name : files) {
        const Poco::Path path(name);
        if (path.getExtension() != "json" || name.rfind(VersionPrefix, 0) != 0) {
            continue;
        }
        const auto metadata = readMetadata(modelsDir.path() + "/" + name);
        const std::string trainedAt =
            metadata.is_object() ? metadata.value("trainedAt", std::string()) : std::string();
        if (!trainedAt.empty() && trainedAt >= newestTrainedAt) {
            newest = path.getBaseName();
            newestTrainedAt = trainedAt;
        }
    }
    return newest;
}

TrainingReport ensureCategoryModel(const std::string &resourceDir, const std::string &dataDir,
    bool force, const std::vector<TrainingExample> &corrections)
{
    auto &logger = Poco::Logger::get("civicdesk.server.intake");
    std::vector<TrainingExample> examples = loadTrainingExamples(resourceDir);
    examples.insert(examples.end(), corrections.begin(), corrections.end());
    const HyperParameters parameters = HyperParameters::shipped();

    TrainingReport report;
    report.examples = static_cast<int>(examples.size());
    report.corrections = static_cast<int>(corrections.size());
    report.dataSha256 = sha256(trainingText(examples, parameters));
    report.modelVersion =
        VersionPrefix + sha256(report.dataSha256 + parameters.toJson().dump()).substr(0, 8);
    report.modelPath = categoryModelPath(dataDir, report.modelVersion);
    const std::string metadataPath = categoryModelMetadataPath(dataDir, report.modelVersion);
    if (!force && Poco::File(report.modelPath).exists() && Poco::File(metadataPath).exists()) {
        logger.information("Category model %s is up to date", report.modelVersion);
        return report;
    }

    Poco::File(dataDir + "/models").createDirectories();
    logger.information(
        "Training category model %s on %d examples", report.modelVersion, report.examples);
    trainModel(examples, parameters, report.modelPath);

    const nlohmann::json metadata { { "modelVersion", report.modelVersion },
        { "dataSha256", report.dataSha256 }, { "examples", report.examples },
        { "corrections", report.corrections },
        { "hyperParameters", parameters.toJson() },
        { "modelBytes", Poco::File(report.modelPath).getSize() }, { "trainedAt", utcNowIso() } };
    writeFile(metadataPath, metadata.dump(2) + "\n");
    report.trained = true;
    return report;
}

} // namespace civicdesk::server
