#include "store/migrations.h"

#include "domain/ids.h"
#include "store/sqlsession.h"

#include <Poco/Logger.h>
#include <string>
#include <vector>

namespace civicdesk::server {

namespace {

// Migration 1 creates the whole schema of the first version. Case columns follow the `case`
// record of docs/protocol.md. status_version and assignee_version are the case version at
// which that field last changed, so client mutations can be merged field by field.
const std::vector<std::string> Migration1 = {
    R"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL))",
    R"(CREATE TABLE regions (
        id TEXT PRIMARY KEY, iso TEXT NOT NULL, name_el TEXT NOT NULL, name_en TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE TABLE regional_units (
        id TEXT PRIMARY KEY, region_id TEXT NOT NULL REFERENCES regions(id),
        name_el TEXT NOT NULL, name_en TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE TABLE municipalities (
        id TEXT PRIMARY KEY, unit_id TEXT NOT NULL REFERENCES regional_units(id),
        region_id TEXT NOT NULL REFERENCES regions(id), name_el TEXT NOT NULL,
        name_en TEXT NOT NULL, population INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE TABLE agencies (
        id TEXT PRIMARY KEY, region_id TEXT REFERENCES regions(id), name_el TEXT NOT NULL,
        name_en TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE TABLE teams (
        id TEXT PRIMARY KEY, agency_id TEXT NOT NULL REFERENCES agencies(id),
        code TEXT NOT NULL, name_el TEXT NOT NULL, name_en TEXT NOT NULL,
        region_id TEXT REFERENCES regions(id), triage INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE UNIQUE INDEX teams_region_code ON teams (COALESCE(region_id, ''), code))",
    R"(CREATE TABLE users (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
        version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE TABLE team_members (
        team_id TEXT NOT NULL REFERENCES teams(id), user_id TEXT NOT NULL REFERENCES users(id),
        PRIMARY KEY (team_id, user_id)))",
    R"(CREATE TABLE categories (
        id TEXT PRIMARY KEY, name_el TEXT NOT NULL, name_en TEXT NOT NULL,
        weight REAL NOT NULL, version INTEGER NOT NULL DEFAULT 1))",
    // A rule names either a team or a team code (a department) that is looked up in the
    // case's region; region_id NULL matches every region.
    R"(CREATE TABLE routing_rules (
        id INTEGER PRIMARY KEY, category_id TEXT NOT NULL REFERENCES categories(id),
        region_id TEXT REFERENCES regions(id), team_id TEXT REFERENCES teams(id),
        team_code TEXT, precedence INTEGER NOT NULL DEFAULT 0,
        CHECK (team_id IS NOT NULL OR team_code IS NOT NULL)))",
    R"(CREATE TABLE region_weights (
        region_id TEXT PRIMARY KEY REFERENCES regions(id), weight REAL NOT NULL))",
    R"(CREATE TABLE parties (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, first_name TEXT NOT NULL,
        last_name TEXT NOT NULL, legal_name TEXT NOT NULL, afm TEXT NOT NULL, amka TEXT NOT NULL,
        email TEXT NOT NULL, phone TEXT NOT NULL, language TEXT NOT NULL,
        municipality_id TEXT REFERENCES municipalities(id), fictitious INTEGER NOT NULL,
        created_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE INDEX parties_afm ON parties (afm) WHERE afm <> '')",
    R"(CREATE TABLE cases (
        id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE,
        party_id TEXT REFERENCES parties(id), channel TEXT NOT NULL, text TEXT NOT NULL,
        category_id TEXT NOT NULL REFERENCES categories(id), category_confidence REAL NOT NULL,
        category_source TEXT NOT NULL, model_version TEXT NOT NULL, language TEXT NOT NULL,
        municipality_id TEXT REFERENCES municipalities(id),
        region_id TEXT REFERENCES regions(id), address TEXT NOT NULL, status TEXT NOT NULL,
        team_id TEXT REFERENCES teams(id), assignee_id TEXT REFERENCES users(id),
        route_rule TEXT NOT NULL, priority REAL NOT NULL, priority_factors TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, source_id TEXT UNIQUE,
        version INTEGER NOT NULL DEFAULT 1, status_version INTEGER NOT NULL DEFAULT 1,
        assignee_version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE INDEX cases_team ON cases (team_id))",
    R"(CREATE INDEX cases_party ON cases (party_id))",
    R"(CREATE TABLE interactions (
        id TEXT PRIMARY KEY, party_id TEXT REFERENCES parties(id),
        case_id TEXT REFERENCES cases(id), kind TEXT NOT NULL, channel TEXT NOT NULL,
        body TEXT NOT NULL, author_id TEXT REFERENCES users(id), created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE INDEX interactions_case ON interactions (case_id))",
    R"(CREATE TABLE applied_mutations (
        mutation_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, outcome TEXT NOT NULL,
        applied_at TEXT NOT NULL))",
    R"(CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        version INTEGER NOT NULL, op TEXT NOT NULL CHECK (op IN ('upsert', 'purge')),
        scope TEXT NOT NULL, payload TEXT, created_at TEXT NOT NULL))",
    R"(CREATE INDEX change_log_scope_seq ON change_log (scope, seq))",
};

