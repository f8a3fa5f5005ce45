#pragma once

#include <chrono>

namespace CivicDesk {

/**
 * Reconnect delays: the first is the initial delay and each next one doubles up to the
 * maximum. Each delay is spread by a random jitter (±20% by default), so that clients
 * cut off together do not all return at the same moment.
 */
class Backoff
{
public:
    using Milliseconds = std::chrono::milliseconds;

    explicit Backoff(Milliseconds initial = Milliseconds(1000),
        Milliseconds maximum = Milliseconds(60000), double jitter = 0.2);

    /** Returns the delay before the next attempt and advances. */
    Milliseconds nextDelay();
    /** Returns the delay before the next attempt, at least minimum, and advances. A delay
     *  raised to minimum is spread upwards only, so no client returns before minimum. */
    Milliseconds nextDelay(Milliseconds minimum);
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

private:
    Milliseconds m_initial;
    Milliseconds m_maximum;
    double m_jitter;
    int m_attempt = 0;
};

} // namespace CivicDesk
