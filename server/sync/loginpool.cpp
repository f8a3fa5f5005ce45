#include "loginpool.h"

namespace civicdesk::server {

LoginPool::LoginPool(std::size_t threadCount, std::size_t maxPending)
    : m_maxPending(maxPending)
{
    m_threads.reserve(threadCount);
    for (std::size_t i = 0; i < threadCount; ++i) {
        m_threads.emplace_back([this] { run(); });
    }
}

LoginPool::~LoginPool()
{
    stop();
}

bool LoginPool::tryPost(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped || m_jobs.size() + m_running >= m_maxPending) {
            return false;
        }
        m_jobs.push_back(std::move(job));
    }
    m_ready.notify_one();
    return true;
}

std::size_t LoginPool::pendingCount() const
{
    std::lock_guard lock(m_mutex);
    return m_jobs.size() + m_running;
}

void LoginPool::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_jobs.clear();
    }
    m_ready.notify_all();
    for (std::thread &thread : m_threads) {
        if (thread.joinable()) {
            thread.join();
        }
    }
}

void LoginPool::run()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return m_stopped || !m_jobs.empty(); });
            if (m_stopped) {
                return;
            }
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            ++m_running;
        }

        job();

        std::lock_guard lock(m_mutex);
        --m_running;
    }
}

} // namespace civicdesk::server
