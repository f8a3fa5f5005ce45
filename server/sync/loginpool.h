#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace civicdesk::server {

/**
 * A fixed set of threads that run password checks, so Argon2id never runs on the worker
 * thread. The number of jobs queued or running is bounded; tryPost() rejects a job beyond
 * it instead of queueing without limit. Thread-safe. Poco::ThreadPool is not used because
 * it has no queue: start() throws when every thread is busy.
 */
class LoginPool
{
public:
    LoginPool(std::size_t threadCount, std::size_t maxPending);
    ~LoginPool();

    LoginPool(const LoginPool &) = delete;
    LoginPool &operator=(const LoginPool &) = delete;

    /** Queues job. Returns false, and drops job, when maxPending jobs are queued or running. */
    bool tryPost(std::function<void()> job);

    /** Returns the number of jobs queued or running. */
    std::size_t pendingCount() const;

    /** Drops the queued jobs, waits for the running ones and joins the threads. */
    void stop();

private:
    void run();

    const std::size_t m_maxPending;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs;
    std::size_t m_running = 0;
    bool m_stopped = false;
    std::vector<std::thread> m_threads;
};

} // namespace civicdesk::server
