#pragma once

#include "sla/slaclock.h"
#include "store/sqlsession.h"
#include "store/store.h"

#include <map>
#include <mutex>
#include <set>

namespace civicdesk::server {

struct MunicipalityInfo
{
    Municipality municipality;
    std::int64_t population = 0;
};

struct AgencyInfo
{
    Agency agency;
    std::string regionId; // empty for a national agency
};

/** A staff account to create; the password is hashed only when the user does not exist. */
struct UserSeed
{
    StaffUser user;
    std::string password;
};

/**
 * A routing rule: cases of categoryId in regionId (empty: any region) go to teamId, or when
 * that is empty, to the team with code teamCode in the case's region.
 */
struct RoutingRule
{
    std::int64_t id = 0;
    std::string categoryId;
    std::string regionId;
    std::string teamId;
    std::string teamCode;
    int precedence = 0;
};

/** Reference tables written by the importer in one transaction. */
struct ReferenceData
{
    std::vector<Region> regions;
    std::vector<RegionalUnit> units;
    std::vector<MunicipalityInfo> municipalities;
    std::vector<AgencyInfo> agencies;
    std::vector<Team> teams;
    std::vector<Category> categories;
    std::vector<RoutingRule> rules;
    std::map<std::string, double> regionWeights;
    std::vector<UserSeed> users;
};

/** A new case with its party and the citizen's submission, written together. */
struct CaseBundle
{
    Case kase;
    Party party;
    Interaction submission;
    std::string categoryCandidates = "[]"; // JSON [{categoryId, probability}], set by intake
};

struct CaseWriteResult
{
    bool created = false;
    Case kase;
    bool partyCreated = false;
    std::int64_t seq = 0;
};

/** The stored state of a case with the versions used to merge client mutations. */
struct StoredCase
{
    Case kase;
    std::int64_t version = 0;
    std::int64_t statusVersion = 0;
    std::int64_t assigneeVersion = 0;
};

/**
 * The SQLite implementation of Store, with the writes and look-ups that the importer and
 * intake need beyond the sync interface. Every public member takes the store's lock.
 */
class SqliteStore : public Store
{
public:
    explicit SqliteStore(const std::string &databasePath);

    static std::unique_ptr<SqliteStore> openFile(const std::string &databasePath);

    /** Writes a consistent copy of the store to path (VACUUM INTO), which must not exist. */
    void backupTo(const std::string &path);

    /**
     * Replaces the store at databasePath with a copy of the backup at backupPath, migrated to
     * this version, under a new epoch that records the backup's epoch and head sequence as
     * its restore point, so clients notice the loss and re-send their edits. The server must
     * be stopped. Returns the restore point; throws StoreException.
     */
    static RestorePoint restoreFrom(const std::string &databasePath, const std::string &backupPath);

    std::string epoch() override;
    std::int64_t headSeq() override;
    std::optional<RestorePoint> restorePoint() override;
    std::optional<UserAccount> findAccount(const std::string &username) override;
    AccessScope scopeFor(const StaffUser &user) override;
    ChangePage changesSince(const AccessScope &scope, std::int64_t cursor, int limit) override;
    MutationOutcome applyMutation(
        const AccessScope &scope, const protocol::Mutation &mutation) override;
    void setChangeListener(std::function<void(std::int64_t headSeq)> listener) override;

    /** Writes reference data; returns how many records of each entity changed. */
    std::map<std::string, int> writeReferenceData(const ReferenceData &data);

    /** Writes imported cases whose sourceId is not stored yet; returns how many it wrote. */
    int writeImportedCases(const std::vector<CaseBundle> &bundles);

    /**
     * Creates a case submitted through intake: gives it the next number of the current year
     * and reuses the stored party with the same AFM, if any.
     */
    CaseWriteResult createCase(CaseBundle bundle);

    /** Moves a case to another team; the old team's members get a purge of the case. */
    bool moveCaseToTeam(
        const std::string &caseId, const std::string &teamId, const std::string &routeRule);

    std::vector<MunicipalityInfo> municipalities();
    std::optional<Municipality> findMunicipality(const std::string &id);
    std::vector<Category> categories();
    std::vector<Team> teams();
    std::optional<Team> findTeam(const std::string &id);
    std::vector<RoutingRule> routingRules();
    std::map<std::string, double> regionWeights();
    std::optional<StoredCase> findCase(const std::string &id);
    std::optional<Party> findParty(const std::string &id);
    std::set<std::string> importedSourceIds();

    /** Returns the row count of one of the store's tables, such as "cases". */
    std::int64_t countRows(const std::string &table);

