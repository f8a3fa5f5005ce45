#include "sync/backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace CivicDesk {

Backoff::Backoff(Milliseconds initial, Milliseconds maximum, double jitter)
    : m_initial(initial)
    , m_maximum(maximum)
    , m_jitter(jitter)
{
}

Backoff::Milliseconds Backoff::nextDelay()
{
    const int doublings = std::min(m_attempt, 30);
    const double base =
        std::min(double(m_initial.count()) * double(1LL << doublings), double(m_maximum.count()));
    ++m_attempt;

    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * m_jitter;
    return Milliseconds(qint64(base * (1.0 + spread)));
}

Backoff::Milliseconds Backoff::nextDelay(Milliseconds minimum)
{
    const Milliseconds delay = nextDelay();
    if (delay >= minimum) {
        return delay;
    }
    const double spread = QRandomGenerator::global()->generateDouble() * m_jitter;
    return Milliseconds(qint64(double(minimum.count()) * (1.0 + spread)));
}

} // namespace CivicDesk