// Migration 2 keeps the classifier's top three guesses on each case, whether a person
// confirmed the category, and people's corrections as labelled examples for the next
// training run.
const std::vector<std::string> Migration2 = {
    R"(ALTER TABLE cases ADD COLUMN category_candidates TEXT NOT NULL DEFAULT '[]')",
    R"(ALTER TABLE cases ADD COLUMN category_confirmed INTEGER NOT NULL DEFAULT 0)",
    R"(CREATE TABLE labelled_examples (
        id TEXT PRIMARY KEY, case_id TEXT REFERENCES cases(id), text TEXT NOT NULL,
        category_id TEXT NOT NULL REFERENCES categories(id), language TEXT NOT NULL,
        previous_category_id TEXT, labelled_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL))",
};

// Migration 3 adds the statutory clock (server/sla): due times and pauses on each case,
// working-hour targets per category, municipal feast days, team service hours and the
// warnings already raised. Feast days use the YPES code (Patras 9134, Thessaloniki 9031).
const std::vector<std::string> Migration3 = {
    R"(ALTER TABLE cases ADD COLUMN first_response_due_at TEXT)",
    R"(ALTER TABLE cases ADD COLUMN first_response_at TEXT)",
    R"(ALTER TABLE cases ADD COLUMN resolution_due_at TEXT)",
    R"(ALTER TABLE cases ADD COLUMN sla_state TEXT NOT NULL DEFAULT 'running')",
    R"(ALTER TABLE cases ADD COLUMN sla_paused_reason TEXT)",
    R"(ALTER TABLE cases ADD COLUMN sla_paused_since TEXT)",
    R"(ALTER TABLE cases ADD COLUMN sla_paused_seconds INTEGER NOT NULL DEFAULT 0)",
    R"(CREATE TABLE sla_targets (
        category_id TEXT PRIMARY KEY,
        first_response_hours REAL NOT NULL CHECK (first_response_hours > 0),
        update_hours REAL NOT NULL CHECK (update_hours > 0),
        resolution_hours REAL NOT NULL CHECK (resolution_hours > 0)))",
    R"(INSERT INTO sla_targets VALUES ('dangerous_condition', 4, 24, 40),
        ('abandoned_vehicle', 16, 40, 160), ('illegal_parking', 8, 24, 40),
        ('sidewalk_snow', 8, 16, 24), ('other', 16, 40, 160))",
    R"(CREATE TABLE municipality_holidays (
        municipality_id TEXT NOT NULL, month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31), name_el TEXT NOT NULL,
        name_en TEXT NOT NULL, PRIMARY KEY (municipality_id, month, day)))",
    R"(INSERT INTO municipality_holidays VALUES
        ('9134', 11, 30, 'Αγίου Ανδρέα, πολιούχου της Πάτρας', 'St Andrew, patron of Patras'),
        ('9031', 10, 26, 'Αγίου Δημητρίου, πολιούχου της Θεσσαλονίκης',
            'St Demetrius, patron of Thessaloniki'))",
    R"(CREATE TABLE team_service_hours (
        team_id TEXT PRIMARY KEY, days TEXT NOT NULL,
        open_minute INTEGER NOT NULL CHECK (open_minute BETWEEN 0 AND 1440),
        close_minute INTEGER NOT NULL CHECK (close_minute BETWEEN 0 AND 1440),
        CHECK (open_minute < close_minute)))",
    R"(CREATE TABLE sla_notifications (
        case_id TEXT NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('warning', 'breach')),
        target TEXT NOT NULL CHECK (target IN ('first_response', 'resolution')),
        recipients TEXT NOT NULL, interaction_id TEXT, created_at TEXT NOT NULL,
        UNIQUE (case_id, kind, target)))",
};

