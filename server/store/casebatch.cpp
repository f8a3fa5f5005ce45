// Group commit for intake: createCase calls that arrive while a transaction is being written
// wait for the store's lock and then go out together in the next transaction. One commit,
// and one write of each shared page to the write-ahead log, then serves many cases.
#include "store/sqlitestore.h"

#include <exception>

namespace civicdesk::server {

struct SqliteStore::PendingCase
{
    CaseBundle bundle;
    CaseWriteResult result;
    std::exception_ptr error;
    bool done = false; // written and read only with m_mutex held
};

CaseWriteResult SqliteStore::createCase(CaseBundle bundle)
{
    auto pending = std::make_shared<PendingCase>();
    pending->bundle = std::move(bundle);
    {
        std::lock_guard queueLock(m_pendingMutex);
        m_pendingCases.push_back(pending);
    }

    // The caller that takes the lock first writes every queued case, its own included. A caller
    // whose case a previous holder wrote finds it done and only collects the result.
    std::unique_lock lock(m_mutex);
    const bool leader = !pending->done;
    if (leader) {
        std::vector<std::shared_ptr<PendingCase>> batch;
        {
            std::lock_guard queueLock(m_pendingMutex);
            batch.swap(m_pendingCases);
        }
        writeCaseBatch(batch);
    }
    lock.unlock();

    if (leader) {
        notifyListener();
    }
    if (pending->error) {
        std::rethrow_exception(pending->error);
    }
    return pending->result;
}

void SqliteStore::writeCaseBatch(const std::vector<std::shared_ptr<PendingCase>> &batch)
{
    std::exception_ptr commitError;
    try {
        inTransaction([&] {
            for (const auto &pending : batch) {
                writePendingCase(*pending);
            }
        });
    } catch (...) {
        commitError = std::current_exception();
        // The remembered serials may belong to cases that were rolled back.
        m_lastCaseSerials.clear();
    }
    for (const auto &pending : batch) {
        if (commitError) {
            pending->error = commitError;
        }
        pending->result.created = !pending->error;
        pending->done = true;
    }
}

void SqliteStore::writePendingCase(PendingCase &pending)
{
    // A savepoint per case: a case that fails is rolled back alone and its caller gets the
    // error, while the other cases of the batch are committed.
    m_sql.exec("SAVEPOINT intake_case");
    try {
        pending.result = writeSubmittedCase(pending.bundle);
        m_sql.exec("RELEASE intake_case");
        rememberCaseNumber(pending.result.kase.number);
    } catch (const std::exception &) { // Poco::Exception, StoreException included
        pending.error = std::current_exception();
        m_sql.exec("ROLLBACK TO intake_case");
        m_sql.exec("RELEASE intake_case");
    }
}

} // namespace civicdesk::server
