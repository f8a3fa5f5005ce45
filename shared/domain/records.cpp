#include "domain/records.h"

#include <algorithm>

namespace civicdesk {

namespace {

using nlohmann::json;

json nullable(const std::string &value)
{
    return value.empty() ? json(nullptr) : json(value);
}

/** Reads an optional string field: missing or null gives an empty string. */
std::string optionalString(const json &object, const char *key)
{
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return {};
    }
    return found->get<std::string>();
}

template<typename T>
T optionalValue(const json &object, const char *key, T fallback)
{
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return fallback;
    }
    return found->get<T>();
}

} // namespace

std::string Party::displayName() const
{
    if (kind == PartyKind::Organisation) {
        return legalName;
    }
    if (firstName.empty()) {
        return lastName;
    }
    return lastName.empty() ? firstName : firstName + " " + lastName;
}

const std::vector<std::string> &caseStatuses()
{
    static const std::vector<std::string> statuses { "new",     "open",     "in_progress",
                                                     "waiting", "resolved", "closed" };
    return statuses;
}

bool isCaseStatus(const std::string &status)
{
    const auto &all = caseStatuses();
    return std::find(all.begin(), all.end(), status) != all.end();
}

std::string toString(Role role)
{
    switch (role) {
    case Role::Agent:
        return "agent";
    case Role::Supervisor:
        return "supervisor";
    case Role::Admin:
        return "admin";
    }
    return "agent";
}

bool roleFromString(const std::string &text, Role &role)
{
    if (text == "agent") {
        role = Role::Agent;
    } else if (text == "supervisor") {
        role = Role::Supervisor;
    } else if (text == "admin") {
        role = Role::Admin;
    } else {
        return false;
    }
    return true;
}

void to_json(json &j, const Region &v)
{
    j = json { { "id", v.id }, { "iso", v.iso }, { "nameEl", v.nameEl }, { "nameEn", v.nameEn } };
}

void from_json(const json &j, Region &v)
{
    j.at("id").get_to(v.id);
    v.iso = optionalString(j, "iso");
    j.at("nameEl").get_to(v.nameEl);
    j.at("nameEn").get_to(v.nameEn);
}

void to_json(json &j, const RegionalUnit &v)
{
    j = json { { "id", v.id }, { "regionId", v.regionId }, { "nameEl", v.nameEl },
               { "nameEn", v.nameEn } };
}

void from_json(const json &j, RegionalUnit &v)
{
    j.at("id").get_to(v.id);
    j.at("regionId").get_to(v.regionId);
    j.at("nameEl").get_to(v.nameEl);
    j.at("nameEn").get_to(v.nameEn);
}

void to_json(json &j, const Municipality &v)
{
    j = json { { "id", v.id },         { "unitId", v.unitId }, { "regionId", v.regionId },
               { "nameEl", v.nameEl }, { "nameEn", v.nameEn } };
}

void from_json(const json &j, Municipality &v)
{
    j.at("id").get_to(v.id);
    j.at("unitId").get_to(v.unitId);
    j.at("regionId").get_to(v.regionId);
    j.at("nameEl").get_to(v.nameEl);
    j.at("nameEn").get_to(v.nameEn);
}

void to_json(json &j, const Agency &v)
{
    j = json { { "id", v.id }, { "nameEl", v.nameEl }, { "nameEn", v.nameEn } };
}

void from_json(const json &j, Agency &v)
{
    j.at("id").get_to(v.id);
    j.at("nameEl").get_to(v.nameEl);
    j.at("nameEn").get_to(v.nameEn);
}

void to_json(json &j, const Team &v)
{
    j = json { { "id", v.id },         { "agencyId", v.agencyId },       { "code", v.code },
               { "nameEl", v.nameEl }, { "nameEn", v.nameEn },           { "triage", v.triage },
               { "regionId", nullable(v.regionId) }, { "assignmentMode", v.assignmentMode } };
}

