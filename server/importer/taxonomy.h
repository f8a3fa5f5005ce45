#pragma once

#include "domain/records.h"

#include <map>
#include <string>
#include <vector>

namespace civicdesk::server {

/** The category of the product's taxonomy that a Boston 311 label maps to (crosswalk_boston.csv). */
struct CrosswalkEntry
{
    std::string categoryId;
    std::string subcategoryId; // empty when no one subcategory fits the label
    std::string matchQuality; // exact, close or approximate
};

/**
 * Reads the product's taxonomy, resources/taxonomy/civicdesk_taxonomy.csv: top-level
 * categories (parent_id empty) and their subcategories, in file order, so that every parent
 * comes before its children. Checks that ids are unique and non-empty, both names are given,
 * the weight is a positive number, a parent is an earlier top-level category and that
 * modelCategories are all top-level. Throws Poco::DataFormatException naming the line and
 * column of the first error, Poco::FileException when the file is unreadable.
 */
std::vector<Category> loadTaxonomy(
    const std::string &resourceDir, const std::vector<std::string> &modelCategories);

/**
 * Reads resources/taxonomy/crosswalk_boston.csv into a map from Boston label to entry. Throws
 * Poco::DataFormatException when a row names no category or a quality other than exact,
 * close or approximate.
 */
std::map<std::string, CrosswalkEntry> loadBostonCrosswalk(const std::string &resourceDir);

} // namespace civicdesk::server
