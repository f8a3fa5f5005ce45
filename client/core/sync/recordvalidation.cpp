#include "sync/recordvalidation.h"

#include "domain/records.h"

namespace CivicDesk {

namespace {

using nlohmann::json;

bool hasString(const json &record, const char *key)
{
    const auto found = record.find(key);
    return found != record.end() && found->is_string() && !found->get<std::string>().empty();
}

bool isValidHistoryEntry(const json &record, std::string *why)
{
    for (const char *key : { "id", "ruleId", "action", "changedAt" }) {
        if (!hasString(record, key)) {
            *why = std::string(key) + " is missing or not a non-empty string";
            return false;
        }
    }
    const std::string action = record.at("action").get<std::string>();
    if (action != "create" && action != "update" && action != "retire") {
        *why = "action must be create, update or retire, not " + action;
        return false;
    }
    const auto version = record.find("ruleVersion");
    if (version == record.end() || !version->is_number_integer()) {
        *why = "ruleVersion is missing or not an integer";
        return false;
    }
    const auto rule = record.find("rule");
    if (rule == record.end() || !rule->is_object()) {
        *why = "rule is missing or not an object";
        return false;
    }
    (void)rule->get<civicdesk::RoutingRuleRecord>();
    return true;
}

void parseShared(const std::string &entity, const json &record)
{
    if (entity == "region") {
        (void)record.get<civicdesk::Region>();
    } else if (entity == "regionalUnit") {
        (void)record.get<civicdesk::RegionalUnit>();
    } else if (entity == "municipality") {
        (void)record.get<civicdesk::Municipality>();
    } else if (entity == "agency") {
        (void)record.get<civicdesk::Agency>();
    } else if (entity == "team") {
        (void)record.get<civicdesk::Team>();
    } else if (entity == "user") {
        (void)record.get<civicdesk::StaffUser>();
    } else if (entity == "category") {
        (void)record.get<civicdesk::Category>();
    } else if (entity == "party") {
        (void)record.get<civicdesk::Party>();
    } else if (entity == "case") {
        (void)record.get<civicdesk::Case>();
    } else if (entity == "interaction") {
        (void)record.get<civicdesk::Interaction>();
    } else if (entity == "routingRule") {
        (void)record.get<civicdesk::RoutingRuleRecord>();
    } else if (entity == "priorityWeights") {
        (void)record.get<civicdesk::PriorityWeights>();
    }
}

} // namespace

bool isValidRecord(const std::string &entity, const json &record, std::string *why)
{
    if (!record.is_object()) {
        *why = "the record is not an object";
        return false;
    }
    try {
        if (entity == "routingRuleHistory") {
            return isValidHistoryEntry(record, why);
        }
        parseShared(entity, record);
    } catch (const json::exception &error) {
        *why = error.what();
        return false;
    }
    return true;
}

} // namespace CivicDesk
