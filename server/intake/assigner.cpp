#include "intake/assigner.h"

#include <algorithm>

namespace civicdesk::server {

namespace {

bool contains(const std::vector<std::string> &values, const std::string &value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool fits(const TeamMemberLoad &member, const std::string &language, const std::string &categoryId)
{
    const StaffUser &user = member.user;
    return user.role == Role::Agent && contains(user.languages, language)
        && (user.skills.empty() || contains(user.skills, categoryId));
}

bool underCapacity(const TeamMemberLoad &member)
{
    return member.user.capacity == 0 || member.openCases < member.user.capacity;
}

bool lessLoaded(const TeamMemberLoad *a, const TeamMemberLoad *b)
{
    if (a->openCases != b->openCases) {
        return a->openCases < b->openCases;
    }
    return a->user.username < b->user.username;
}

} // namespace

Assignment assignCase(const Team &team, const std::string &language, const std::string &categoryId,
    const std::vector<TeamMemberLoad> &members)
{
    if (team.assignmentMode != "push") {
        return { {}, "team queue: the team works by claiming" };
    }

    int fitting = 0;
    const TeamMemberLoad *chosen = nullptr;
    for (const TeamMemberLoad &member : members) {
        if (!fits(member, language, categoryId)) {
            continue;
        }
        ++fitting;
        if (underCapacity(member) && (!chosen || lessLoaded(&member, chosen))) {
            chosen = &member;
        }
    }
    if (!chosen) {
        return { {},
            "team queue: no agent speaks " + language + ", handles " + categoryId
                + " and is under capacity" };
    }

    const int capacity = chosen->user.capacity;
    const std::string limit = capacity == 0 ? std::string("no limit") : std::to_string(capacity);
    return { chosen->user.id,
        "assigned to " + chosen->user.username + ": fewest open cases ("
            + std::to_string(chosen->openCases) + " of " + limit + ") among "
            + std::to_string(fitting) + " agents who speak " + language + " and handle "
            + categoryId };
}

} // namespace civicdesk::server
