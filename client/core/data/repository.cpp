#include "data/repository.h"

#include "cache/cache.h"
#include "cache/statement.h"
#include "data/recordconverter.h"
#include "corelogging.h"
#include "data/textnormalizer.h"
#include "domain/ids.h"
#include "protocol/accesslog.h"

#include <algorithm>

namespace CivicDesk {

using nlohmann::json;

namespace {

constexpr const char *OpenOnly = " AND status NOT IN ('resolved', 'closed')";
constexpr const char *CaseColumns =
    "SELECT data, version, EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = cases.id "
    "AND o.state <> 'rejected') FROM cases ";

json parseRecord(const QByteArray &text)
{
    return json::parse(text.toStdString(), nullptr, false);
}

QString placeholders(int count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QLatin1Char(','));
}

QString likeEscaped(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return escaped;
}

} // namespace

Repository::Repository(Cache &cache, const QString &userId)
    : m_cache(cache)
    , m_userId(userId)
{
}

void Repository::setLanguage(const QString &language)
{
    m_language = language == QLatin1String("en") ? language : QStringLiteral("el");
}

QString Repository::language() const
{
    return m_language;
}

UserInfo Repository::currentUser() const
{
    Statement query(m_cache, "SELECT data FROM users WHERE id = ?");
    if (query.bind(1, m_userId).next()) {
        return RecordConverter::toUser(parseRecord(query.bytes(0)));
    }
    return RecordConverter::toUser(parseRecord(m_cache.meta(QStringLiteral("user")).toUtf8()));
}

bool Repository::seesAllTeams() const
{
    const QString role = currentUser().role;
    return role == QLatin1String("supervisor") || role == QLatin1String("admin");
}

QStringList Repository::queueTeamIds() const
{
    if (!seesAllTeams()) {
        return currentUser().teamIds;
    }
    QStringList ids;
    Statement query(m_cache, "SELECT DISTINCT team_id FROM cases WHERE team_id IS NOT NULL");
    while (query.next()) {
        ids.append(query.text(0));
    }
    for (const QString &own : currentUser().teamIds) {
        if (!ids.contains(own)) {
            ids.append(own);
        }
    }
    return ids;
}

