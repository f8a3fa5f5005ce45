#include "sync/caseedits.h"

namespace CivicDesk::CaseEdits {

bool isKnownOp(const std::string &op)
{
    return op == "claim" || op == "assign" || op == "status" || op == "note";
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
    }
}

} // namespace CivicDesk::CaseEdits
