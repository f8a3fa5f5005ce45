#include "testsupport.h"

#include "cache/keystore.h"
#include "data/repository.h"
#include "scriptedserver.h"

#include <QDebug>
#include <QSignalSpy>
#include <cstdio>

namespace TestSupport {

QByteArray randomKey()
{
    return CivicDesk::KeyStore::newKey();
}

QString textOf(const json &value)
{
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
}

std::unique_ptr<CivicDesk::Cache> openCache(const QString &path, const QByteArray &key)
{
    auto cache = std::make_unique<CivicDesk::Cache>();
    const CivicDesk::Cache::Error error = cache->open(path, key);
    if (error != CivicDesk::Cache::Error::None) {
        qWarning() << "cannot open test cache:" << CivicDesk::Cache::errorString(error)
                   << cache->lastErrorDetail();
        return nullptr;
    }
    return cache;
}

std::string uuid(int number)
{
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", number);
    return text;
}

civicdesk::protocol::Change upsert(
    std::int64_t seq, const std::string &entity, const json &data, std::int64_t version)
{
    return { seq, entity, data.at("id").get<std::string>(), version,
        civicdesk::protocol::ChangeOp::Upsert, data };
}

civicdesk::protocol::Change purge(
    std::int64_t seq, const std::string &entity, const std::string &id)
{
    return { seq, entity, id, 0, civicdesk::protocol::ChangeOp::Purge, nullptr };
}

json caseRecord(const std::string &id, const std::string &number, const std::string &teamId,
    double priority, const std::string &assigneeId, const std::string &status,
    const std::string &partyId)
{
    civicdesk::Case record;
    record.id = id;
    record.number = number;
    record.partyId = partyId;
    record.channel = "portal";
    record.text = "Case text of " + number;
    record.categoryId = "potholes";
    record.municipalityId = "9186";
    record.status = status;
    record.teamId = teamId;
    record.assigneeId = assigneeId;
    record.priority = priority;
    record.createdAt = "2024-03-01T10:00:00.000Z";
    record.updatedAt = record.createdAt;
    return record;
}

json partyRecord(const std::string &id, const std::string &firstName, const std::string &lastName,
    const std::string &afm, const std::string &amka)
{
    civicdesk::Party record;
    record.id = id;
    record.firstName = firstName;
    record.lastName = lastName;
    record.afm = afm;
    record.amka = amka;
    record.municipalityId = "9186";
    record.createdAt = "2024-01-01T00:00:00.000Z";
    return record;
}

json interactionRecord(const std::string &id, const std::string &partyId, const std::string &caseId,
    const std::string &body, const std::string &createdAt)
{
    civicdesk::Interaction record { id, partyId, caseId, "note", "internal", body, {}, createdAt };
    return record;
}

json userRecord(const std::string &id, const std::string &username, const std::string &displayName,
    const std::string &role, const std::vector<std::string> &teamIds)
{
    civicdesk::StaffUser record;
    record.id = id;
    record.username = username;
    record.displayName = displayName;
    civicdesk::roleFromString(role, record.role);
    record.teamIds = teamIds;
    return record;
}

json teamRecord(const std::string &id, const std::string &nameEl, const std::string &nameEn)
{
    civicdesk::Team record;
    record.id = id;
    record.agencyId = uuid(900);
    record.code = "T" + id.substr(id.size() - 3);
    record.nameEl = nameEl;
    record.nameEn = nameEn;
    return record;
}

json categoryRecord(const std::string &id, const std::string &nameEl, const std::string &nameEn)
{
    return civicdesk::Category { id, nameEl, nameEn, 1.0 };
}

json municipalityRecord(const std::string &id, const std::string &nameEl, const std::string &nameEn)
{
    return civicdesk::Municipality { id, "unit-1", "1", nameEl, nameEn };
}

std::unique_ptr<CivicDesk::ClientSession> signInToScriptedServer(
    ScriptedServer &server, const QString &directory)
{
    using namespace std::chrono_literals;
    server.append(upsert(0, "user", json(server.user)));
    auto session = std::make_unique<CivicDesk::ClientSession>(directory);
    CivicDesk::SyncClient::Timings timings;
    timings.backoffInitial = 20ms;
    timings.backoffMaximum = 100ms;
    session->setSyncTimings(timings);
    QSignalSpy finished(session.get(), &CivicDesk::ClientSession::syncFinished);
    session->signIn({ server.url(), QString::fromStdString(server.username),
        QString::fromStdString(server.password), QStringLiteral("cache passphrase") });
    if (!finished.wait(10000)) {
        return nullptr;
    }
    session->repository()->setLanguage(QStringLiteral("en"));
    return session;
}

} // namespace TestSupport
