#include "importer/importer.h"

#include "domain/ids.h"
#include "importer/referencedata.h"

#include <Poco/Logger.h>

namespace civicdesk::server {

namespace {

const char *const ReportedTables[] = { "regions", "regional_units", "municipalities", "agencies",
    "teams", "users", "categories", "routing_rules", "parties", "cases", "interactions",
    "change_log" };

} // namespace

ImportReport runImport(SqliteStore &store, const ImportOptions &options)
{
    auto &logger = Poco::Logger::get("civicdesk.server.import");
    ImportReport report;

    logger.information("Importing reference data from %s", options.resourceDir);
    report.referenceChanges = store.writeReferenceData(loadReferenceData(options.resourceDir));
    if (store.seedPriorityWeights(store.priorityWeights().weights)) {
        logger.information("Stored the default priority weights");
    }

    logger.information("Importing cases%s",
        options.limit >= 0 ? " (first " + std::to_string(options.limit) + ")" : std::string());
    report.cases = importCases(store, options.resourceDir, options.limit);
    for (const RejectedRow &row : report.cases.rejected) {
        logger.warning(
            "Rejected row at line %d (source %s): %s", row.line, row.sourceId, row.reason);
    }

    report.model = ensureCategoryModel(options.resourceDir, options.dataDir);
    if (!store.meta("importedAt")) {
        store.setMeta("importedAt", utcNowIso());
    }
    store.setMeta("categoryModelVersion", report.model.modelVersion);

    for (const char *table : ReportedTables) {
        report.tableCounts[table] = store.countRows(table);
    }
    return report;
}

void printImportReport(std::ostream &output, const ImportReport &report)
{
    output << "Import finished.\n";
    output << "Reference records changed:";
    if (report.referenceChanges.empty()) {
        output << " none";
    }
    for (const auto &[entity, count] : report.referenceChanges) {
        output << " " << entity << "=" << count;
    }
    output << "\n";

    const CaseImportResult &cases = report.cases;
    output << "Requests read: " << cases.read << ", imported: " << cases.imported
           << ", already present: " << cases.alreadyPresent
           << ", rejected: " << cases.rejected.size() << "\n";
    for (const RejectedRow &row : cases.rejected) {
        output << "  rejected line " << row.line << " (source " << row.sourceId
               << "): " << row.reason << "\n";
    }

    output << "Category model: " << report.model.modelVersion << " ("
           << (report.model.trained
                      ? "trained on " + std::to_string(report.model.examples) + " examples"
                      : std::string("unchanged"))
           << ") at " << report.model.modelPath << "\n";
    output << "Stored rows:";
    for (const auto &[table, count] : report.tableCounts) {
        output << " " << table << "=" << count;
    }
    output << std::endl;
}

} // namespace civicdesk::server
