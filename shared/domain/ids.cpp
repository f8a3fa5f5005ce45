#include "domain/ids.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <random>

namespace civicdesk {

namespace {

std::mt19937_64 &randomEngine()
{
    // NOTE: ids need uniqueness, not secrecy, so a random_device-seeded engine is enough.
    static std::mt19937_64 engine { std::random_device {}() };
    return engine;
}

} // namespace

std::string generateUuid()
{
    // RFC 9562 version 7: the Unix time in milliseconds in the first 48 bits, random bits
    // after it. An id made later sorts later, so a B-tree keyed by ids (the server's store,
    // the client's cache) adds new rows next to each other, not on a random page each,
    // and a commit writes fewer pages.
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
                            .count();
    std::array<unsigned char, 16> bytes {};
    for (std::size_t i = 0; i < 6; ++i) {
        bytes[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(millis) >> (40 - 8 * i));
    }
    {
        static std::mutex mutex;
        std::lock_guard lock(mutex);
        const std::uint64_t high = randomEngine()();
        const std::uint64_t low = randomEngine()();
        for (std::size_t j = 0; j < 2; ++j) {
            bytes[6 + j] = static_cast<unsigned char>(high >> (j * 8));
        }
        for (std::size_t j = 0; j < 8; ++j) {
            bytes[8 + j] = static_cast<unsigned char>(low >> (j * 8));
        }
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x70);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);

    static constexpr char Hex[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            text.push_back('-');
        }
        text.push_back(Hex[bytes[i] >> 4]);
        text.push_back(Hex[bytes[i] & 0x0f]);
    }
    return text;
}

bool isUuid(std::string_view text)
{
    if (text.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') {
                return false;
            }
            continue;
        }
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) {
            return false;
        }
    }
    return true;
}

std::string utcNowIso()
{
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts {};
    gmtime_r(&seconds, &parts);
    char buffer[80];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
                  parts.tm_min, parts.tm_sec, static_cast<int>(millis));
    return buffer;
}

} // namespace civicdesk
