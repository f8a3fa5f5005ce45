#include "cache/schema.h"

#include "cache/cache.h"
#include "corelogging.h"

#include <QByteArray>
#include <array>

namespace CivicDesk::Schema {

namespace {

// NOTE: SQLite 3.15 has no RENAME COLUMN and no UPSERT: a migration that reshapes a table
// must create the new table, copy, drop and rename inside its transaction.
constexpr const char *Migration1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE cases (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, number TEXT, party_id TEXT,
    team_id TEXT, assignee_id TEXT, status TEXT, priority REAL NOT NULL DEFAULT 0,
    created_at TEXT, data TEXT NOT NULL, server_data TEXT NOT NULL);
CREATE INDEX cases_team ON cases (team_id, priority);
CREATE INDEX cases_assignee ON cases (assignee_id, priority);
CREATE INDEX cases_status ON cases (status);
CREATE INDEX cases_priority ON cases (priority);
CREATE INDEX cases_party ON cases (party_id);

CREATE TABLE interactions (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, party_id TEXT, case_id TEXT,
    created_at TEXT, pending INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL);
CREATE INDEX interactions_party ON interactions (party_id, created_at);
CREATE INDEX interactions_case ON interactions (case_id, created_at);

CREATE TABLE parties (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, name_normalized TEXT, afm TEXT, amka TEXT,
    data TEXT NOT NULL);
CREATE INDEX parties_afm ON parties (afm);
CREATE INDEX parties_amka ON parties (amka);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, mutation_id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL, entity_id TEXT NOT NULL, base_version INTEGER NOT NULL,
    op TEXT NOT NULL, args TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
    reject_code TEXT, reject_message TEXT, reject_current TEXT, created_at TEXT NOT NULL);
CREATE INDEX outbox_entity ON outbox (entity_id, state);
)sql";

constexpr const char *Migration2 = R"sql(
CREATE TABLE regions (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE regional_units (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE municipalities (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE agencies (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE teams (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE users (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE categories (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);

CREATE TABLE access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, entity TEXT NOT NULL,
    entity_id TEXT NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0);
)sql";

// Routing rules, their history and the priority weights (one record, id "current"). The
// client only reads them. Edits go through the outbox and show when the server's change
// arrives.
constexpr const char *Migration3 = R"sql(
CREATE TABLE routing_rules (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE routing_rule_history (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE priority_weights (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
)sql";

// Acknowledged edits, kept for 30 days so they can be sent again when the server turns out to
// have lost them (a restore from a backup). ack_seq is the change-log position the ack named.
constexpr const char *Migration4 = R"sql(
CREATE TABLE sent_journal (
    mutation_id TEXT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
    op TEXT NOT NULL, args TEXT NOT NULL, ack_seq INTEGER NOT NULL, acked_at TEXT NOT NULL);
CREATE INDEX sent_journal_seq ON sent_journal (ack_seq);
)sql";

// Indexes in the order the case list and the timeline read, so each page is one range scan
// whatever its position (Repository::casePage, Repository::timelinePage). The open-case
// indexes are partial, so the default queue view never steps over closed cases. Their WHERE
// clause must stay the text the repository's open filter uses, or SQLite will not use them.
// The trailing columns are the ones the queue filters test. With them the filters and the
// open-case counts read the index only, because SQLite 3.15 tests a partial index's WHERE
// terms again on each row. The IF [NOT] EXISTS clauses let the migration run on a cache that
// already has some of these indexes or lacks the old ones.
constexpr const char *Migration5 = R"sql(
DROP INDEX IF EXISTS cases_team;
DROP INDEX IF EXISTS cases_assignee;
CREATE INDEX IF NOT EXISTS cases_team_order
    ON cases (team_id, priority DESC, created_at, id, assignee_id, status);
CREATE INDEX IF NOT EXISTS cases_team_open
    ON cases (team_id, priority DESC, created_at, id, assignee_id, status)
    WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX IF NOT EXISTS cases_assignee_order
    ON cases (assignee_id, priority DESC, created_at, id, team_id, status);
CREATE INDEX IF NOT EXISTS cases_assignee_open
    ON cases (assignee_id, priority DESC, created_at, id, team_id, status)
    WHERE status NOT IN ('resolved', 'closed');

DROP INDEX IF EXISTS interactions_party;
DROP INDEX IF EXISTS interactions_case;
CREATE INDEX interactions_party ON interactions (party_id, created_at DESC, id);
CREATE INDEX interactions_case ON interactions (case_id, created_at DESC, id);
)sql";

// Each access_log entry gets a client-made UUID (entry_id), so the server stores a re-sent
// entry once (accessLog in docs/protocol.md). Entries recorded before this version get a new
// random version 4 UUID here. uploaded is 0 while an entry waits, 1 once the server
// acknowledged it, and 2 for an entry the protocol's checks reject, which stays unsent.
constexpr const char *Migration6 = R"sql(
ALTER TABLE access_log ADD COLUMN entry_id TEXT;
UPDATE access_log SET entry_id = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2)))
    || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-'
    || lower(hex(randomblob(6)))
    WHERE entry_id IS NULL;
CREATE UNIQUE INDEX access_log_entry ON access_log (entry_id);
CREATE INDEX access_log_waiting ON access_log (user_id, uploaded, id);
)sql";

constexpr std::array<const char *, 6> Migrations { Migration1, Migration2, Migration3,
    Migration4, Migration5, Migration6 };

bool applyMigration(Cache &cache, int number)
{
    Transaction transaction(cache);
    const QByteArray bump = "PRAGMA user_version = " + QByteArray::number(number) + ";";
    if (!transaction.isActive() || !cache.exec(Migrations[std::size_t(number - 1)])
        || !cache.exec(bump.constData()) || !transaction.commit()) {
        qCWarning(lcCache) << "migration" << number << "failed:" << cache.lastErrorDetail();
        cache.setError(Cache::Error::MigrationFailed, cache.lastErrorDetail());
        return false;
    }
    qCInfo(lcCache) << "cache migrated to schema version" << number;
    return true;
}

} // namespace

int latestVersion()
{
    return int(Migrations.size());
}

bool migrate(Cache &cache)
{
    const int current = cache.schemaVersion();
    if (current > latestVersion()) {
        cache.setError(Cache::Error::SchemaTooNew,
            QStringLiteral("schema version %1, this client knows up to %2")
                .arg(current)
                .arg(latestVersion()));
        return false;
    }
    for (int number = current + 1; number <= latestVersion(); ++number) {
        if (!applyMigration(cache, number)) {
            return false;
        }
    }
    return true;
}

} // namespace CivicDesk::Schema
