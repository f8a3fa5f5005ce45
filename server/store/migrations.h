#pragma once

namespace civicdesk::server {

class SqlSession;

/**
 * Applies the numbered schema migrations that the database lacks, each in its own
 * transaction, and records them in schema_migrations(version, applied_at).
 */
void applyMigrations(SqlSession &session);

/** Returns the highest migration version this build contains. */
int latestSchemaVersion();

} // namespace civicdesk::server