void from_json(const json &j, Team &v)
{
    j.at("id").get_to(v.id);
    j.at("agencyId").get_to(v.agencyId);
    j.at("code").get_to(v.code);
    j.at("nameEl").get_to(v.nameEl);
    j.at("nameEn").get_to(v.nameEn);
    v.regionId = optionalString(j, "regionId");
    v.triage = optionalValue(j, "triage", false);
    v.assignmentMode = optionalValue<std::string>(j, "assignmentMode", "claim");
}

void to_json(json &j, const StaffUser &v)
{
    j = json { { "id", v.id },
               { "username", v.username },
               { "displayName", v.displayName },
               { "role", toString(v.role) },
               { "teamIds", v.teamIds },
               { "languages", v.languages },
               { "skills", v.skills },
               { "capacity", v.capacity } };
}

void from_json(const json &j, StaffUser &v)
{
    j.at("id").get_to(v.id);
    j.at("username").get_to(v.username);
    j.at("displayName").get_to(v.displayName);
    if (!roleFromString(j.at("role").get<std::string>(), v.role)) {
        throw json::type_error::create(302, "role must be agent, supervisor or admin", &j);
    }
    v.teamIds = optionalValue(j, "teamIds", std::vector<std::string> {});
    v.languages = optionalValue(j, "languages", std::vector<std::string> {});
    v.skills = optionalValue(j, "skills", std::vector<std::string> {});
    v.capacity = optionalValue(j, "capacity", 0);
}

void to_json(json &j, const Category &v)
{
    j = json { { "id", v.id }, { "nameEl", v.nameEl }, { "nameEn", v.nameEn },
        { "weight", v.weight }, { "parentId", nullable(v.parentId) } };
}

void from_json(const json &j, Category &v)
{
    j.at("id").get_to(v.id);
    j.at("nameEl").get_to(v.nameEl);
    j.at("nameEn").get_to(v.nameEn);
    v.weight = optionalValue(j, "weight", 1.0);
    v.parentId = optionalString(j, "parentId");
}

void to_json(json &j, const Party &v)
{
    j = json { { "id", v.id },
               { "kind", v.kind == PartyKind::Person ? "person" : "organisation" },
               { "firstName", v.firstName },
               { "lastName", v.lastName },
               { "legalName", v.legalName },
               { "afm", v.afm },
               { "amka", v.amka },
               { "email", v.email },
               { "phone", v.phone },
               { "language", v.language },
               { "municipalityId", nullable(v.municipalityId) },
               { "fictitious", v.fictitious },
               { "createdAt", v.createdAt },
               { "vulnerabilities", v.vulnerabilities } };
}

void from_json(const json &j, Party &v)
{
    j.at("id").get_to(v.id);
    const std::string kind = j.at("kind").get<std::string>();
    if (kind != "person" && kind != "organisation") {
        throw json::type_error::create(302, "kind must be person or organisation", &j);
    }
    v.kind = kind == "person" ? PartyKind::Person : PartyKind::Organisation;
    v.firstName = optionalString(j, "firstName");
    v.lastName = optionalString(j, "lastName");
    v.legalName = optionalString(j, "legalName");
    v.afm = optionalString(j, "afm");
    v.amka = optionalString(j, "amka");
    v.email = optionalString(j, "email");
    v.phone = optionalString(j, "phone");
    v.language = optionalValue<std::string>(j, "language", "el");
    v.municipalityId = optionalString(j, "municipalityId");
    v.fictitious = optionalValue(j, "fictitious", false);
    v.createdAt = optionalString(j, "createdAt");
    v.vulnerabilities = optionalValue(j, "vulnerabilities", std::vector<std::string> {});
}

void to_json(json &j, const PriorityFactor &v)
{
    j = json { { "factor", v.factor },
               { "value", v.value },
               { "weight", v.weight },
               { "contribution", v.contribution } };
}

