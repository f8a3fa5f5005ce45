#include "intake/duplicates.h"

#include "intake/textnormalizer.h"
#include "priority/priority.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <set>
#include <sstream>

namespace civicdesk::server {

namespace {

/** Function words of English and Greek, the Greek as normalizeText leaves them: no accents,
 *  and a final sigma folded to σ. */
const std::set<std::string> &stopWords()
{
    static const std::set<std::string> words { "the", "and", "for", "with", "this", "that",
        "there", "from", "has", "have", "are", "was", "not", "our", "into", "και", "στο",
        "στη", "στην", "στον", "στα", "στισ", "στουσ", "που", "απο", "για", "ειναι", "δεν",
        "τησ", "του", "των", "τον", "την", "τισ", "τουσ", "μασ", "εχει", "οτι", "κατα" };
    return words;
}

std::vector<std::uint64_t> tokenHashes(const std::string &text)
{
    std::vector<std::uint64_t> tokens;
    std::istringstream words(normalizeText(text));
    std::string word;
    while (words >> word) {
        const bool placeholder = word.rfind("__", 0) == 0;
        // Count characters, not bytes: a Greek letter takes two bytes in UTF-8.
        std::size_t letters = 0;
        for (const char c : word) {
            letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        }
        if (!placeholder && letters >= 3 && stopWords().count(word) == 0) {
            tokens.push_back(std::hash<std::string> {}(word));
        }
    }
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    return tokens;
}

double cosine(const std::vector<std::uint64_t> &left, const std::vector<std::uint64_t> &right)
{
    if (left.empty() || right.empty()) {
        return 0;
    }
    // Both are sorted without repeats: count the shared hashes in one merge.
    std::size_t shared = 0;
    auto l = left.begin();
    auto r = right.begin();
    while (l != left.end() && r != right.end()) {
        if (*l < *r) {
            ++l;
        } else if (*r < *l) {
            ++r;
        } else {
            ++shared;
            ++l;
            ++r;
        }
    }
    return static_cast<double>(shared)
        / std::sqrt(static_cast<double>(left.size()) * static_cast<double>(right.size()));
}

} // namespace

TextFingerprint fingerprintOf(const std::string &text, const std::string &address)
{
    TextFingerprint fingerprint;
    fingerprint.tokens = tokenHashes(text);
    const std::string place = normalizedAddress(address);
    if (!place.empty()) {
        // 0 stands for no address, so a real address never hashes to it.
        fingerprint.place = std::max<std::uint64_t>(std::hash<std::string> {}(place), 1);
    }
    return fingerprint;
}

double textSimilarity(const std::string &left, const std::string &right)
{
    return cosine(tokenHashes(left), tokenHashes(right));
}

std::string normalizedAddress(const std::string &address)
{
    // normalizeText turns every number into one placeholder, so the digits are kept apart:
    // "Πατησίων 12" and "Πατησίων 14" are different addresses.
    std::string digits;
    for (std::size_t i = 0; i < address.size(); ++i) {
        const bool digit = address[i] >= '0' && address[i] <= '9';
        const bool startsRun = digit && (i == 0 || address[i - 1] < '0' || address[i - 1] > '9');
        if (startsRun) {
            digits += ' ';
        }
        if (digit) {
            digits += address[i];
        }
    }
    const std::string words = normalizeText(address);
    return words.empty() ? std::string() : words + " #" + digits;
}

std::optional<DuplicateMatch> findDuplicate(
    const TextFingerprint &report, const std::vector<FingerprintedCandidate> &candidates)
{
    std::optional<DuplicateMatch> best;
    for (const FingerprintedCandidate &candidate : candidates) {
        const TextFingerprint &other = *candidate.fingerprint;
        const double similarity = cosine(report.tokens, other.tokens);
        const bool sameAddress = report.place != 0 && report.place == other.place;
        const double threshold = sameAddress ? AddressTextThreshold : TextThreshold;
        if (similarity >= threshold && (!best || similarity > best->similarity)) {
            best = DuplicateMatch { candidate.id, candidate.number, similarity };
        }
    }
    return best;
}

FingerprintCache::FingerprintCache(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1))
{
}

std::shared_ptr<const TextFingerprint> FingerprintCache::find(const std::string &caseId) const
{
    std::lock_guard lock(m_mutex);
    const auto entry = m_entries.find(caseId);
    return entry == m_entries.end() ? nullptr : entry->second;
}

void FingerprintCache::insert(
    const std::string &caseId, std::shared_ptr<const TextFingerprint> fingerprint)
{
    std::lock_guard lock(m_mutex);
    if (!m_entries.emplace(caseId, std::move(fingerprint)).second) {
        return;
    }
    m_order.push_back(caseId);
    while (m_order.size() > m_capacity) {
        m_entries.erase(m_order.front());
        m_order.pop_front();
    }
}

std::string duplicateWindowStart(const std::string &createdAt)
{
    const auto seconds = priority::parseUtc(createdAt);
    if (!seconds) {
        return createdAt;
    }
    const std::time_t start = static_cast<std::time_t>(*seconds - DuplicateWindowDays * 86400LL);
    std::tm parts {};
    gmtime_r(&start, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", &parts);
    return text;
}

} // namespace civicdesk::server
