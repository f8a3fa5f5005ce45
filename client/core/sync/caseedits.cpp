#include "sync/caseedits.h"

namespace CivicDesk::CaseEdits {

namespace {

/** A person chose the category, so the model's guess no longer counts. */
void applyRecategorise(nlohmann::json &caseRecord, const nlohmann::json &args)
{
    const auto category = args.find("categoryId");
    if (category == args.end() || !category->is_string()) {
        return;
    }
    const auto subcategory = args.find("subcategoryId");
    const bool hasSubcategory = subcategory != args.end() && subcategory->is_string()
        && !subcategory->get<std::string>().empty();
    caseRecord["categoryId"] = *category;
    caseRecord["subcategoryId"] = hasSubcategory ? *subcategory : nlohmann::json();
    caseRecord["categorySource"] = "agent";
    caseRecord["categoryConfidence"] = 1.0;
}

} // namespace

bool isKnownOp(const std::string &op)
{
    return op == "claim" || op == "assign" || op == "status" || op == "note"
        || op == "recategorise" || op == "unlink_duplicate";
}

void apply(nlohmann::json &caseRecord, const std::string &op, const nlohmann::json &args,
    const std::string &userId)
{
    if (!caseRecord.is_object() || !args.is_object()) {
        return;
    }
    if (op == "claim") {
        caseRecord["assigneeId"] = userId;
    } else if (op == "assign") {
        caseRecord["assigneeId"] = args.value("assigneeId", nlohmann::json());
    } else if (op == "status") {
        const auto status = args.find("status");
        if (status != args.end() && status->is_string()) {
            caseRecord["status"] = *status;
        }
    } else if (op == "recategorise") {
        applyRecategorise(caseRecord, args);
    } else if (op == "unlink_duplicate") {
        caseRecord["duplicateOf"] = nullptr;
    }
}

} // namespace CivicDesk::CaseEdits
