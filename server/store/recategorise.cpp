// SqliteStore::applyRecategorise: a person corrects a case's category.
#include "store/sqlitestore.h"

namespace civicdesk::server {

MutationOutcome SqliteStore::applyRecategorise(const AccessScope &, const protocol::Mutation &, const StoredCase &)
{
    return mutationRejected(protocol::ErrorCode::MutationInvalid, "recategorise is not supported yet");
}

} // namespace civicdesk::server
