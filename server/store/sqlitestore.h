#pragma once

#include "sla/slaclock.h"
#include "store/walcheckpointer.h"
#include "store/sqlsession.h"
#include "store/store.h"

#include <atomic>
#include <condition_variable>
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

/** An active member of a team, with the open cases assigned to them, for push assignment. */
struct TeamMemberLoad
{
    StaffUser user;
    int openCases = 0; // assigned cases whose status is not resolved or closed
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
    // Seeded rules: each is written, with a create history row, only when neither its id nor
    // an unretired rule for the same category, subcategory, area and precedence is stored,
    // so a re-import never undoes an edit.
    std::vector<RoutingRuleRecord> rules;
    std::map<std::string, double> regionWeights;
    std::vector<UserSeed> users;
};

/** The priority weights in force with their version (0 before any are stored). */
struct StoredPriorityWeights
{
    PriorityWeights weights;
    std::int64_t version = 0;
};

/** An open case that a new report may duplicate; see server/intake/duplicates.h. */
struct DuplicateCandidate
{
    std::string id;
    std::string number;
    std::string createdAt;
};

/** The text and address of a case, which never change after intake. */
struct CaseText
{
    std::string id;
    std::string text;
    std::string address;
};

/** A new case with its party and the citizen's submission, written together. */
struct CaseBundle
{
    Case kase;
    Party party;
    Interaction submission;
    std::string categoryCandidates = "[]"; // JSON [{categoryId, probability}], set by intake
    // Later timeline events of an imported case (notes, calls, status changes), written and
    // logged after the submission. Intake leaves it empty.
    std::vector<Interaction> history;
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

/** A person's correction of a case's category (recategorise), kept for the next training. */
struct LabelledExample
{
    std::string caseId;
    std::string text;
    std::string categoryId;
    std::string previousCategoryId;
    std::string language;
    std::string createdAt;
};

/** A staff read of a citizen's record as the audit log stores it. */
struct StoredAccessEntry
{
    std::string entryId;
    std::string userId;
    std::string username;
    std::string entity; // case or party
    std::string entityId;
    std::string reason;
    std::string readAt; // client time
    std::string receivedAt; // server time
    bool inScope = false; // the record was in the user's scope when the entry arrived
};

/**
 * The SQLite implementation of Store, with the writes and look-ups that the importer and
 * intake need beyond the sync interface. Every public member takes the store's lock, except
 * findMunicipality, teamMemberLoads, duplicateCandidates and caseTexts, which read committed
 * data on a second connection.
 */
class SqliteStore : public Store
{
public:
    explicit SqliteStore(const std::string &databasePath);
    ~SqliteStore() override;

    static std::unique_ptr<SqliteStore> openFile(const std::string &databasePath);

    /** Writes a consistent copy of the store to path (VACUUM INTO), which must not exist. */
    void backupTo(const std::string &path);

    /**
     * Replaces the store at databasePath with a copy of the backup at backupPath, migrated to
     * this version. The copy gets a new epoch and records the backup's epoch and head
     * sequence as its restore point, so clients notice the loss and re-send their edits. The
     * server must be stopped. Returns the restore point; throws StoreException.
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
    std::vector<std::string> recordAccess(
        const AccessScope &scope, const std::vector<protocol::AccessEntry> &entries) override;
    /**
     * Returns the recorded reads of a record, and for a party also those of its cases, oldest
     * first by client time; defined in accesslogstore.cpp.
     */
    std::vector<StoredAccessEntry> accessLogOf(const std::string &recordId);
    /**
     * Deletes the recorded reads that the server received before receivedBefore (ISO 8601
     * UTC), in transactions of at most batchRows rows, so intake waits for the store's lock
     * for one batch at a time. Returns how many rows it deleted.
     */
    std::int64_t purgeAccessLog(const std::string &receivedBefore, int batchRows = 5000);

    /** Writes reference data; returns how many records of each entity changed. */
    std::map<std::string, int> writeReferenceData(const ReferenceData &data);

    /** Writes imported cases whose sourceId is not stored yet; returns how many it wrote. */
    int writeImportedCases(const std::vector<CaseBundle> &bundles);

