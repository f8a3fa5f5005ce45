#pragma once

#include <cstdint>
#include <string_view>

namespace civicdesk::server {

/** Returns the 64-bit FNV-1a hash of text; stable across platforms and runs. */
constexpr std::uint64_t fnv1a64(std::string_view text, std::uint64_t hash = 0xcbf29ce484222325ULL)
{
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

} // namespace civicdesk::server
