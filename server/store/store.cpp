#include "store/store.h"

#include "store/sqlitestore.h"

#include <algorithm>

namespace civicdesk::server {

POCO_IMPLEMENT_EXCEPTION(StoreException, Poco::Exception, "Store failure")

bool AccessScope::allows(const std::string &scopeTag) const
{
    if (everything || scopeTag == "public") {
        return true;
    }
    const std::string prefix = "team:";
    if (scopeTag.rfind(prefix, 0) != 0) {
        return false;
    }
    const std::string teamId = scopeTag.substr(prefix.size());
    return std::find(teamIds.begin(), teamIds.end(), teamId) != teamIds.end();
}

std::unique_ptr<Store> Store::open(const std::string &databasePath)
{
    return SqliteStore::openFile(databasePath);
}

std::string teamScope(const std::string &teamId)
{
    return "team:" + teamId;
}

} // namespace civicdesk::server
