// SqliteStore::teamMemberLoads: the team members and open-case counts that push assignment
// (server/intake/assigner.h) reads.
#include "store/sqlitestore.h"

namespace civicdesk::server {

std::vector<TeamMemberLoad> SqliteStore::teamMemberLoads(const std::string &teamId)
{
    // On the reading connection: the count may miss a case that is being written, as it
    // could a case written just after the read.
    std::lock_guard lock(m_readMutex);
    std::vector<TeamMemberLoad> result;
    const auto rows = m_readSql->query(
        "SELECT u.id, u.username, u.display_name, u.role, u.languages, u.skills, u.capacity, "
        "(SELECT COUNT(*) FROM cases c WHERE c.assignee_id = u.id "
        "AND c.status NOT IN ('resolved', 'closed')) AS open_cases "
        "FROM team_members m JOIN users u ON u.id = m.user_id "
        "WHERE m.team_id = ? AND u.active = 1 ORDER BY u.username",
        { teamId });
    for (const SqlRow &row : rows) {
        TeamMemberLoad load;
        load.user.id = row.text("id");
        load.user.username = row.text("username");
        load.user.displayName = row.text("display_name");
        roleFromString(row.text("role"), load.user.role);
        load.user.teamIds = teamIdsOf(*m_readSql, load.user.id);
        load.user.languages =
            nlohmann::json::parse(row.text("languages")).get<std::vector<std::string>>();
        load.user.skills =
            nlohmann::json::parse(row.text("skills")).get<std::vector<std::string>>();
        load.user.capacity = static_cast<int>(row.integer("capacity"));
        load.openCases = static_cast<int>(row.integer("open_cases"));
        result.push_back(std::move(load));
    }
    return result;
}

} // namespace civicdesk::server
