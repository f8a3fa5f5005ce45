#include "workqueue.h"

namespace civicdesk::server {

void WorkQueue::post(WorkItem item)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_closed) {
            return;
        }
        m_items.push_back(std::move(item));
    }
    m_ready.notify_one();
}

void WorkQueue::postChangesAvailable()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_closed || m_changesQueued) {
            return;
        }
        m_changesQueued = true;
        m_items.push_back(WorkItem { WorkItem::Kind::ChangesAvailable, {}, {}, 0, false });
    }
    m_ready.notify_one();
}

bool WorkQueue::take(WorkItem &item)
{
    std::unique_lock lock(m_mutex);
    m_ready.wait(lock, [this] { return m_closed || !m_items.empty(); });
    if (m_closed) {
        return false;
    }

    item = std::move(m_items.front());
    m_items.pop_front();
    if (item.kind == WorkItem::Kind::ChangesAvailable) {
        // Cleared when taken, not when done, so a write during the fan-out queues another.
        m_changesQueued = false;
    }
    return true;
}

void WorkQueue::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_items.clear();
    }
    m_ready.notify_all();
}

} // namespace civicdesk::server
