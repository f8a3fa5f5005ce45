#pragma once

#include "store/store.h"

#include <cstddef>

namespace civicdesk::server {

/**
 * Shortens page so that a batch or push carrying its changes stays within
 * protocol::MaxMessageBytes, which receivers reject beyond. When changes are cut, cursor
 * becomes the seq of the last change kept and more becomes true, so the next request starts
 * right after it. Keeps at least one change; returns false when that one alone is too large.
 */
bool fitPageToMessageLimit(ChangePage &page, std::size_t maxMessageBytes);

} // namespace civicdesk::server
