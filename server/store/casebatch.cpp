// Group commit for intake: createCase calls that arrive while a transaction is being written
// wait for the store's lock and then go out together in the next transaction. One commit,
// and one write of each shared page to the write-ahead log, then serves many cases.
//
// Few cases arrive while one batch is written: a count at 16 connections gave 1.5 cases per
// commit, and each commit wrote about 20 pages to the log. So a case waits, for at most
// MaxCommitWait and before it takes the store's lock, while other submissions are still on
// their way to createCase (counted by IntakeCount). When no other submission is counted,
// the queue is complete at once and the case does not wait.
#include "store/sqlitestore.h"

#include <chrono>
#include <exception>

namespace civicdesk::server {

namespace {

constexpr auto MaxCommitWait = std::chrono::milliseconds(2);
constexpr std::size_t MaxBatchCases = 64;

} // namespace

SqliteStore::IntakeCount::IntakeCount(SqliteStore &store)
    : m_store(store)
{
    std::lock_guard lock(m_store.m_pendingMutex);
    ++m_store.m_intakesRunning;
}

SqliteStore::IntakeCount::~IntakeCount()
{
    bool allQueued = false;
    {
        std::lock_guard lock(m_store.m_pendingMutex);
        --m_store.m_intakesRunning;
        allQueued = !m_store.m_pendingCases.empty()
            && m_store.m_pendingCases.size() >= m_store.m_intakesRunning;
    }
    // A submission that ends without a case (a bad field) may be the one the queue waits for.
    if (allQueued) {
        m_store.m_pendingQueued.notify_all();
    }
}

struct SqliteStore::PendingCase
{
    CaseBundle bundle;
    CaseWriteResult result;
    std::exception_ptr error;
    bool batched = false; // moved from the queue into a batch; under m_pendingMutex
    bool done = false; // written and read only with m_mutex held
};

CaseWriteResult SqliteStore::createCase(CaseBundle bundle)
{
    auto pending = std::make_shared<PendingCase>();
    pending->bundle = std::move(bundle);
    {
        std::unique_lock queueLock(m_pendingMutex);
        m_pendingCases.push_back(pending);
        // Each queued case's submission is still counted, so more counted submissions than
        // queued cases means that some are on their way. The wait takes no store lock. Only
        // the arrival that completes the queue wakes the others, because waking every
        // waiting thread on each arrival took 7% of the server's CPU in a profile.
        const auto complete = [this] {
            return m_pendingCases.size() >= m_intakesRunning
                || m_pendingCases.size() >= MaxBatchCases;
        };
        if (complete()) {
            m_pendingQueued.notify_all();
        } else {
            m_pendingQueued.wait_for(
                queueLock, MaxCommitWait, [&] { return pending->batched || complete(); });
        }
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
            for (const auto &queued : batch) {
                queued->batched = true;
            }
        }
        m_pendingQueued.notify_all();
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
