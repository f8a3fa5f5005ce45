// The rejected edits of ClientSession: listing them and resolving them.
#include "session/clientsession.h"
#include "session/clientsession_p.h"

namespace CivicDesk {

bool ClientSession::dismissRejectedEdit(const QString &mutationId)
{
    const QList<ConflictResolver::Outcome> outcomes =
        resolveConflicts({ mutationId }, ConflictResolver::Resolution::TakeServer);
    return outcomes.size() == 1 && outcomes.first().ok();
}

QList<Conflict> ClientSession::conflicts() const
{
    if (!d->cache || !d->outbox) {
        return {};
    }
    return ConflictResolver(*d->cache, d->user.id).conflicts();
}

QList<ConflictResolver::Outcome> ClientSession::resolveConflicts(
    const QStringList &mutationIds, ConflictResolver::Resolution resolution)
{
    if (!d->cache || !d->outbox) {
        return {};
    }
    const QList<ConflictResolver::Outcome> outcomes =
        ConflictResolver(*d->cache, d->user.id).resolve(mutationIds, resolution);
    d->announceResolutions(outcomes);
    return outcomes;
}

ConflictResolver::Outcome ClientSession::mergeConflict(
    const QString &mutationId, const nlohmann::json &values)
{
    if (!d->cache || !d->outbox) {
        ConflictResolver::Outcome outcome;
        outcome.error = ConflictResolver::Error::NotFound;
        outcome.mutationId = mutationId;
        outcome.detail = QStringLiteral("signed out");
        return outcome;
    }
    const ConflictResolver::Outcome outcome =
        ConflictResolver(*d->cache, d->user.id).merge(mutationId, values);
    d->announceResolutions({ outcome });
    return outcome;
}

void ClientSession::Private::announceResolutions(const QList<ConflictResolver::Outcome> &outcomes)
{
    bool resolved = false;
    bool caseShown = false;
    for (const ConflictResolver::Outcome &outcome : outcomes) {
        resolved = resolved || outcome.ok();
        caseShown = caseShown || (outcome.ok() && outcome.entity == QLatin1String("case"));
    }
    if (!resolved) {
        return;
    }
    // Only a case shows queued edits in the cache, and a note in its timeline. Other records
    // change when the server's change arrives.
    if (caseShown) {
        Q_EMIT q->cacheChanged({ QStringLiteral("case"), QStringLiteral("interaction") });
    }
    Q_EMIT q->rejectedEditsChanged();
    announceEdit();
}

} // namespace CivicDesk
