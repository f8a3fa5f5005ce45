// The edits of ClientSession: case edits applied at once, record edits queued only.
#include "session/clientsession.h"

#include "corelogging.h"
#include "domain/ids.h"
#include "domain/records.h"
#include "session/clientsession_p.h"

namespace CivicDesk {

QString ClientSession::claimCase(const QString &caseId)
{
    return d->edit(caseId, QStringLiteral("claim"), nlohmann::json::object());
}

QString ClientSession::assignCase(const QString &caseId, const QString &assigneeId)
{
    if (assigneeId.isEmpty()) {
        return {};
    }
    return d->edit(
        caseId, QStringLiteral("assign"), { { "assigneeId", assigneeId.toStdString() } });
}

QString ClientSession::setCaseStatus(const QString &caseId, const QString &status)
{
    if (!civicdesk::isCaseStatus(status.toStdString())) {
        return {};
    }
    return d->edit(caseId, QStringLiteral("status"), { { "status", status.toStdString() } });
}

QString ClientSession::addCaseNote(const QString &caseId, const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return {};
    }
    return d->edit(caseId, QStringLiteral("note"), { { "text", text.trimmed().toStdString() } });
}

QString ClientSession::recategoriseCase(
    const QString &caseId, const QString &categoryId, const QString &subcategoryId)
{
    if (categoryId.isEmpty()) {
        return {};
    }
    nlohmann::json args { { "categoryId", categoryId.toStdString() },
        { "subcategoryId", nullptr } };
    if (!subcategoryId.isEmpty()) {
        args["subcategoryId"] = subcategoryId.toStdString();
    }
    return d->edit(caseId, QStringLiteral("recategorise"), args);
}

QString ClientSession::unlinkDuplicate(const QString &caseId)
{
    return d->edit(caseId, QStringLiteral("unlink_duplicate"), nlohmann::json::object());
}

QString ClientSession::saveRoutingRule(
    const QString &op, const QString &ruleId, qint64 baseVersion, const nlohmann::json &args)
{
    const bool create = op == QLatin1String("create");
    if (create != ruleId.isEmpty()) {
        // create makes the id, while update and retire name an existing rule.
        return {};
    }
    const QString id = create ? QString::fromStdString(civicdesk::generateUuid()) : ruleId;
    return d->editRecord(QStringLiteral("routingRule"), id, create ? 0 : baseVersion, op, args);
}

QString ClientSession::savePriorityWeights(qint64 baseVersion, const nlohmann::json &args)
{
    return d->editRecord(QStringLiteral("priorityWeights"), QStringLiteral("current"),
        baseVersion, QStringLiteral("set"), args);
}

QString ClientSession::Private::editRecord(const QString &entity, const QString &entityId,
    qint64 baseVersion, const QString &op, const nlohmann::json &args)
{
    if (!outbox) {
        return {};
    }
    const QString mutationId = outbox->enqueueRecordEdit(entity, entityId, baseVersion, op, args);
    if (mutationId.isEmpty()) {
        return {};
    }
    qCInfo(lcSession) << "queued" << op << "of" << entity << entityId << "as" << mutationId;
    announceEdit();
    return mutationId;
}

QString ClientSession::Private::edit(
    const QString &caseId, const QString &op, const nlohmann::json &args)
{
    if (!outbox) {
        return {};
    }
    const QString mutationId = outbox->enqueueCaseEdit(caseId, op, args);
    if (mutationId.isEmpty()) {
        return {};
    }
    qCInfo(lcSession) << "queued" << op << "of case" << caseId << "as" << mutationId;
    QStringList entities { QStringLiteral("case") };
    if (op == QLatin1String("note")) {
        entities.append(QStringLiteral("interaction"));
    }
    Q_EMIT q->cacheChanged(entities);
    announceEdit();
    return mutationId;
}

void ClientSession::Private::announceEdit()
{
    Q_EMIT q->pendingCountChanged(outbox->pendingCount());
    if (sync) {
        sync->sendPendingMutations();
    }
}

} // namespace CivicDesk
