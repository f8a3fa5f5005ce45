#pragma once

#include <string>

namespace civicdesk::server {

/** Outcome of ensureCategoryModel. */
struct TrainingReport
{
    bool trained = false; // false: the model on disk already matched the training data
    int examples = 0;
    std::string modelVersion;
    std::string modelPath;
};

std::string categoryModelPath(const std::string &dataDir);
std::string categoryModelMetadataPath(const std::string &dataDir);

/**
 * Trains the fastText category model into dataDir/models/category-v1.bin when the model is
 * missing or the training data changed. Training rows are the Boston 311 requests written by
 * citizens (is_templated=0) and the team-written rows of the CSV files in resources/training
 * (columns text, category_id, language). Hyper-parameters are fixed and written, with the data
 * hash, to category-v1.json next to the model. Throws Poco exceptions on failure.
 */
TrainingReport ensureCategoryModel(const std::string &resourceDir, const std::string &dataDir);

} // namespace civicdesk::server
