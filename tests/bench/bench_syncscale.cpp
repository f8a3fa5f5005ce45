// Measures the first sync of a large synthetic store into a new encrypted cache, against a
// plain bulk insert of the same rows into SQLCipher in the same run. bench_seed writes the
// cases into an imported server store. The real server serves it, and the client core signs
// in as the demo administrator, who reads every case.
//   bench_syncscale [--cases=100000] [--events-per-case=10] [--fetch-limit=N] [--fetch-pages=N]
// --fetch-limit sets the changes per page, from 1 to protocol::MaxFetchLimit, and
// --fetch-pages the pages per fetch, from 1 to protocol::MaxFetchPages. Without them, the
// client's defaults apply.

#include "cache/cache.h"
#include "cache/keyfile.h"
#include "cache/keystore.h"
#include "serverprocess.h"
#include "session/clientsession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <unistd.h>
#include <vector>

using CivicDesk::Cache;
using CivicDesk::ClientSession;

namespace {

constexpr auto Passphrase = "benchmark-passphrase";
constexpr int SeedTimeoutMs = 600000;
constexpr int SyncTimeoutMs = 900000;

// The cache tables that sync writes, as ChangeApplier::tableOf names them.
const char *const SyncedTables[] = { "regions", "regional_units", "municipalities", "agencies",
    "teams", "users", "categories", "parties", "cases", "interactions", "routing_rules",
    "routing_rule_history", "priority_weights" };

struct Cell
{
    int type = SQLITE_NULL;
    sqlite3_int64 integer = 0;
    double real = 0;
    std::string bytes;
};

/** The rows of one cache table, read into memory so that inserting them reads nothing. */
struct TableRows
{
    std::string name;
    int columns = 0;
    std::vector<Cell> cells; // row after row
};

/** Returns the CPU time (user + system) of the process, in seconds, from proc(5) stat. */
double processCpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray stat = file.readAll();
    // Fields 14 and 15 are utime and stime. The command name (field 2) may contain spaces,
    // so counting starts after its closing parenthesis, at field 3.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13) {
        return -1;
    }
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / ::sysconf(_SC_CLK_TCK);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().split(' ').value(0))
                                          : QStringLiteral("?");
}

bool seedStore(const QString &dataDir, int cases, int eventsPerCase)
{
    QProcess seed;
    seed.setProcessChannelMode(QProcess::ForwardedChannels);
    seed.start(QStringLiteral(CIVICDESK_BENCH_SEED),
        { QStringLiteral("--data-dir=%1").arg(dataDir), QStringLiteral("--cases=%1").arg(cases),
            QStringLiteral("--events-per-case=%1").arg(eventsPerCase) });
    return seed.waitForFinished(SeedTimeoutMs) && seed.exitStatus() == QProcess::NormalExit
        && seed.exitCode() == 0;
}

/** Signs in as the administrator and returns the milliseconds to syncFinished, or -1. */
qint64 firstSync(quint16 port, ClientSession &session)
{
    QSignalSpy synced(&session, &ClientSession::syncFinished);
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    QElapsedTimer timer;
    timer.start();
    session.signIn({ QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)),
        QStringLiteral("admin"), QStringLiteral("civicdesk-admin"), QString::fromLatin1(Passphrase) });
    while (synced.isEmpty() && failed.isEmpty() && timer.elapsed() < SyncTimeoutMs) {
        synced.wait(1000);
    }
    return synced.isEmpty() ? -1 : timer.elapsed();
}

std::vector<TableRows> readSyncedRows(sqlite3 *db)
{
    std::vector<TableRows> tables;
    for (const char *table : SyncedTables) {
        TableRows rows { table, 0, {} };
        sqlite3_stmt *select = nullptr;
        const std::string sql = std::string("SELECT * FROM ") + table;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &select, nullptr) != SQLITE_OK) {
            out() << "reading " << table << " failed: " << sqlite3_errmsg(db) << Qt::endl;
            return {};
        }
        rows.columns = sqlite3_column_count(select);
        while (sqlite3_step(select) == SQLITE_ROW) {
            for (int column = 0; column < rows.columns; ++column) {
                Cell cell;
                cell.type = sqlite3_column_type(select, column);
                cell.integer = sqlite3_column_int64(select, column);
                cell.real = sqlite3_column_double(select, column);
                if (cell.type == SQLITE_TEXT || cell.type == SQLITE_BLOB) {
                    const auto *data = static_cast<const char *>(sqlite3_column_blob(select, column));
                    cell.bytes.assign(data, static_cast<std::size_t>(sqlite3_column_bytes(select, column)));
                }
                rows.cells.push_back(std::move(cell));
            }
        }
        sqlite3_finalize(select);
        tables.push_back(std::move(rows));
    }
    return tables;
}

