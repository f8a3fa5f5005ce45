#pragma once

#include "store/sqlitestore.h"

#include <optional>
#include <string>
#include <vector>

namespace civicdesk::server {

/** A category of this version with the Boston 311 label it is imported from. */
struct CategoryDefinition
{
    Category category;
    std::string sourceLabel; // the label in requests/boston_bos311_sample.csv
    std::string departmentCode; // the team code that routing sends its cases to
};

const std::vector<CategoryDefinition> &categoryDefinitions();

/** Returns the category id for a Boston 311 label such as "Illegal Parking". */
std::optional<std::string> categoryForSourceLabel(const std::string &label);

/** Returns a UUID derived from name (version 3), so re-imports give the same ids. */
std::string stableId(const std::string &name);

/** The team code of the national triage team, the last fallback of routing. */
inline const char *NationalTriageCode = "NATIONAL_TRIAGE";

/** The team code of each region's triage team. */
inline const char *RegionTriageCode = "SOLVE_DEPARTMENT";

/** The start of the seeded routing rules, before any imported or submitted case. */
inline const char *SeedRulesEffectiveFrom = "2000-01-01T00:00:00Z";

/**
 * Builds the reference data from the resources folder: regions, regional units and
 * municipalities from data/admin, categories, one agency per region with one team per
 * department of data/taxonomies/sensecity_patras_departments.csv, the routing rules, the
 * region weights and the demo staff accounts. Throws Poco exceptions on unreadable files.
 */
ReferenceData loadReferenceData(const std::string &resourceDir);

} // namespace civicdesk::server
