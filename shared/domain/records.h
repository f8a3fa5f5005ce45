#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
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
};

enum class Role { Agent, Supervisor, Admin };

struct StaffUser
{
    std::string id;
    std::string username;
    std::string displayName;
    Role role = Role::Agent;
    std::vector<std::string> teamIds;
};

struct Category
{
    std::string id; // stable code such as "abandoned_vehicle"
    std::string nameEl;
    std::string nameEn;
    double weight = 1.0;
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
    std::string dueAt;
    std::string firstResponseDueAt;
    std::string firstResponseAt;
    std::string slaState;
    std::string slaPausedReason;
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

} // namespace civicdesk