    std::optional<std::string> meta(const std::string &key);
    void setMeta(const std::string &key, const std::string &value);

    // The statutory clock; defined in server/sla/slastore.cpp and slanotifier.cpp.
    /** Recomputes the due times of every open case; returns how many changed. */
    int recomputeSla();
    /** Sets a category's targets and recomputes open cases; throws on invalid hours. */
    void setSlaTargets(const sla::SlaTargets &targets);
    /** Sets a team's service hours and recomputes open cases; throws on invalid hours. */
    void setTeamServiceHours(const std::string &teamId, const sla::ServiceHours &hours);
    /** Adds a municipality's feast day and recomputes open cases; throws on an invalid day. */
    void addMunicipalityHoliday(const std::string &municipalityId, const sla::LocalHoliday &day);
    /**
     * Raises warning (80% of a target's working time gone) and breach notifications due at
     * now, once per case, kind and target, only within the team's service hours. Returns
     * how many it raised.
     */
    int raiseSlaNotifications(sla::UtcSeconds now);

private:
    // Helpers below run with m_mutex held, most inside a transaction.
    void inTransaction(const std::function<void()> &work);
    void notifyListener();

    std::int64_t appendChange(const std::string &entity, const std::string &id,
        std::int64_t version, const std::string &op, const std::string &scope,
        const nlohmann::json &payload);
    bool upsertRow(const std::string &table,
        const std::vector<std::pair<std::string, SqlValue>> &columns,
        const std::set<std::string> &insertOnly = {});
    std::int64_t rowVersion(const std::string &table, const std::string &id);
    void writeUser(const UserSeed &seed, std::map<std::string, int> &changed);
    bool syncTeamMembers(const std::string &userId, const std::vector<std::string> &teamIds);
    std::vector<std::string> teamIdsOf(const std::string &userId);

    std::optional<StoredCase> readCase(const std::string &id);
    std::optional<Party> readParty(const std::string &id);
    std::vector<Interaction> readInteractions(const std::string &caseId);
    std::optional<std::string> usernameOf(const std::string &userId);
    bool insertParty(const Party &party);
    void insertCase(const Case &kase);
    void insertInteraction(const Interaction &interaction);
    std::int64_t writeCaseBundle(const CaseBundle &bundle);
    std::int64_t logCase(const Case &kase, std::int64_t version);
    void logParty(const std::string &partyId, const std::string &teamId);
    void logInteraction(const Interaction &interaction, const std::string &teamId);
    bool teamHasOtherCaseOfParty(
        const std::string &partyId, const std::string &teamId, const std::string &exceptCaseId);
    std::string nextCaseNumber(const std::string &createdAt);

    MutationOutcome applyMutationLocked(
        const AccessScope &scope, const protocol::Mutation &mutation);
    MutationOutcome applyCaseOp(
        const AccessScope &scope, const protocol::Mutation &mutation, StoredCase stored);
    // Mutations of the other entities and case ops, each in its own file:
    // routingrulestore.cpp, priorityweightstore.cpp, recategorise.cpp, duplicatestore.cpp.
    MutationOutcome applyRoutingRuleMutation(
        const AccessScope &scope, const protocol::Mutation &mutation);
    MutationOutcome applyPriorityWeightsMutation(
        const AccessScope &scope, const protocol::Mutation &mutation);
    MutationOutcome applyRecategorise(
        const AccessScope &scope, const protocol::Mutation &mutation, const StoredCase &stored);
    MutationOutcome applyUnlinkDuplicate(
        const AccessScope &scope, const protocol::Mutation &mutation, const StoredCase &stored);
    MutationOutcome writeCaseEdit(const AccessScope &scope, const StoredCase &stored, Case next,
        const std::string &noteId, const std::string &noteText);
    void recordOutcome(const protocol::Mutation &mutation, const std::string &userId,
        const MutationOutcome &outcome);
    int recomputeSlaLocked();
    bool raiseSlaNotification(const StoredCase &stored, const std::string &kind,
        const std::string &target, const std::string &createdAt);

    std::mutex m_mutex;
    SqlSession m_sql;
    std::string m_epoch;
    std::optional<RestorePoint> m_restorePoint;

    std::mutex m_listenerMutex;
    std::function<void(std::int64_t)> m_listener;
};

std::string teamScope(const std::string &teamId);

/** A refused mutation with its code, message and the record as stored (or null). */
MutationOutcome mutationRejected(
    protocol::ErrorCode code, std::string message, nlohmann::json current = nullptr);

} // namespace civicdesk::server
