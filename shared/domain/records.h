#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

/**
 * Domain records that travel between server and client. Field names and JSON shapes are
 * those of docs/protocol.md; ids are UUID strings unless a record uses an official code.
 * Optional references (an unassigned case's assignee) are empty strings in C++ and null in
 * JSON.
 */
namespace civicdesk {

struct Region
{
    std::string id;
    std::string iso;
    std::string nameEl;
    std::string nameEn;
};

struct RegionalUnit
{
    std::string id;
    std::string regionId;
    std::string nameEl;
    std::string nameEn;
};

struct Municipality
{
    std::string id; // YPES code, the stable official key
    std::string unitId;
    std::string regionId;
    std::string nameEl;
    std::string nameEn;
};

struct Agency
{
    std::string id;
    std::string nameEl;
    std::string nameEn;
};

struct Team
{
    std::string id;
    std::string agencyId;
    std::string code;
    std::string nameEl;
    std::string nameEn;
    std::string regionId; // empty for a national team
    bool triage = false;
    // "claim": new cases wait in the team queue; "push": intake assigns the least-loaded
    // agent who fits (server/intake/assigner.h).
    std::string assignmentMode = "claim";
};

enum class Role { Agent, Supervisor, Admin };

struct StaffUser
{
    std::string id;
    std::string username;
    std::string displayName;
    Role role = Role::Agent;
    std::vector<std::string> teamIds;
    // Profile used by push assignment: the languages the person replies in ("el", "en"), the
    // category ids they handle (empty: every category) and the maximum of open cases
    // assigned to them (0: no limit).
    std::vector<std::string> languages;
    std::vector<std::string> skills;
    int capacity = 0;
};

/**
 * A node of the product's taxonomy. A category has no parent; a subcategory names its
 * category in parentId. Cases carry a category and, when known, one of its subcategories.
 */
struct Category
{
    std::string id; // stable code such as "abandoned_vehicle"
    std::string nameEl;
    std::string nameEn;
    double weight = 1.0;
    std::string parentId; // empty for a top-level category
};

enum class PartyKind { Person, Organisation };

struct Party
{
    std::string id;
    PartyKind kind = PartyKind::Person;
    std::string firstName;
    std::string lastName;
    std::string legalName;
    std::string afm;
    std::string amka;
    std::string email;
    std::string phone;
    std::string language = "el";
    std::string municipalityId;
    bool fictitious = false;
    std::string createdAt;
    // Flags that raise the priority of the party's cases, such as "elderly", "disability",
    // "low_income"; see docs/protocol.md.
    std::vector<std::string> vulnerabilities;

