#pragma once

#include "cache/cache.h"
#include "protocol/messages.h"
#include "session/clientsession.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <string>

class ScriptedServer;

/** Records, changes and caches for the client core tests. */
namespace TestSupport {

using nlohmann::json;

QByteArray randomKey();
/** A JSON string as QString; other values as their JSON text (so mismatches print). */
QString textOf(const json &value);
/** Opens (creating) a cache; returns null and prints the error when it fails. */
std::unique_ptr<CivicDesk::Cache> openCache(const QString &path, const QByteArray &key);

/** A fixed lowercase UUID made from a number, so tests can name records. */
std::string uuid(int number);

civicdesk::protocol::Change upsert(
    std::int64_t seq, const std::string &entity, const json &data, std::int64_t version = 1);
civicdesk::protocol::Change purge(
    std::int64_t seq, const std::string &entity, const std::string &id);

json caseRecord(const std::string &id, const std::string &number, const std::string &teamId,
    double priority, const std::string &assigneeId = {}, const std::string &status = "new",
    const std::string &partyId = {});
json partyRecord(const std::string &id, const std::string &firstName, const std::string &lastName,
    const std::string &afm, const std::string &amka);
json interactionRecord(const std::string &id, const std::string &partyId, const std::string &caseId,
    const std::string &body, const std::string &createdAt);
json userRecord(const std::string &id, const std::string &username, const std::string &displayName,
    const std::string &role, const std::vector<std::string> &teamIds);
json teamRecord(const std::string &id, const std::string &nameEl, const std::string &nameEn);
json categoryRecord(const std::string &id, const std::string &nameEl, const std::string &nameEn);
json municipalityRecord(
    const std::string &id, const std::string &nameEl, const std::string &nameEn);

/**
 * Publishes the server's user record, then signs a new session in to the scripted server
 * with short reconnect timings and the display language en. Returns the session once its
 * first sync finished, or null after 10 s.
 */
std::unique_ptr<CivicDesk::ClientSession> signInToScriptedServer(
    ScriptedServer &server, const QString &directory);

} // namespace TestSupport
