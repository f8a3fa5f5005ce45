// SqliteStore::applyUnlinkDuplicate: a person unlinks a duplicate report.
#include "store/sqlitestore.h"

namespace civicdesk::server {

MutationOutcome SqliteStore::applyUnlinkDuplicate(const AccessScope &, const protocol::Mutation &, const StoredCase &)
{
    return mutationRejected(protocol::ErrorCode::MutationInvalid, "unlink_duplicate is not supported yet");
}

} // namespace civicdesk::server