    /**
     * Creates a case submitted through intake: gives it the next number of the current year
     * and reuses the stored party with the same AFM, if any.
     */
    CaseWriteResult createCase(CaseBundle bundle);

    /**
     * Counts an intake submission from its start until it returns, whether it reaches
     * createCase or not. The group commit waits briefly for counted submissions to queue
     * their cases, so that one commit carries more cases; see casebatch.cpp.
     */
    class IntakeCount
    {
    public:
        explicit IntakeCount(SqliteStore &store);
        ~IntakeCount();
        IntakeCount(const IntakeCount &) = delete;
        IntakeCount &operator=(const IntakeCount &) = delete;

    private:
        SqliteStore &m_store;
    };

    /** Moves a case to another team; the old team's members get a purge of the case. */
    bool moveCaseToTeam(
        const std::string &caseId, const std::string &teamId, const std::string &routeRule);

    std::vector<MunicipalityInfo> municipalities();
    std::optional<Municipality> findMunicipality(const std::string &id);
    std::vector<Category> categories();
    std::vector<Team> teams();
    std::optional<Team> findTeam(const std::string &id);
    /** Returns every routing rule, retired ones included, ordered by id. */
    std::vector<RoutingRuleRecord> routingRules();
    /**
     * Returns a counter that grows whenever routing rules or teams may have changed, so
     * intake can tell when to rebuild its router. Lock-free.
     */
    std::uint64_t routingGeneration() const { return m_routingGeneration.load(); }
    /** Returns the team's active members with their open assigned cases, by username. */
    std::vector<TeamMemberLoad> teamMemberLoads(const std::string &teamId);
    std::map<std::string, double> regionWeights();
    std::optional<StoredCase> findCase(const std::string &id);
    std::optional<Party> findParty(const std::string &id);
    std::set<std::string> importedSourceIds();
    /** Every labelled example, oldest first; defined in recategorise.cpp. */
    std::vector<LabelledExample> labelledExamples();

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
     * now, once per case, kind and target (for the update target, once per update period),
     * only within the team's service hours. Returns how many it raised.
     */
    int raiseSlaNotifications(sla::UtcSeconds now);

    // Priority weights and scores; defined in server/store/priorityweightstore.cpp.
    /**
     * Returns the weights in force and their version. Before any are stored: the defaults
     * of shared/priority with the categories' and regions' weights, at version 0.
     */
    StoredPriorityWeights priorityWeights();
    /** Stores weights and publishes them unless some are stored; true when it wrote them. */
    bool seedPriorityWeights(const PriorityWeights &weights);
    /**
     * Scores every open case again as of now (seconds since 1970 UTC) and logs each case
     * whose score moved by at least minimumChange, or with minimumChange 0, each case whose
     * factor breakdown changed. Returns how many it logged.
     */
    int rescoreOpenCases(std::int64_t now, double minimumChange);

    // Duplicate reports; defined in server/store/duplicatestore.cpp.
    /**
     * Returns the open cases that are not duplicates themselves, of one category and
     * municipality, created at or after createdSince (ISO UTC), newest first.
     */
    std::vector<DuplicateCandidate> duplicateCandidates(const std::string &categoryId,
        const std::string &municipalityId, const std::string &createdSince);
    /** Returns the text and address of each case in caseIds that exists, in that order. */
    std::vector<CaseText> caseTexts(const std::vector<std::string> &caseIds);

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
    static std::vector<std::string> teamIdsOf(SqlSession &sql, const std::string &userId);

    std::optional<StoredCase> readCase(const std::string &id);
    std::optional<Party> readParty(const std::string &id);
    std::vector<Interaction> readInteractions(const std::string &caseId);
    std::optional<std::string> usernameOf(const std::string &userId);
    bool insertParty(const Party &party);
    /** categoryCandidates is the JSON of cases.category_candidates; empty stores "[]". */
    void insertCase(const Case &kase, const std::string &categoryCandidates = {});
    void insertInteraction(const Interaction &interaction);
    struct BundleWrite
    {
        std::int64_t seq = 0; // of the case's change
        Case kase; // as stored: with its due times and score
        bool partyCreated = false;
    };
    BundleWrite writeCaseBundle(const CaseBundle &bundle);
    std::int64_t logCase(const Case &kase, std::int64_t version);
    void logParty(const std::string &partyId, const std::string &teamId);
    void logInteraction(const Interaction &interaction, const std::string &teamId);
    bool teamHasOtherCaseOfParty(
        const std::string &partyId, const std::string &teamId, const std::string &exceptCaseId);
    std::string nextCaseNumber(const std::string &createdAt);
    void rememberCaseNumber(const std::string &number);

