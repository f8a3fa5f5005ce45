#include "changepaging.h"

#include "protocol/codec.h"

namespace civicdesk::server {

namespace {

// Room for the envelope and the other fields of a batch or push.
constexpr std::size_t EnvelopeBytes = 256;

} // namespace

bool fitPageToMessageLimit(ChangePage &page, std::size_t maxMessageBytes)
{
    const std::size_t budget =
        maxMessageBytes > EnvelopeBytes ? maxMessageBytes - EnvelopeBytes : 0;
    std::size_t used = 0;
    std::size_t kept = 0;
    for (; kept < page.changes.size(); ++kept) {
        const std::size_t size = protocol::changeToJson(page.changes[kept]).dump().size() + 1;
        if (used + size > budget) {
            break;
        }
        used += size;
    }

    if (kept == page.changes.size()) {
        return true;
    }
    const bool fits = kept > 0;
    if (kept == 0) {
        kept = 1;
    }
    page.changes.resize(kept);
    page.cursor = page.changes.back().seq;
    page.more = true;
    return fits;
}

} // namespace civicdesk::server
