// SqliteStore::applyRoutingRuleMutation: edits of the routing table.
#include "store/sqlitestore.h"

namespace civicdesk::server {

MutationOutcome SqliteStore::applyRoutingRuleMutation(const AccessScope &, const protocol::Mutation &)
{
    return mutationRejected(protocol::ErrorCode::MutationInvalid, "routing rules cannot be edited yet");
}

} // namespace civicdesk::server