// Migration 4 (routing table with areas, effective dates and history; agent profiles and
// team assignment modes): server/intake routing work.
const std::vector<std::string> Migration4 = {
    R"(ALTER TABLE cases ADD COLUMN assignment_reason TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE teams ADD COLUMN assignment_mode TEXT NOT NULL DEFAULT 'claim'
        CHECK (assignment_mode IN ('claim', 'push')))",
    R"(ALTER TABLE users ADD COLUMN languages TEXT NOT NULL DEFAULT '["el"]')",
    R"(ALTER TABLE users ADD COLUMN skills TEXT NOT NULL DEFAULT '[]')",
    R"(ALTER TABLE users ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0))",
    // The routing table of docs/protocol.md replaces the integer rules of migration 1 by
    // create-copy-swap. Legacy rule N becomes 00000000-0000-4000-8000-<N in 12 hex digits>,
    // an area "any" (no region) or "region", in force since 2000, with a create history row
    // and a change-log row so clients receive it.
    R"(CREATE TABLE routing_rules_v2 (
        id TEXT PRIMARY KEY, category_id TEXT NOT NULL REFERENCES categories(id),
        subcategory_id TEXT REFERENCES categories(id),
        area_level TEXT NOT NULL CHECK (area_level IN ('any', 'region', 'unit', 'municipality')),
        area_id TEXT, team_id TEXT REFERENCES teams(id), team_code TEXT,
        precedence INTEGER NOT NULL DEFAULT 0 CHECK (precedence BETWEEN -1000 AND 1000),
        effective_from TEXT NOT NULL, effective_to TEXT, retired INTEGER NOT NULL DEFAULT 0,
        changed_by TEXT REFERENCES users(id), changed_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '', version INTEGER NOT NULL DEFAULT 1,
        CHECK ((team_id IS NULL) <> (team_code IS NULL)),
        CHECK ((area_level = 'any') = (area_id IS NULL))))",
    R"(INSERT INTO routing_rules_v2 (id, category_id, area_level, area_id, team_id, team_code,
        precedence, effective_from, changed_at)
        SELECT printf('00000000-0000-4000-8000-%012x', id), category_id,
            CASE WHEN region_id IS NULL THEN 'any' ELSE 'region' END, region_id, team_id,
            CASE WHEN team_id IS NULL THEN team_code END, MAX(-1000, MIN(1000, precedence)),
            '2000-01-01T00:00:00Z', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM routing_rules)",
    R"(DROP TABLE routing_rules)",
    R"(ALTER TABLE routing_rules_v2 RENAME TO routing_rules)",
    R"(CREATE INDEX routing_rules_category ON routing_rules (category_id))",
    R"(CREATE INDEX cases_assignee ON cases (assignee_id) WHERE assignee_id IS NOT NULL)",
    R"(CREATE TABLE routing_rule_history (
        id TEXT PRIMARY KEY, rule_id TEXT NOT NULL REFERENCES routing_rules(id),
        rule_version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'retire')),
        rule TEXT NOT NULL, changed_by TEXT REFERENCES users(id), changed_at TEXT NOT NULL,
        UNIQUE (rule_id, rule_version)))",
    R"(INSERT INTO routing_rule_history (id, rule_id, rule_version, action, rule, changed_by,
        changed_at)
        SELECT '00000000-0000-4000-8001-' || substr(id, 25), id, 1, 'create',
            json_object('id', id, 'categoryId', category_id, 'subcategoryId', NULL,
                'areaLevel', area_level, 'areaId', area_id, 'teamId', team_id,
                'teamCode', team_code, 'precedence', precedence,
                'effectiveFrom', effective_from, 'effectiveTo', NULL, 'retired', json('false'),
                'changedBy', NULL, 'changedAt', changed_at, 'note', note),
            NULL, changed_at
        FROM routing_rules)",
    R"(INSERT INTO change_log (entity, entity_id, version, op, scope, payload, created_at)
        SELECT 'routingRule', rule_id, 1, 'upsert', 'public', rule, changed_at
        FROM routing_rule_history ORDER BY rule_id)",
    R"(INSERT INTO change_log (entity, entity_id, version, op, scope, payload, created_at)
        SELECT 'routingRuleHistory', id, 1, 'upsert', 'public',
            json_object('id', id, 'ruleId', rule_id, 'ruleVersion', rule_version,
                'action', action, 'rule', json(rule), 'changedBy', NULL,
                'changedAt', changed_at),
            changed_at
        FROM routing_rule_history ORDER BY rule_id)",
};