/** Returns the type, name and SQL of every schema object, so two caches can be compared. */
std::vector<std::string> schemaOf(sqlite3 *db)
{
    std::vector<std::string> objects;
    sqlite3_stmt *select = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT type || ' ' || name || ': ' || ifnull(sql, '') "
                               "FROM sqlite_master ORDER BY type, name",
            -1, &select, nullptr)
        != SQLITE_OK) {
        out() << "reading the schema failed: " << sqlite3_errmsg(db) << Qt::endl;
        return {};
    }
    while (sqlite3_step(select) == SQLITE_ROW) {
        objects.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(select, 0)));
    }
    sqlite3_finalize(select);
    return objects;
}

void bindCell(sqlite3_stmt *insert, int index, const Cell &cell)
{
    switch (cell.type) {
    case SQLITE_INTEGER:
        sqlite3_bind_int64(insert, index, cell.integer);
        break;
    case SQLITE_FLOAT:
        sqlite3_bind_double(insert, index, cell.real);
        break;
    case SQLITE_TEXT:
        sqlite3_bind_text(insert, index, cell.bytes.data(), int(cell.bytes.size()), SQLITE_STATIC);
        break;
    case SQLITE_BLOB:
        sqlite3_bind_blob(insert, index, cell.bytes.data(), int(cell.bytes.size()), SQLITE_STATIC);
        break;
    default:
        sqlite3_bind_null(insert, index);
    }
}

/**
 * Inserts every row into the cache in one transaction, with one prepared statement per
 * table. Returns the milliseconds from BEGIN to the end of COMMIT, or -1.
 */
