#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace CivicDesk {

/**
 * Checks a record of a server change before it enters the cache. Records with a shared type
 * (shared/domain/records.h) are parsed into it, which checks required fields and their
 * types. A routingRuleHistory entry has no shared type: it needs a string id, ruleId,
 * action (create, update or retire) and changedAt, an integer ruleVersion and a rule object
 * that parses as a routing rule. Unknown entities pass. On failure, why names the field.
 */
bool isValidRecord(const std::string &entity, const nlohmann::json &record, std::string *why);

} // namespace CivicDesk
