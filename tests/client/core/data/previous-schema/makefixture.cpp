// Writes the cache fixture of the previous schema version. It is built against the client core
// and test helpers of the release before the newest cache migration (see README.md). It signs
// in to the scripted server, makes one edit that the server rejects and six offline edits that
// stay pending. Then it copies the cache, its key file and a manifest of the cache's contents.
#include "cache/cache.h"
#include "cache/keyfile.h"
#include "cache/keystore.h"
#include "scriptedserver.h"
#include "session/clientsession.h"
#include "sync/outbox.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>
#include <functional>
#include <sqlite3.h>

using namespace CivicDesk;
using namespace TestSupport;
using namespace std::chrono_literals;

namespace {

const QString Passphrase = QStringLiteral("previous-schema-fixture");

bool waitFor(const std::function<bool()> &condition)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > 10000) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

json outboxEntryJson(const OutboxEntry &entry)
{
    return { { "seq", entry.seq }, { "mutationId", entry.mutationId.toStdString() },
        { "entity", entry.entity.toStdString() }, { "entityId", entry.entityId.toStdString() },
        { "baseVersion", entry.baseVersion }, { "op", entry.op.toStdString() },
        { "args", json::parse(entry.argsJson.toStdString()) },
        { "state", entry.state.toStdString() }, { "rejectCode", entry.rejectCode.toStdString() },
        { "rejectMessage", entry.rejectMessage.toStdString() },
        { "createdAt", entry.createdAt.toStdString() } };
}

/** Returns every row of every table as arrays of column text (null for NULL). */
json tableRows(sqlite3 *db)
{
    json tables = json::object();
    sqlite3_stmt *names = nullptr;
    sqlite3_prepare_v2(db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence' "
        "ORDER BY name",
        -1, &names, nullptr);
    while (sqlite3_step(names) == SQLITE_ROW) {
        const std::string table = reinterpret_cast<const char *>(sqlite3_column_text(names, 0));
        const std::string sql = "SELECT * FROM " + table + " ORDER BY rowid";
        sqlite3_stmt *rows = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &rows, nullptr);
        json list = json::array();
        while (sqlite3_step(rows) == SQLITE_ROW) {
            json row = json::array();
            for (int column = 0; column < sqlite3_column_count(rows); ++column) {
                const auto *text = sqlite3_column_text(rows, column);
                row.push_back(text ? json(reinterpret_cast<const char *>(text)) : json());
            }
            list.push_back(row);
        }
        sqlite3_finalize(rows);
        tables[table] = list;
    }
    sqlite3_finalize(names);
    return tables;
}

void appendServerLog(ScriptedServer &server)
{
    const std::string team = uuid(100);
    const std::string party = uuid(20);
    server.append(upsert(0, "user", json(server.user)));
    server.append(upsert(0, "user", userRecord(uuid(2), "agent2", "Agent Two", "agent", { team })));
    server.append(upsert(0, "team", teamRecord(team, "Τεχνικές υπηρεσίες", "Technical")));
    server.append(upsert(0, "category", categoryRecord("potholes", "Λακκούβες", "Potholes")));
    server.append(upsert(0, "category", categoryRecord("lighting", "Φωτισμός", "Lighting")));
    server.append(upsert(
        0, "party", partyRecord(party, "Μαρία", "Παπαδοπούλου", "123456789", "01017012345")));
    server.append(upsert(0, "case", caseRecord(uuid(30), "CD-30", team, 4.0, {}, "new", party)));
    server.append(upsert(0, "case", caseRecord(uuid(31), "CD-31", team, 3.0, {}, "new", party)));
    server.append(upsert(0, "case", caseRecord(uuid(32), "CD-32", team, 2.0, {}, "new", party)));
    server.append(upsert(
        0, "case", caseRecord(uuid(33), "CD-33", team, 1.0, uuid(2), "in_progress", party), 3));
    server.append(upsert(0, "interaction",
        interactionRecord(
            uuid(50), party, uuid(30), "Πρώτη επικοινωνία", "2024-03-01T10:05:00.000Z")));
    server.append(upsert(0, "interaction",
        interactionRecord(
            uuid(51), party, uuid(31), "Second contact", "2024-03-02T09:00:00.000Z")));
}

json serverLogJson(const ScriptedServer &server)
{
    json log = json::array();
    for (const civicdesk::protocol::Change &change : server.log) {
        log.push_back({ { "entity", change.entity }, { "version", change.version },
            { "data", change.data } });
    }
    return log;
}

