// SqliteStore::applyPriorityWeightsMutation: edits of the priority weights.
#include "store/sqlitestore.h"

namespace civicdesk::server {

MutationOutcome SqliteStore::applyPriorityWeightsMutation(const AccessScope &, const protocol::Mutation &)
{
    return mutationRejected(protocol::ErrorCode::MutationInvalid, "priority weights cannot be edited yet");
}

} // namespace civicdesk::server
