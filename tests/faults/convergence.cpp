#include "convergence.h"

#include <QSet>

namespace {

/** Returns a string field of a server record, or an empty string when it is null or absent. */
QString textField(const nlohmann::json &record, const char *key)
{
    const auto found = record.find(key);
    return found != record.end() && found->is_string()
        ? QString::fromStdString(found->get<std::string>())
        : QString();
}

} // namespace

QString differenceFromServer(CivicDesk::Repository &repository, const ProtocolProbe &probe)
{
    QSet<QString> serverCases;
    QHash<QString, int> serverTimeline;
    for (auto it = probe.records().cbegin(); it != probe.records().cend(); ++it) {
        if (it.key().first == QLatin1String("case")) {
            serverCases.insert(it.key().second);
        } else if (it.key().first == QLatin1String("interaction")) {
            ++serverTimeline[QString::fromStdString(it.value().at("partyId").get<std::string>())];
        }
    }
    QSet<QString> clientCases;
    for (const CivicDesk::QueueInfo &queue : repository.queues()) {
        for (const QString &id : repository.caseIds(queue.key, true)) {
            clientCases.insert(id);
        }
    }
    if (clientCases != serverCases) {
        return QStringLiteral("the client has %1 cases, the server %2")
            .arg(clientCases.size())
            .arg(serverCases.size());
    }
    for (const QString &caseId : serverCases) {
        const nlohmann::json &record = probe.records().value({ QStringLiteral("case"), caseId });
        const auto cached = repository.caseById(caseId);
        if (!cached || cached->version != record.at("__version").get<qint64>()) {
            return QStringLiteral("case %1 differs in version").arg(caseId);
        }
        if (cached->status != textField(record, "status")
            || cached->assigneeId != textField(record, "assigneeId")
            || cached->categoryId != textField(record, "categoryId")) {
            return QStringLiteral("case %1 differs in status, assignee or category").arg(caseId);
        }
    }
    for (auto it = serverTimeline.cbegin(); it != serverTimeline.cend(); ++it) {
        if (repository.timelineOfParty(it.key()).size() != it.value()) {
            return QStringLiteral("the timeline of party %1 differs").arg(it.key());
        }
    }
    return {};
}

int copiesOfNote(const ProtocolProbe &probe, const QString &text)
{
    int copies = 0;
    for (auto it = probe.records().cbegin(); it != probe.records().cend(); ++it) {
        if (it.key().first == QLatin1String("interaction")
            && it.value().at("body").get<std::string>() == text.toStdString()) {
            ++copies;
        }
    }
    return copies;
}

QStringList openCaseIds(CivicDesk::Repository &repository)
{
    QStringList open;
    for (const CivicDesk::QueueInfo &queue : repository.queues()) {
        for (const QString &id : repository.caseIds(queue.key, false)) {
            open.append(id);
        }
    }
    return open;
}