QList<QueueInfo> Repository::queues() const
{
    QList<QueueInfo> result;
    result.append(
        { { QueueKey::Kind::Mine, {} }, {}, int(countOpen({ QueueKey::Kind::Mine, {} })) });

    RecordConverter converter(m_cache, m_language);
    QList<QueueInfo> teamQueues;
    for (const QString &teamId : queueTeamIds()) {
        const QueueKey key { QueueKey::Kind::Team, teamId };
        teamQueues.append({ key, converter.referenceName("teams", teamId), int(countOpen(key)) });
    }
    std::sort(teamQueues.begin(), teamQueues.end(), [](const QueueInfo &a, const QueueInfo &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    result.append(teamQueues);

    const QueueKey unassigned { QueueKey::Kind::Unassigned, {} };
    result.append({ unassigned, {}, int(countOpen(unassigned)) });
    return result;
}

QString Repository::queueCondition(const QueueKey &queue, QStringList *binds) const
{
    switch (queue.kind) {
    case QueueKey::Kind::Mine:
        binds->append(m_userId);
        return QStringLiteral("assignee_id = ?");
    case QueueKey::Kind::Team:
        binds->append(queue.teamId);
        return QStringLiteral("team_id = ?");
    case QueueKey::Kind::Unassigned: {
        if (seesAllTeams()) {
            return QStringLiteral("assignee_id IS NULL");
        }
        const QStringList teams = currentUser().teamIds;
        binds->append(teams);
        return QStringLiteral("assignee_id IS NULL AND team_id IN (%1)")
            .arg(teams.isEmpty() ? QStringLiteral("NULL") : placeholders(int(teams.size())));
    }
    }
    return QStringLiteral("0");
}

qint64 Repository::countOpen(const QueueKey &queue) const
{
    QStringList binds;
    const QString sql = QStringLiteral("SELECT count(*) FROM cases WHERE ")
        + queueCondition(queue, &binds) + QLatin1String(OpenOnly);
    Statement query(m_cache, sql.toUtf8().constData());
    for (int i = 0; i < binds.size(); ++i) {
        query.bind(i + 1, binds.at(i));
    }
    return query.next() ? query.integer(0) : 0;
}

QString Repository::caseQueueFilter(
    const QueueKey &queue, bool includeClosed, QStringList *binds) const
{
    // The open filter is written as in the partial indexes cases_team_open and
    // cases_assignee_open (schema.cpp), so that SQLite can use them.
    return queueCondition(queue, binds) + (includeClosed ? QString() : QLatin1String(OpenOnly));
}

QStringList Repository::caseIds(const QueueKey &queue, bool includeClosed) const
{
    QStringList binds;
    const QString sql = QStringLiteral("SELECT id FROM cases WHERE ")
        + caseQueueFilter(queue, includeClosed, &binds)
        + QLatin1String(" ORDER BY priority DESC, created_at, id");
    Statement query(m_cache, sql.toUtf8().constData());
    for (int i = 0; i < binds.size(); ++i) {
        query.bind(i + 1, binds.at(i));
    }
    QStringList ids;
    while (query.next()) {
        ids.append(query.text(0));
    }
    return ids;
}

QList<CaseInfo> Repository::casesByIds(const QStringList &ids) const
{
    QHash<QString, CaseInfo> byId;
    RecordConverter converter(m_cache, m_language);
    constexpr int Chunk = 200;
    for (int start = 0; start < ids.size(); start += Chunk) {
        const QStringList part = ids.mid(start, Chunk);
        const QString sql = QLatin1String(CaseColumns)
            + QStringLiteral("WHERE id IN (%1)").arg(placeholders(int(part.size())));
        Statement query(m_cache, sql.toUtf8().constData());
        for (int i = 0; i < part.size(); ++i) {
            query.bind(i + 1, part.at(i));
        }
        while (query.next()) {
            CaseInfo info = converter.toCase(
                parseRecord(query.bytes(0)), query.integer(1), query.integer(2) != 0);
            byId.insert(info.id, info);
        }
    }

    QList<CaseInfo> ordered;
    ordered.reserve(byId.size());
    for (const QString &id : ids) {
        const auto found = byId.constFind(id);
        if (found != byId.constEnd()) {
            ordered.append(*found);
        }
    }
    return ordered;
}

std::optional<CaseInfo> Repository::caseById(const QString &caseId) const
{
    const QList<CaseInfo> found = casesByIds({ caseId });
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<PartyInfo> Repository::partyById(const QString &partyId) const
{
    Statement query(m_cache, "SELECT data FROM parties WHERE id = ?");
    if (!query.bind(1, partyId).next()) {
        return std::nullopt;
    }
    RecordConverter converter(m_cache, m_language);
    return converter.toParty(parseRecord(query.bytes(0)));
}

QList<CaseInfo> Repository::casesOfParty(const QString &partyId) const
{
    QStringList ids;
    Statement query(m_cache, "SELECT id FROM cases WHERE party_id = ? ORDER BY created_at DESC");
    query.bind(1, partyId);
    while (query.next()) {
        ids.append(query.text(0));
    }
    return casesByIds(ids);
}

QList<InteractionInfo> Repository::timelineOfParty(const QString &partyId) const
{
    return timeline("party_id", partyId);
}

QList<InteractionInfo> Repository::timelineOfCase(const QString &caseId) const
{
    return timeline("case_id", caseId);
}

QList<InteractionInfo> Repository::timeline(const char *column, const QString &id) const
{
    const QByteArray sql = QByteArray("SELECT data, pending FROM interactions WHERE ") + column
        + " = ? ORDER BY created_at DESC, id";
    Statement query(m_cache, sql.constData());
    query.bind(1, id);
    RecordConverter converter(m_cache, m_language);
    QList<InteractionInfo> items;
    while (query.next()) {
        items.append(converter.toInteraction(parseRecord(query.bytes(0)), query.integer(1) != 0));
    }
    return items;
}

QList<PartyInfo> Repository::searchParties(const QString &text, int limit) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || limit <= 0) {
        return {};
    }
    Statement query(m_cache,
        "SELECT data FROM parties WHERE name_normalized LIKE ? ESCAPE '\\' "
        "OR afm LIKE ? ESCAPE '\\' OR amka LIKE ? ESCAPE '\\' "
        "ORDER BY name_normalized, id LIMIT ?");
    const QString prefix = likeEscaped(trimmed) + QLatin1Char('%');
    query.bind(1, QLatin1Char('%') + likeEscaped(normalizeForSearch(trimmed)) + QLatin1Char('%'));
    query.bind(2, prefix).bind(3, prefix).bind(4, limit);

    RecordConverter converter(m_cache, m_language);
    QList<PartyInfo> parties;
    while (query.next()) {
        parties.append(converter.toParty(parseRecord(query.bytes(0))));
    }
    return parties;
}

QList<UserInfo> Repository::membersOfTeam(const QString &teamId) const
{
    // NOTE: SQLite 3.15 has no JSON1, so team membership is filtered here. The users table
    // contains staff records only and stays small.
    QList<UserInfo> members;
    Statement query(m_cache, "SELECT data FROM users");
    while (query.next()) {
        UserInfo user = RecordConverter::toUser(parseRecord(query.bytes(0)));
        if (user.teamIds.contains(teamId)) {
            members.append(user);
        }
    }
    std::sort(members.begin(), members.end(), [](const UserInfo &a, const UserInfo &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    return members;
}

QList<TeamInfo> Repository::teams() const
{
    RecordConverter converter(m_cache, m_language);
    QList<TeamInfo> result;
    Statement query(m_cache, "SELECT data FROM teams");
    while (query.next()) {
        result.append(converter.toTeam(parseRecord(query.bytes(0))));
    }
    std::sort(result.begin(), result.end(), [](const TeamInfo &a, const TeamInfo &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return result;
}

bool Repository::recordAccess(const QString &entity, const QString &entityId, const QString &reason)
{
    const civicdesk::protocol::AccessEntry entry { civicdesk::generateUuid(), entity.toStdString(),
        entityId.toStdString(), reason.toStdString(), civicdesk::utcNowIso() };
    const std::string problem = civicdesk::protocol::accessEntryProblem(entry);
    if (!problem.empty()) {
        qCWarning(lcCache) << "not recording the read of" << entity << entityId << ":"
                           << QString::fromStdString(problem);
        return false;
    }

    // The entry waits with uploaded = 0 until SyncClient uploads it (AccessLogQueue).
    Statement insert(m_cache,
        "INSERT INTO access_log (entry_id, user_id, entity, entity_id, reason, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, QByteArray::fromStdString(entry.id)).bind(2, m_userId).bind(3, entity);
    insert.bind(4, entityId).bind(5, reason).bind(6, QByteArray::fromStdString(entry.readAt));
    if (!insert.run()) {
        qCWarning(lcCache) << "recording the read of" << entity << entityId
                           << "failed:" << m_cache.lastErrorDetail();
        return false;
    }
    return true;
}

} // namespace CivicDesk