// Migration 5 (priority weights, vulnerability flags, duplicate links): priority work.
const std::vector<std::string> Migration5 = {
    R"(ALTER TABLE parties ADD COLUMN vulnerabilities TEXT NOT NULL DEFAULT '[]')",
    R"(ALTER TABLE cases ADD COLUMN duplicate_of TEXT REFERENCES cases(id))",
    R"(ALTER TABLE cases ADD COLUMN duplicate_count INTEGER NOT NULL DEFAULT 0)",
    R"(CREATE INDEX cases_duplicate_of ON cases (duplicate_of) WHERE duplicate_of IS NOT NULL)",
    // The weights in force as the JSON of the priorityWeights record; one row, id 'current'.
    R"(CREATE TABLE priority_weights (
        id TEXT PRIMARY KEY CHECK (id = 'current'), data TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1, changed_by TEXT REFERENCES users(id),
        changed_at TEXT NOT NULL))",
    // Intake's duplicate search: open cases of one category and municipality, newest first.
    R"(CREATE INDEX cases_duplicate_search
        ON cases (category_id, municipality_id, status, created_at))",
};

// Migration 6 (taxonomy with subcategories; subcategory on cases): classifier work.
const std::vector<std::string> Migration6 = {
    R"(ALTER TABLE categories ADD COLUMN parent_id TEXT REFERENCES categories(id))",
    R"(ALTER TABLE cases ADD COLUMN subcategory_id TEXT REFERENCES categories(id))",
};