/** Signs in, has one edit rejected, then edits offline; returns the cache file's path. */
QString makeCache(ScriptedServer &server, const QString &directory)
{
    ClientSession session(directory);
    SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 100ms;
    session.setSyncTimings(timings);
    session.signIn({ server.url(), QString::fromStdString(server.username),
        QString::fromStdString(server.password), Passphrase });
    if (!waitFor([&] { return session.state() == ClientSession::State::Online; })) {
        return {};
    }

    server.rejectMutations = true;
    server.rejectCurrent = server.log.at(9).data;
    server.rejectCurrent["version"] = 3;
    session.setCaseStatus(QString::fromStdString(uuid(33)), QStringLiteral("resolved"));
    if (!waitFor([&] { return session.rejectedCount() == 1; })) {
        return {};
    }

    server.shutDown();
    if (!waitFor([&] { return session.state() == ClientSession::State::Offline; })) {
        return {};
    }
    const bool queued = !session
                             .addCaseNote(QString::fromStdString(uuid(30)),
                                 QStringLiteral("Σημείωση εκτός σύνδεσης: έλεγχος πεζοδρομίου"))
                             .isEmpty()
        && !session.setCaseStatus(QString::fromStdString(uuid(31)), "in_progress").isEmpty()
        && !session.claimCase(QString::fromStdString(uuid(32))).isEmpty()
        && !session.assignCase(QString::fromStdString(uuid(30)), QString::fromStdString(uuid(2)))
                .isEmpty()
        && !session.recategoriseCase(QString::fromStdString(uuid(31)), "lighting", {}).isEmpty()
        && !session
                .saveRoutingRule(
                    "create", {}, 0, { { "categoryId", "potholes" }, { "areaLevel", "any" } })
                .isEmpty();
    if (!queued || session.pendingCount() != 6) {
        return {};
    }
    const QString path = session.cacheFilePath();
    session.signOut();
    return path;
}

json describeCache(const QString &path, const QString &userId)
{
    QByteArray key;
    if (KeyFile::read(KeyStore::keyFilePath(path), Passphrase, &key) != KeyFile::Error::None) {
        return {};
    }
    Cache cache;
    if (cache.open(path, key) != Cache::Error::None) {
        return {};
    }
    json outbox = json::array();
    for (const OutboxEntry &entry : Outbox(cache, userId).entries()) {
        outbox.push_back(outboxEntryJson(entry));
    }
    return { { "schemaVersion", cache.schemaVersion() }, { "outbox", outbox },
        { "tables", tableRows(cache.handle()) } };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
    if (argc != 2) {
        std::fprintf(stderr, "usage: makefixture OUTPUT_DIRECTORY\n");
        return 2;
    }
    const QDir output(QString::fromLocal8Bit(argv[1]));

    QTemporaryDir work;
    ScriptedServer server;
    if (!work.isValid() || !server.listen()) {
        std::fprintf(stderr,
            "makefixture: failed to create a temporary directory or to listen on 127.0.0.1\n");
        return 1;
    }
    appendServerLog(server);
    const json log = serverLogJson(server);
    const QString path = makeCache(server, work.path());
    if (path.isEmpty() || QFile::exists(path + QStringLiteral("-wal"))) {
        std::fprintf(stderr,
            "makefixture: timed out waiting for the session to sync, see a reject and go "
            "offline\n");
        return 1;
    }

    json manifest = describeCache(path, QString::fromStdString(server.user.id));
    if (manifest.is_null()) {
        std::fprintf(stderr, "makefixture: failed to reopen the cache with its key file\n");
        return 1;
    }
    manifest["serverLog"] = log;
    QFile::remove(output.filePath(QStringLiteral("cache.cdcache")));
    QFile::remove(output.filePath(QStringLiteral("cache.cdcache.key")));
    QFile manifestFile(output.filePath(QStringLiteral("manifest.json")));
    if (!QFile::copy(path, output.filePath(QStringLiteral("cache.cdcache")))
        || !QFile::copy(
            KeyStore::keyFilePath(path), output.filePath(QStringLiteral("cache.cdcache.key")))
        || !manifestFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(
            stderr, "makefixture: failed to write to the output directory; check that it exists\n");
        return 1;
    }
    manifestFile.write(QByteArray::fromStdString(manifest.dump(2) + "\n"));
    return 0;
}
