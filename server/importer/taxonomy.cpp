#include "importer/taxonomy.h"

#include "importer/csvreader.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <set>

namespace civicdesk::server {

namespace {

const std::string TaxonomyFile = "/taxonomy/civicdesk_taxonomy.csv";
const std::string CrosswalkFile = "/taxonomy/crosswalk_boston.csv";

[[noreturn]] void fail(const std::string &file, int line, const std::string &message)
{
    throw Poco::DataFormatException(file + " line " + std::to_string(line), message);
}

double weightOf(const CsvTable &table, const CsvTable::Row &row)
{
    double weight = 0;
    if (!Poco::NumberParser::tryParseFloat(table.field(row, "weight"), weight) || weight <= 0) {
        fail(TaxonomyFile, row.line, "weight must be a positive number");
    }
    return weight;
}

} // namespace

std::vector<Category> loadTaxonomy(
    const std::string &resourceDir, const std::vector<std::string> &modelCategories)
{
    const CsvTable table = CsvTable::load(resourceDir + TaxonomyFile);
    std::vector<Category> categories;
    std::set<std::string> topLevel;
    std::set<std::string> ids;
    for (const auto &row : table.rows()) {
        Category category { table.field(row, "id"), table.field(row, "name_el"),
            table.field(row, "name_en"), weightOf(table, row), table.field(row, "parent_id") };
        if (category.id.empty() || !ids.insert(category.id).second) {
            fail(TaxonomyFile, row.line, "id must be given and unique: \"" + category.id + "\"");
        }
        if (category.nameEl.empty() || category.nameEn.empty()) {
            fail(TaxonomyFile, row.line, "name_el and name_en must both be given");
        }
        if (!category.parentId.empty() && topLevel.count(category.parentId) == 0) {
            fail(TaxonomyFile, row.line,
                "parent_id \"" + category.parentId + "\" must be a top-level category above");
        }
        if (category.parentId.empty()) {
            topLevel.insert(category.id);
        }
        categories.push_back(std::move(category));
    }
    for (const std::string &id : modelCategories) {
        if (topLevel.count(id) == 0) {
            fail(TaxonomyFile, 0, "the model's category " + id + " must be a top-level category");
        }
    }
    return categories;
}

std::map<std::string, CrosswalkEntry> loadBostonCrosswalk(const std::string &resourceDir)
{
    const CsvTable table = CsvTable::load(resourceDir + CrosswalkFile);
    const std::set<std::string> qualities { "exact", "close", "approximate" };
    std::map<std::string, CrosswalkEntry> crosswalk;
    for (const auto &row : table.rows()) {
        CrosswalkEntry entry { table.field(row, "category_id"), table.field(row, "subcategory_id"),
            table.field(row, "match_quality") };
        if (table.field(row, "boston_label").empty() || entry.categoryId.empty()) {
            fail(CrosswalkFile, row.line, "boston_label and category_id must be given");
        }
        if (qualities.count(entry.matchQuality) == 0) {
            fail(CrosswalkFile, row.line, "match_quality must be exact, close or approximate");
        }
        crosswalk[table.field(row, "boston_label")] = entry;
    }
    return crosswalk;
}

} // namespace civicdesk::server