// Migration 7 adds the update target's clock (server/sla): the next update's due time, the
// update period's start and the working time paused within it. A case that already had its
// first response gets its latest staff reply as the period's start. SQL cannot count working
// time, so the update due time stays empty, and no update reminder is raised, until
// `civicdesk-server recompute-sla` runs or the case gets its next staff reply. Warnings and
// breaches of the update target repeat per period, so sla_notifications gains period_start
// (empty for the other targets) in its unique key.
const std::vector<std::string> Migration7 = {
    R"(ALTER TABLE cases ADD COLUMN update_due_at TEXT)",
    R"(ALTER TABLE cases ADD COLUMN sla_update_period_start TEXT)",
    R"(ALTER TABLE cases ADD COLUMN sla_update_paused_seconds INTEGER NOT NULL DEFAULT 0)",
    R"(UPDATE cases SET sla_update_period_start = COALESCE(
            (SELECT MAX(i.created_at) FROM interactions i WHERE i.case_id = cases.id
                AND i.kind IN ('note', 'call', 'email', 'chat', 'visit')),
            first_response_at)
        WHERE first_response_at IS NOT NULL AND sla_state <> 'stopped')",
    R"(CREATE TABLE sla_notifications_v2 (
        case_id TEXT NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind IN ('warning', 'breach')),
        target TEXT NOT NULL CHECK (target IN ('first_response', 'update', 'resolution')),
        period_start TEXT NOT NULL DEFAULT '',
        recipients TEXT NOT NULL, interaction_id TEXT, created_at TEXT NOT NULL,
        UNIQUE (case_id, kind, target, period_start)))",
    R"(INSERT INTO sla_notifications_v2
            (case_id, kind, target, recipients, interaction_id, created_at)
        SELECT case_id, kind, target, recipients, interaction_id, created_at
        FROM sla_notifications)",
    R"(DROP TABLE sla_notifications)",
    R"(ALTER TABLE sla_notifications_v2 RENAME TO sla_notifications)",
};

// Migration 8 adds the audit log of staff reads of citizens' records, uploaded by the
// desktop clients (accessLog in docs/protocol.md). entry_id is the client's id of the read,
// so a re-sent entry is stored once. user_id is the signed-in user of the connection that
// uploaded it. in_scope is 1 when the record was in that user's scope on receipt.
const std::vector<std::string> Migration8 = {
    R"(CREATE TABLE access_log (
        entry_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
        entity TEXT NOT NULL CHECK (entity IN ('case', 'party')), entity_id TEXT NOT NULL,
        reason TEXT NOT NULL, read_at TEXT NOT NULL, received_at TEXT NOT NULL,
        in_scope INTEGER NOT NULL CHECK (in_scope IN (0, 1))))",
    R"(CREATE INDEX access_log_record ON access_log (entity_id, read_at))",
    R"(CREATE INDEX access_log_user ON access_log (user_id, read_at))",
};

// Migration 9 indexes the access log by the server's time of receipt, which its retention
// period counts from (SqliteStore::purgeAccessLog).
const std::vector<std::string> Migration9 = {
    R"(CREATE INDEX access_log_received ON access_log (received_at))",
};

// Migration 10 makes intake's two searches read index pages only. The duplicate search
// index narrows to the cases the search can find (open, not linked themselves) and gains
// the columns the search reads. SQLite 3.40 still tests the index's own conditions on each
// row, so status and duplicate_of must be in it too. The assignee index gains the status,
// which the open-case count of push assignment tests.
const std::vector<std::string> Migration10 = {
    R"(DROP INDEX cases_assignee)",
    R"(CREATE INDEX cases_assignee ON cases (assignee_id, status) WHERE assignee_id IS NOT NULL)",
    R"(DROP INDEX cases_duplicate_search)",
    R"(CREATE INDEX cases_duplicate_search
        ON cases (category_id, municipality_id, created_at, id, number, status, duplicate_of)
        WHERE status IN ('new', 'open', 'in_progress', 'waiting') AND duplicate_of IS NULL)",
};

const std::vector<std::vector<std::string>> &migrations()
{
    static const std::vector<std::vector<std::string>> all { Migration1, Migration2, Migration3,
        Migration4, Migration5, Migration6, Migration7, Migration8, Migration9, Migration10 };
    return all;
}

} // namespace

int latestSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

void applyMigrations(SqlSession &session)
{
    auto &logger = Poco::Logger::get("civicdesk.server.store");
    session.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    const std::int64_t current =
        session.scalar("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations");

    for (int version = static_cast<int>(current) + 1; version <= latestSchemaVersion(); ++version) {
        session.begin();
        try {
            for (const std::string &statement : migrations()[version - 1]) {
                session.exec(statement);
            }
            session.exec("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                { std::int64_t { version }, utcNowIso() });
            session.commit();
        } catch (...) {
            session.rollback();
            throw;
        }
        logger.information("Applied schema migration %d", version);
    }
}

} // namespace civicdesk::server