    /** Returns the name to show: "First Last" for a person, the legal name otherwise. */
    std::string displayName() const;
};

/** One weighted term of a case's priority score. */
struct PriorityFactor
{
    std::string factor;
    double value = 0;
    double weight = 0;
    double contribution = 0;
};

struct Case
{
    std::string id;
    std::string number;
    std::string partyId;
    std::string channel;
    std::string text;
    std::string categoryId;
    double categoryConfidence = 0;
    std::string categorySource;
    std::string modelVersion;
    std::string language;
    std::string municipalityId;
    std::string regionId;
    std::string address;
    std::string status;
    std::string teamId;
    std::string assigneeId;
    std::string routeRule;
    double priority = 0;
    std::vector<PriorityFactor> priorityFactors;
    std::string createdAt;
    std::string updatedAt;
    std::string sourceId;
    // The statutory clock (server/sla): due times in UTC, empty until computed; slaState is
    // running, paused or stopped, and a pause has a reason (waiting_for_citizen, referred).
    // updateDueAt is when the next update to the citizen is due: empty before the first
    // response and once the clock stops.
    std::string dueAt;
    std::string firstResponseDueAt;
    std::string firstResponseAt;
    std::string updateDueAt;
    std::string slaState;
    std::string slaPausedReason;
    std::string subcategoryId; // a child of categoryId, empty when not known
    // Explanation of the assignee, or of why the case waits in the team queue (server/intake).
    std::string assignmentReason;
    // The open case this one duplicates (empty when none) and, on that case, how many
    // reports are linked to it.
    std::string duplicateOf;
    int duplicateCount = 0;
};

/**
 * A routing rule: cases of categoryId (and subcategoryId, when set) in an area go to teamId,
 * or when that is empty, to the team with code teamCode in the case's region. areaLevel is
 * "any", "region", "unit" or "municipality", with areaId the region id, regional unit id or
 * YPES code (empty for "any"). The most specific area wins, then a rule with a subcategory,
 * then the higher precedence. A rule applies from effectiveFrom until effectiveTo (empty: no
 * end); a retired rule is kept for history and never matches.
 */
struct RoutingRuleRecord
{
    std::string id;
    std::string categoryId;
    std::string subcategoryId;
    std::string areaLevel = "any";
    std::string areaId;
    std::string teamId;
    std::string teamCode;
    int precedence = 0;
    std::string effectiveFrom;
    std::string effectiveTo;
    bool retired = false;
    std::string changedBy; // user id, empty for the importer
    std::string changedAt;
    std::string note;
};

/** The ageing curve of the timeOpen priority factor; see shared/priority/priority.h. */
struct AgeingCurve
{
    std::string kind = "linear"; // linear, logarithmic or step
    double capDays = 30;
};

/**
 * The priority weights in force, one record with id "current". factorWeights maps each
 * factor of shared/priority/priority.h to its weight. The other maps give a value per
 * category, region, regional unit or municipality, channel and vulnerability flag. A missing
 * key counts 1.0 for categories and areas and 0 for channels and flags.
 */
struct PriorityWeights
{
    std::string id = "current";
    std::map<std::string, double> factorWeights;
    std::map<std::string, double> categoryValues;
    std::map<std::string, double> regionValues;
    std::map<std::string, double> subRegionValues; // regional unit id or YPES code
    std::map<std::string, double> channelValues;
    std::map<std::string, double> vulnerabilityValues;
    AgeingCurve ageing;
    std::string changedBy;
    std::string changedAt;
};

struct Interaction
{
    std::string id;
    std::string partyId;
    std::string caseId;
    std::string kind;
    std::string channel;
    std::string body;
    std::string authorId;
    std::string createdAt;
};

/** Case statuses in workflow order. */
const std::vector<std::string> &caseStatuses();
bool isCaseStatus(const std::string &status);

std::string toString(Role role);
bool roleFromString(const std::string &text, Role &role);

void to_json(nlohmann::json &json, const Region &value);
void from_json(const nlohmann::json &json, Region &value);
void to_json(nlohmann::json &json, const RegionalUnit &value);
void from_json(const nlohmann::json &json, RegionalUnit &value);
void to_json(nlohmann::json &json, const Municipality &value);
void from_json(const nlohmann::json &json, Municipality &value);
void to_json(nlohmann::json &json, const Agency &value);
void from_json(const nlohmann::json &json, Agency &value);
void to_json(nlohmann::json &json, const Team &value);
void from_json(const nlohmann::json &json, Team &value);
void to_json(nlohmann::json &json, const StaffUser &value);
void from_json(const nlohmann::json &json, StaffUser &value);
void to_json(nlohmann::json &json, const Category &value);
void from_json(const nlohmann::json &json, Category &value);
void to_json(nlohmann::json &json, const Party &value);
void from_json(const nlohmann::json &json, Party &value);
void to_json(nlohmann::json &json, const PriorityFactor &value);
void from_json(const nlohmann::json &json, PriorityFactor &value);
void to_json(nlohmann::json &json, const Case &value);
void from_json(const nlohmann::json &json, Case &value);
void to_json(nlohmann::json &json, const Interaction &value);
void from_json(const nlohmann::json &json, Interaction &value);
void to_json(nlohmann::json &json, const RoutingRuleRecord &value);
void from_json(const nlohmann::json &json, RoutingRuleRecord &value);
void to_json(nlohmann::json &json, const AgeingCurve &value);
void from_json(const nlohmann::json &json, AgeingCurve &value);
void to_json(nlohmann::json &json, const PriorityWeights &value);
void from_json(const nlohmann::json &json, PriorityWeights &value);

} // namespace civicdesk
