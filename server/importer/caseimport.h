#pragma once

#include "store/sqlitestore.h"

#include <string>
#include <vector>

namespace civicdesk::server {

struct RejectedRow
{
    int line = 0; // line of the CSV file where the row starts
    std::string sourceId;
    std::string reason;
};

struct CaseImportResult
{
    int read = 0;
    int imported = 0;
    int alreadyPresent = 0;
    std::vector<RejectedRow> rejected;
};

/** Returns the YPES code of the municipality a source id maps to, weighted by population. */
std::string municipalityForSource(
    const std::string &sourceId, const std::vector<MunicipalityInfo> &municipalities);

/**
 * Imports the demo cases of resources/data/requests/boston_bos311_sample.csv with
 * fictitious parties from resources/demo/greek_names.csv. Case numbers come from the whole
 * file in order of request time, so importing the first limit rows (all when limit < 0) and
 * later the rest gives the same numbers. Rows already imported are skipped.
 */
CaseImportResult importCases(SqliteStore &store, const std::string &resourceDir, int limit);

} // namespace civicdesk::server
