#pragma once

#include "store/sqlitestore.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace civicdesk::server {

/**
 * Duplicate reports: a new case duplicates an open case (not itself a duplicate) of the
 * same category and municipality created within DuplicateWindowDays, whose text is similar
 * (textSimilarity >= TextThreshold) or which has the same non-empty address and a text
 * similarity >= AddressTextThreshold. The store's duplicateCandidates() applies the first
 * conditions; findDuplicate() compares the texts by their fingerprints.
 */
constexpr int DuplicateWindowDays = 14;
constexpr double TextThreshold = 0.55;
constexpr double AddressTextThreshold = 0.3;

struct DuplicateMatch
{
    std::string caseId;
    std::string number;
    double similarity = 0;
};

/**
 * What the duplicate search compares of a case: the 64-bit hashes of its text's tokens,
 * sorted and without repeats, and a hash of its normalizedAddress (0 for a blank address).
 * A text's tokens come from normalizeText (case and accents folded). Tokens shorter than
 * three characters, number placeholders and common Greek and English function words do not
 * count. Greek and Greeklish spellings of one word are different tokens. Two different
 * tokens share a hash with a chance of about 2^-64, which would only raise one similarity.
 */
struct TextFingerprint
{
    std::vector<std::uint64_t> tokens;
    std::uint64_t place = 0;
};

TextFingerprint fingerprintOf(const std::string &text, const std::string &address);

/** Returns the cosine similarity (0..1) of the two texts' token sets (see TextFingerprint). */
double textSimilarity(const std::string &left, const std::string &right);

/**
 * Returns the address as compared: normalizeText of it (case and accents folded) followed by
 * its numbers, or empty for a blank address.
 */
std::string normalizedAddress(const std::string &address);

/** A candidate of the duplicate search with its text's fingerprint. */
struct FingerprintedCandidate
{
    std::string id;
    std::string number;
    std::shared_ptr<const TextFingerprint> fingerprint;
};

/** Returns the most similar candidate that counts as duplicated, or nothing. */
std::optional<DuplicateMatch> findDuplicate(
    const TextFingerprint &report, const std::vector<FingerprintedCandidate> &candidates);

/**
 * Fingerprints of cases by case id, so that the duplicate search normalises a case's text
 * once and not for every request that compares it. A case's text and address never change
 * after intake (no store write changes them), so an entry never goes stale. It contains at
 * most `capacity` entries and drops the oldest inserted first. The search inserts again
 * what it misses. Thread-safe.
 */
class FingerprintCache
{
public:
    explicit FingerprintCache(std::size_t capacity);

    std::shared_ptr<const TextFingerprint> find(const std::string &caseId) const;
    void insert(const std::string &caseId, std::shared_ptr<const TextFingerprint> fingerprint);

private:
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::shared_ptr<const TextFingerprint>> m_entries;
    std::deque<std::string> m_order;
};

/** Returns createdAt (ISO UTC) minus DuplicateWindowDays, in the store's ISO form. */
std::string duplicateWindowStart(const std::string &createdAt);

} // namespace civicdesk::server