void from_json(const json &j, PriorityFactor &v)
{
    j.at("factor").get_to(v.factor);
    j.at("value").get_to(v.value);
    j.at("weight").get_to(v.weight);
    j.at("contribution").get_to(v.contribution);
}

void to_json(json &j, const Case &v)
{
    j = json { { "id", v.id },
               { "number", v.number },
               { "partyId", nullable(v.partyId) },
               { "channel", v.channel },
               { "text", v.text },
               { "categoryId", v.categoryId },
               { "categoryConfidence", v.categoryConfidence },
               { "categorySource", v.categorySource },
               { "modelVersion", v.modelVersion },
               { "language", v.language },
               { "municipalityId", nullable(v.municipalityId) },
               { "regionId", nullable(v.regionId) },
               { "address", v.address },
               { "status", v.status },
               { "teamId", nullable(v.teamId) },
               { "assigneeId", nullable(v.assigneeId) },
               { "routeRule", v.routeRule },
               { "priority", v.priority },
               { "priorityFactors", v.priorityFactors },
               { "createdAt", v.createdAt },
               { "updatedAt", v.updatedAt },
               { "sourceId", v.sourceId },
               { "dueAt", nullable(v.dueAt) },
               { "firstResponseDueAt", nullable(v.firstResponseDueAt) },
               { "firstResponseAt", nullable(v.firstResponseAt) },
               { "updateDueAt", nullable(v.updateDueAt) },
               { "slaState", nullable(v.slaState) },
               { "slaPausedReason", nullable(v.slaPausedReason) },
               { "subcategoryId", nullable(v.subcategoryId) },
               { "assignmentReason", v.assignmentReason },
               { "duplicateOf", nullable(v.duplicateOf) },
               { "duplicateCount", v.duplicateCount } };
}

void from_json(const json &j, Case &v)
{
    j.at("id").get_to(v.id);
    j.at("number").get_to(v.number);
    v.partyId = optionalString(j, "partyId");
    v.channel = optionalString(j, "channel");
    j.at("text").get_to(v.text);
    j.at("categoryId").get_to(v.categoryId);
    v.categoryConfidence = optionalValue(j, "categoryConfidence", 0.0);
    v.categorySource = optionalString(j, "categorySource");
    v.modelVersion = optionalString(j, "modelVersion");
    v.language = optionalString(j, "language");
    v.municipalityId = optionalString(j, "municipalityId");
    v.regionId = optionalString(j, "regionId");
    v.address = optionalString(j, "address");
    j.at("status").get_to(v.status);
    v.teamId = optionalString(j, "teamId");
    v.assigneeId = optionalString(j, "assigneeId");
    v.routeRule = optionalString(j, "routeRule");
    v.priority = optionalValue(j, "priority", 0.0);
    v.priorityFactors = optionalValue(j, "priorityFactors", std::vector<PriorityFactor> {});
    v.createdAt = optionalString(j, "createdAt");
    v.updatedAt = optionalString(j, "updatedAt");
    v.sourceId = optionalString(j, "sourceId");
    v.dueAt = optionalString(j, "dueAt");
    v.firstResponseDueAt = optionalString(j, "firstResponseDueAt");
    v.firstResponseAt = optionalString(j, "firstResponseAt");
    v.updateDueAt = optionalString(j, "updateDueAt");
    v.slaState = optionalString(j, "slaState");
    v.slaPausedReason = optionalString(j, "slaPausedReason");
    v.subcategoryId = optionalString(j, "subcategoryId");
    v.assignmentReason = optionalString(j, "assignmentReason");
    v.duplicateOf = optionalString(j, "duplicateOf");
    v.duplicateCount = optionalValue(j, "duplicateCount", 0);
}

