#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace CivicDesk {

/**
 * The local effect of a case edit, applied to the cached record at once so the edit shows
 * before the server replies, and re-applied on top of newer server data while the edit
 * waits in the outbox. A note changes no case field (it adds an interaction instead).
 */
namespace CaseEdits {

/** Ops of docs/protocol.md. */
bool isKnownOp(const std::string &op);

/** Applies op with args to a case record made by the user userId. */
void apply(nlohmann::json &caseRecord, const std::string &op, const nlohmann::json &args,
    const std::string &userId);

} // namespace CaseEdits
} // namespace CivicDesk
