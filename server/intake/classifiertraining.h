#pragma once

#include "store/sqlitestore.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace civicdesk::server {

/** One labelled request text; script is greek, greek_noaccents, greeklish or english. */
struct TrainingExample
{
    std::string text;
    std::string categoryId;
    std::string language;
    std::string script;
};

/** fastText supervised hyper-parameters; thread 1 and a fixed seed make training repeatable. */
struct HyperParameters
{
    int dim = 50;
    int epoch = 25;
    double lr = 0.5;
    int wordNgrams = 2;
    int bucket = 50000;
    int minCount = 1;
    int minn = 0;
    int maxn = 0;
    int thread = 1;
    int seed = 42;
    bool quantize = false; // product quantisation after training (qnorm, dsub 2)

    /** The values the shipped model is trained with. */
    static HyperParameters shipped();

    /** `fasttext supervised` with no options (lr 0.1, dim 100, epoch 5, unigrams), thread 1. */
    static HyperParameters fastTextDefaults();

    nlohmann::json toJson() const;
};

/** Outcome of ensureCategoryModel. */
struct TrainingReport
{
    bool trained = false; // false: the model of this data and these parameters existed
    int examples = 0; // every row trained on, corrections included
    int corrections = 0;
    std::string modelVersion; // "category-v2-" and 8 hex digits of the SHA-256
    std::string modelPath;
    std::string dataSha256;
};

/**
 * Reads the training rows: the Boston 311 requests written by citizens (is_templated=0;
 * templated rows repeat the label) as en/english, labels mapped to categories through
 * resources/taxonomy/crosswalk_boston.csv, and the team-written rows of the CSV files
 * in resources/training (columns text, category_id, language, script). Rows with an unknown
 * category or no words are skipped. Throws Poco exceptions when a file is unreadable.
 */
std::vector<TrainingExample> loadTrainingExamples(const std::string &resourceDir);

/**
 * The fastText training file for examples: one "__label__<category> <normalised text>" line
 * per row, shuffled with parameters.seed (see classifiertraining.cpp).
 */
std::string trainingText(const std::vector<TrainingExample> &examples, const HyperParameters &parameters);

/**
 * Converts people's corrections (labelled_examples, see recategorise.cpp) to training rows
 * with script "correction". A row keeps the category the person chose, or becomes "other"
 * when the model does not predict that category. Rows with no words are skipped.
 */
std::vector<TrainingExample> correctionExamples(const std::vector<LabelledExample> &labelled);

/** Trains a model on examples and saves it to modelPath. Throws Poco::RuntimeException. */
void trainModel(const std::vector<TrainingExample> &examples, const HyperParameters &parameters,
    const std::string &modelPath);

/** DIR/models/<modelVersion>.bin and .json. */
std::string categoryModelPath(const std::string &dataDir, const std::string &modelVersion);
std::string categoryModelMetadataPath(const std::string &dataDir, const std::string &modelVersion);

/** The version of DIR's most recently trained model (by trainedAt), or empty when none. */
std::string newestModelVersion(const std::string &dataDir);

/**
 * Trains the category model from the shipped data into DIR/models/category-v2-<hash>.bin
 * unless that version exists (or force is set). The version is derived from the SHA-256 of
 * the training file and the hyper-parameters, which are written with the hash, the example
 * count and the model size to the .json file next to the model. corrections (from
 * correctionExamples) are trained on after the shipped rows and counted in the report.
 * Throws Poco exceptions.
 */
TrainingReport ensureCategoryModel(const std::string &resourceDir, const std::string &dataDir,
    bool force = false, const std::vector<TrainingExample> &corrections = {});

} // namespace civicdesk::server
