#pragma once

#include "store/sqlitestore.h"

#include <optional>
#include <string>
#include <vector>

namespace civicdesk::server {

/**
 * Duplicate reports: a new case duplicates an open case (not itself a duplicate) of the
 * same category and municipality created within DuplicateWindowDays, whose text is similar
 * (textSimilarity >= TextThreshold) or which has the same non-empty address and a text
 * similarity >= AddressTextThreshold. The store's duplicateCandidates() applies the first
 * conditions; findDuplicate() compares the texts.
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
 * Returns the cosine similarity (0..1) of the two texts' token sets after normalizeText
 * (case and accents folded). Tokens shorter than three characters, number placeholders and
 * common Greek and English function words do not count. Greek and Greeklish spellings of one
 * word are different tokens.
 */
double textSimilarity(const std::string &left, const std::string &right);

/**
 * Returns the address as compared: normalizeText of it (case and accents folded) followed by
 * its numbers, or empty for a blank address.
 */
std::string normalizedAddress(const std::string &address);

/** Returns the most similar candidate that counts as duplicated, or nothing. */
std::optional<DuplicateMatch> findDuplicate(const std::string &text, const std::string &address,
    const std::vector<DuplicateCandidate> &candidates);

/** Returns createdAt (ISO UTC) minus DuplicateWindowDays, in the store's ISO form. */
std::string duplicateWindowStart(const std::string &createdAt);

} // namespace civicdesk::server