    // Group commit of intake cases; defined in casebatch.cpp.
    struct PendingCase;
    CaseWriteResult writeSubmittedCase(CaseBundle &bundle);
    void writeCaseBatch(const std::vector<std::shared_ptr<PendingCase>> &batch);
    void writePendingCase(PendingCase &pending);

    bool recordInScope(const AccessScope &scope, const protocol::AccessEntry &entry);
    void insertAccessEntry(const AccessScope &scope, const protocol::AccessEntry &entry,
        const std::string &receivedAt);
    MutationOutcome applyMutationLocked(
        const AccessScope &scope, const protocol::Mutation &mutation);
    /** Sets a rejected outcome's current and version to the edited record as stored, or to
     *  null and 0 when it does not exist or lies outside scope. */
    void attachCurrentRecord(
        const AccessScope &scope, const protocol::Mutation &mutation, MutationOutcome &outcome);
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
        const std::string &target, const std::string &periodStart, const std::string &createdAt);

    // Routing rules; defined in routingrulestore.cpp.
    std::optional<RoutingRuleRecord> readRoutingRule(const std::string &id);
    std::int64_t writeRoutingRule(const RoutingRuleRecord &rule, std::int64_t version,
        const std::string &action);
    int seedRoutingRules(const std::vector<RoutingRuleRecord> &rules);

    // Priority weights and scores; defined in priorityweightstore.cpp.
    StoredPriorityWeights readPriorityWeights();
    void scoreCase(Case &kase, const PriorityWeights &weights, std::int64_t now);
    std::int64_t writeScore(const StoredCase &stored, const Case &scored);
    int rescoreOpenCasesLocked(const PriorityWeights &weights, std::int64_t now,
        double minimumChange);

    // Duplicate links; defined in duplicatestore.cpp.
    void checkDuplicateTarget(Case &kase);
    void linkDuplicate(const Case &kase);
    void followStatusToDuplicates(const AccessScope &scope, const Case &original);
    void addSystemInteraction(const Case &kase, const std::string &authorId,
        const std::string &body);
    std::optional<MutationOutcome> checkRuleBase(const AccessScope &scope,
        const protocol::Mutation &mutation, const std::optional<RoutingRuleRecord> &stored);
    std::optional<MutationOutcome> buildRuleEdit(
        const AccessScope &scope, const protocol::Mutation &mutation, RoutingRuleRecord &next);
    std::optional<MutationOutcome> ruleScopeProblem(
        const AccessScope &scope, const RoutingRuleRecord &rule);

    std::mutex m_mutex;
    SqlSession m_sql;
    // A second connection for intake's look-ups before it writes a case (municipality,
    // member loads, duplicate candidates). In WAL mode it reads the last commit while m_sql
    // writes, so those look-ups do not wait for the store's lock. Under m_readMutex.
    std::mutex m_readMutex;
    std::unique_ptr<SqlSession> m_readSql;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    // The last serial that createCase committed, by number prefix such as "CD-2026-".
    std::map<std::string, std::int64_t> m_lastCaseSerials;
    // Cases that createCase calls queued for the next group commit; taken under m_mutex.
    std::mutex m_pendingMutex;
    std::condition_variable m_pendingQueued; // with m_pendingMutex: a case joined the queue
    std::vector<std::shared_ptr<PendingCase>> m_pendingCases;
    std::size_t m_intakesRunning = 0; // IntakeCount objects alive, under m_pendingMutex
    std::atomic<std::uint64_t> m_routingGeneration { 0 };
    std::optional<StoredPriorityWeights> m_weights; // cache of the stored row, under m_mutex
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