void to_json(json &j, const Interaction &v)
{
    j = json { { "id", v.id },
               { "partyId", nullable(v.partyId) },
               { "caseId", nullable(v.caseId) },
               { "kind", v.kind },
               { "channel", v.channel },
               { "body", v.body },
               { "authorId", nullable(v.authorId) },
               { "createdAt", v.createdAt } };
}

void from_json(const json &j, Interaction &v)
{
    j.at("id").get_to(v.id);
    v.partyId = optionalString(j, "partyId");
    v.caseId = optionalString(j, "caseId");
    j.at("kind").get_to(v.kind);
    v.channel = optionalString(j, "channel");
    v.body = optionalString(j, "body");
    v.authorId = optionalString(j, "authorId");
    v.createdAt = optionalString(j, "createdAt");
}

void to_json(json &j, const RoutingRuleRecord &v)
{
    j = json { { "id", v.id },
               { "categoryId", v.categoryId },
               { "subcategoryId", nullable(v.subcategoryId) },
               { "areaLevel", v.areaLevel },
               { "areaId", nullable(v.areaId) },
               { "teamId", nullable(v.teamId) },
               { "teamCode", nullable(v.teamCode) },
               { "precedence", v.precedence },
               { "effectiveFrom", v.effectiveFrom },
               { "effectiveTo", nullable(v.effectiveTo) },
               { "retired", v.retired },
               { "changedBy", nullable(v.changedBy) },
               { "changedAt", v.changedAt },
               { "note", v.note } };
}

void from_json(const json &j, RoutingRuleRecord &v)
{
    j.at("id").get_to(v.id);
    j.at("categoryId").get_to(v.categoryId);
    v.subcategoryId = optionalString(j, "subcategoryId");
    v.areaLevel = optionalValue<std::string>(j, "areaLevel", "any");
    v.areaId = optionalString(j, "areaId");
    v.teamId = optionalString(j, "teamId");
    v.teamCode = optionalString(j, "teamCode");
    v.precedence = optionalValue(j, "precedence", 0);
    v.effectiveFrom = optionalString(j, "effectiveFrom");
    v.effectiveTo = optionalString(j, "effectiveTo");
    v.retired = optionalValue(j, "retired", false);
    v.changedBy = optionalString(j, "changedBy");
    v.changedAt = optionalString(j, "changedAt");
    v.note = optionalString(j, "note");
}

void to_json(json &j, const AgeingCurve &v)
{
    j = json { { "kind", v.kind }, { "capDays", v.capDays } };
}

void from_json(const json &j, AgeingCurve &v)
{
    v.kind = optionalValue<std::string>(j, "kind", "linear");
    v.capDays = optionalValue(j, "capDays", 30.0);
}

void to_json(json &j, const PriorityWeights &v)
{
    j = json { { "id", v.id },
               { "factorWeights", v.factorWeights },
               { "categoryValues", v.categoryValues },
               { "regionValues", v.regionValues },
               { "subRegionValues", v.subRegionValues },
               { "channelValues", v.channelValues },
               { "vulnerabilityValues", v.vulnerabilityValues },
               { "ageing", v.ageing },
               { "changedBy", nullable(v.changedBy) },
               { "changedAt", v.changedAt } };
}

void from_json(const json &j, PriorityWeights &v)
{
    using Values = std::map<std::string, double>;
    v.id = optionalValue<std::string>(j, "id", "current");
    v.factorWeights = optionalValue(j, "factorWeights", Values {});
    v.categoryValues = optionalValue(j, "categoryValues", Values {});
    v.regionValues = optionalValue(j, "regionValues", Values {});
    v.subRegionValues = optionalValue(j, "subRegionValues", Values {});
    v.channelValues = optionalValue(j, "channelValues", Values {});
    v.vulnerabilityValues = optionalValue(j, "vulnerabilityValues", Values {});
    v.ageing = optionalValue(j, "ageing", AgeingCurve {});
    v.changedBy = optionalString(j, "changedBy");
    v.changedAt = optionalString(j, "changedAt");
}

} // namespace civicdesk
