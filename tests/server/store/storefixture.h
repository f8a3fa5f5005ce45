#pragma once

#include "store/sqlitestore.h"

#include <memory>
#include <string>

/** Returns a new abandoned-vehicle case in Athens for teamId, with a new party of that AFM. */
civicdesk::server::CaseBundle caseBundleFor(const std::string &teamId, const std::string &afm);

/**
 * A store on a temporary file with two teams in one region: agent works in team A,
 * agent2 in team B, and the supervisor has access to everything. Two cases: one in each team.
 */
struct StoreFixture
{
    explicit StoreFixture(const std::string &databasePath);

    civicdesk::server::AccessScope scope(const std::string &username);

    std::unique_ptr<civicdesk::server::SqliteStore> store;
    std::string teamA;
    std::string teamB;
    std::string caseA;
    std::string caseB;
    std::int64_t referenceRows = 0;
};
