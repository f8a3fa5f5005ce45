#pragma once

#include <string>
#include <vector>

namespace civicdesk::server {

class SqliteStore;

/** A staff account the tests sign in with. */
struct SeedAccount
{
    std::string id;
    std::string username;
    std::string password;
    std::string teamId;
};

/** Ids of what seedStore() wrote. */
struct SeedData
{
    std::string teamA;
    std::string teamB;
    SeedAccount alice; // agent of team A
    SeedAccount bob; // agent of team A
    SeedAccount carol; // agent of team B
    std::vector<std::string> teamACases;
    std::vector<std::string> teamBCases;
};

/**
 * Writes one region, agency and category, two teams with their agents and casesPerTeam
 * imported cases for each team through the store's own write functions.
 */
SeedData seedStore(SqliteStore &store, int casesPerTeam);

} // namespace civicdesk::server
