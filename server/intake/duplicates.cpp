#include "intake/duplicates.h"

#include "intake/textnormalizer.h"
#include "priority/priority.h"

#include <cmath>
#include <ctime>
#include <set>
#include <sstream>

namespace civicdesk::server {

namespace {

using TokenSet = std::set<std::string>;

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

TokenSet tokensOf(const std::string &text)
{
    TokenSet tokens;
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
            tokens.insert(word);
        }
    }
    return tokens;
}

double cosine(const TokenSet &left, const TokenSet &right)
{
    if (left.empty() || right.empty()) {
        return 0;
    }
    std::size_t shared = 0;
    for (const std::string &token : left) {
        shared += right.count(token);
    }
    return static_cast<double>(shared)
        / std::sqrt(static_cast<double>(left.size()) * static_cast<double>(right.size()));
}

} // namespace

double textSimilarity(const std::string &left, const std::string &right)
{
    return cosine(tokensOf(left), tokensOf(right));
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

std::optional<DuplicateMatch> findDuplicate(const std::string &text, const std::string &address,
    const std::vector<DuplicateCandidate> &candidates)
{
    const TokenSet tokens = tokensOf(text);
    const std::string place = normalizedAddress(address);
    std::optional<DuplicateMatch> best;
    for (const DuplicateCandidate &candidate : candidates) {
        const double similarity = cosine(tokens, tokensOf(candidate.text));
        const bool sameAddress = !place.empty() && place == normalizedAddress(candidate.address);
        const double threshold = sameAddress ? AddressTextThreshold : TextThreshold;
        if (similarity >= threshold && (!best || similarity > best->similarity)) {
            best = DuplicateMatch { candidate.id, candidate.number, similarity };
        }
    }
    return best;
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
