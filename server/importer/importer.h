#pragma once

#include "importer/caseimport.h"
#include "intake/classifiertraining.h"

#include <map>
#include <ostream>
#include <string>

namespace civicdesk::server {

struct ImportOptions
{
    std::string resourceDir;
    std::string dataDir;
    int limit = -1; // import only the first limit requests; negative imports all
};

struct ImportReport
{
    std::map<std::string, int> referenceChanges;
    CaseImportResult cases;
    TrainingReport model;
    std::map<std::string, std::int64_t> tableCounts;
};

/**
 * Imports reference data and demo cases into store and trains the category model when its
 * training data changed. Running it again changes nothing. Marks the store as imported.
 */
ImportReport runImport(SqliteStore &store, const ImportOptions &options);

/** Prints counts, rejected rows with their reasons and the model version. */
void printImportReport(std::ostream &output, const ImportReport &report);

} // namespace civicdesk::server