qint64 bulkInsert(Cache &cache, const std::vector<TableRows> &tables)
{
    QElapsedTimer timer;
    timer.start();
    if (!cache.begin()) {
        return -1;
    }
    for (const TableRows &rows : tables) {
        std::string sql = "INSERT INTO " + rows.name + " VALUES (?";
        for (int column = 1; column < rows.columns; ++column) {
            sql += ", ?";
        }
        sql += ")";
        sqlite3_stmt *insert = nullptr;
        if (sqlite3_prepare_v2(cache.handle(), sql.c_str(), -1, &insert, nullptr) != SQLITE_OK) {
            out() << "preparing " << sql.c_str() << " failed: " << sqlite3_errmsg(cache.handle())
                  << Qt::endl;
            return -1;
        }
        for (std::size_t first = 0; first < rows.cells.size(); first += rows.columns) {
            for (int column = 0; column < rows.columns; ++column) {
                bindCell(insert, column + 1, rows.cells[first + column]);
            }
            if (sqlite3_step(insert) != SQLITE_DONE) {
                out() << "inserting into " << rows.name.c_str()
                      << " failed: " << sqlite3_errmsg(cache.handle()) << Qt::endl;
                sqlite3_finalize(insert);
                return -1;
            }
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
    }
    return cache.commit() ? timer.elapsed() : -1;
}

std::size_t rowCount(const std::vector<TableRows> &tables, const std::string &name)
{
    for (const TableRows &rows : tables) {
        if (rows.name == name) {
            return rows.cells.size() / static_cast<std::size_t>(rows.columns);
        }
    }
    return 0;
}

int parseCount(const QString &value, const QString &name)
{
    bool ok = false;
    const int count = value.toInt(&ok);
    if (!ok || count < 1) {
        out() << name << " must be a positive integer, not \"" << value << "\"" << Qt::endl;
        std::exit(2);
    }
    return count;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
    int cases = 100000;
    int eventsPerCase = 10;
    std::optional<int> fetchLimit;
    std::optional<int> fetchPages;
    for (const QString &argument : app.arguments().mid(1)) {
        if (argument.startsWith(QLatin1String("--cases="))) {
            cases = parseCount(argument.mid(8), QStringLiteral("--cases"));
        } else if (argument.startsWith(QLatin1String("--events-per-case="))) {
            eventsPerCase = parseCount(argument.mid(18), QStringLiteral("--events-per-case"));
        } else if (argument.startsWith(QLatin1String("--fetch-limit="))) {
            fetchLimit = parseCount(argument.mid(14), QStringLiteral("--fetch-limit"));
            if (*fetchLimit > civicdesk::protocol::MaxFetchLimit) {
                out() << "--fetch-limit must be at most " << civicdesk::protocol::MaxFetchLimit
                      << ", not " << *fetchLimit << Qt::endl;
                return 2;
            }
        } else if (argument.startsWith(QLatin1String("--fetch-pages="))) {
            fetchPages = parseCount(argument.mid(14), QStringLiteral("--fetch-pages"));
            if (*fetchPages > civicdesk::protocol::MaxFetchPages) {
                out() << "--fetch-pages must be at most " << civicdesk::protocol::MaxFetchPages
                      << ", not " << *fetchPages << Qt::endl;
                return 2;
            }
        } else {
            out() << "invalid argument \"" << argument
                  << "\"; usage: bench_syncscale [--cases=N] [--events-per-case=M] "
                     "[--fetch-limit=N] [--fetch-pages=N]"
                  << Qt::endl;
            return 2;
        }
    }

    QTemporaryDir serverDir;
    ServerProcess server(serverDir.path());
    QElapsedTimer seedTimer;
    seedTimer.start();
    // An import of no requests writes the reference data, the accounts and the model only.
    if (!server.importData(0)) {
        out() << server.errorString() << Qt::endl;
        return 1;
    }
    if (!seedStore(serverDir.path(), cases, eventsPerCase)) {
        out() << "bench_seed failed" << Qt::endl;
        return 1;
    }
    out() << "import and seed of the server store: " << seedTimer.elapsed() / 1000.0 << " s"
          << Qt::endl;
    if (!server.start(0)) {
        out() << server.errorString() << Qt::endl;
        return 1;
    }

    QTemporaryDir clientDir;
    QString cachePath;
    qint64 syncMs = -1;
    const double serverCpuBefore = processCpuSeconds(server.processId());
    const double clientCpuBefore = processCpuSeconds(QCoreApplication::applicationPid());
    {
        ClientSession session(clientDir.path());
        CivicDesk::SyncClient::Timings timings;
        timings.fetchLimit = fetchLimit.value_or(timings.fetchLimit);
        timings.fetchPages = fetchPages.value_or(timings.fetchPages);
        session.setSyncTimings(timings);
        syncMs = firstSync(server.port(), session);
        cachePath = session.cacheFilePath();
        session.signOut();
    }
    const double syncClientCpu =
        processCpuSeconds(QCoreApplication::applicationPid()) - clientCpuBefore;
    const double syncServerCpu = processCpuSeconds(server.processId()) - serverCpuBefore;
    server.stop();
    if (syncMs < 0) {
        out() << "first sync failed or timed out" << Qt::endl;
        return 1;
    }

    QByteArray key;
    if (CivicDesk::KeyFile::read(CivicDesk::KeyStore::keyFilePath(cachePath),
            QString::fromLatin1(Passphrase), &key)
        != CivicDesk::KeyFile::Error::None) {
        out() << "failed to read the cache key of " << cachePath << Qt::endl;
        return 1;
    }
    Cache synced;
    if (synced.open(cachePath, key) != Cache::Error::None) {
        out() << "failed to open the synced cache: " << synced.lastErrorDetail() << Qt::endl;
        return 1;
    }
    const std::vector<TableRows> tables = readSyncedRows(synced.handle());
    const std::vector<std::string> syncedSchema = schemaOf(synced.handle());
    synced.close();
    const std::size_t syncedCases = rowCount(tables, "cases");
    const std::size_t syncedEvents = rowCount(tables, "interactions");
    if (syncedCases != std::size_t(cases) || syncedEvents != std::size_t(cases) * eventsPerCase) {
        out() << "the cache holds " << syncedCases << " cases and " << syncedEvents
              << " timeline events, not " << cases << " and " << qint64(cases) * eventsPerCase
              << Qt::endl;
        return 1;
    }

    QByteArray freshKey(Cache::KeySize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(freshKey.data()), Cache::KeySize / 4);
    Cache bulk;
    if (bulk.open(clientDir.path() + QStringLiteral("/bulk.sqlite"), freshKey)
        != Cache::Error::None) {
        out() << "failed to create the bulk-insert cache: " << bulk.lastErrorDetail() << Qt::endl;
        return 1;
    }
    const double bulkCpuBefore = processCpuSeconds(QCoreApplication::applicationPid());
    const qint64 bulkMs = bulkInsert(bulk, tables);
    if (bulkMs < 0) {
        return 1;
    }
    const double bulkCpu = processCpuSeconds(QCoreApplication::applicationPid()) - bulkCpuBefore;
    // The sync builds some indexes after its last page, so both caches must end with the
    // same tables and indexes for the comparison to hold.
    const std::vector<std::string> bulkSchema = schemaOf(bulk.handle());
    if (syncedSchema.empty() || syncedSchema != bulkSchema) {
        out() << "the synced cache and the bulk-insert cache have different schemas" << Qt::endl;
        return 1;
    }

    std::size_t totalRows = 0;
    for (const TableRows &rows : tables) {
        totalRows += rows.cells.size() / static_cast<std::size_t>(rows.columns);
    }
    const auto seconds = [](double value) { return QString::number(value, 'f', 2); };
    out() << "| cases | timeline events | rows in all | first sync (s) | client CPU (s) "
             "| server CPU (s) | bulk insert (s) | bulk insert CPU (s) | ratio | load average |"
          << Qt::endl;
    out() << "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" << Qt::endl;
    out() << "| " << syncedCases << " | " << syncedEvents << " | " << totalRows << " | "
          << seconds(syncMs / 1000.0) << " | " << seconds(syncClientCpu) << " | "
          << seconds(syncServerCpu) << " | " << seconds(bulkMs / 1000.0) << " | "
          << seconds(bulkCpu) << " | " << seconds(double(syncMs) / double(bulkMs)) << " | "
          << loadAverage() << " |" << Qt::endl;
    return 0;
}
