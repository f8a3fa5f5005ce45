#include "intake/textnormalizer.h"

#include <algorithm>
#include <string_view>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace civicdesk::server {

namespace {

// Identifiers and numbers become placeholder tokens. An AFM or AMKA is personal data and
// must not end up in the model's vocabulary, and every distinct number would otherwise be
// a word of its own that the model sees once. The placeholder keeps what matters for the
// category ("the citizen gave a tax number") and drops the value.
constexpr std::string_view AfmToken = "__afm__";
constexpr std::string_view AmkaToken = "__amka__";
constexpr std::string_view CaseNumberToken = "__casenumber__";
constexpr std::string_view NumberToken = "__num__";

/** Returns ASCII text lowercased, with '-' kept and every other non-alphanumeric a space. */
std::string foldedAscii(const std::string &text)
{
    std::string out(text.size(), ' ');
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
            out[i] = c;
        }
    }
    return out;
}

/**
 * Returns the text case folded (final sigma becomes sigma) and decomposed, as UTF-8 with
 * accents dropped. Letters and digits are kept, '-' is kept for case numbers and every other
 * character becomes a space.
 */
std::string foldedWithoutAccents(const std::string &utf8)
{
    const bool ascii = std::all_of(
        utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
        return foldedAscii(utf8); // English and Greeklish: no ICU needed, same result
    }

    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    text.foldCase();

    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_SUCCESS(status)) {
        icu::UnicodeString decomposed = nfd->normalize(text, status);
        if (U_SUCCESS(status)) {
            text = std::move(decomposed);
        }
    }

    std::string out;
    out.reserve(utf8.size());
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            continue; // an accent that NFD split off
        }
        if (c < 0x80) {
            out += u_isalnum(c) || c == '-' ? static_cast<char>(c) : ' ';
        } else if (u_isalnum(c)) {
            char bytes[U8_MAX_LENGTH];
            int32_t length = 0;
            U8_APPEND_UNSAFE(bytes, length, c);
            out.append(bytes, static_cast<std::size_t>(length));
        } else {
            out += ' ';
        }
    }
    return out;
}

bool allDigits(std::string_view token)
{
    return !token.empty()
        && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/** True for "cd-2026-000123", the folded form of a case number. */
bool isCaseNumber(std::string_view word)
{
    return word.size() == 14 && word.substr(0, 3) == "cd-" && allDigits(word.substr(3, 4))
        && word[7] == '-' && allDigits(word.substr(8, 6));
}

std::string_view placeholderFor(std::string_view token)
{
    if (!allDigits(token)) {
        return token;
    }
    if (token.size() == 9) {
        return AfmToken;
    }
    return token.size() == 11 ? AmkaToken : NumberToken;
}

void appendToken(std::string &out, std::string_view token)
{
    if (token.empty()) {
        return;
    }
    if (!out.empty()) {
        out += ' ';
    }
    out += placeholderFor(token);
}

} // namespace

std::string normalizeText(const std::string &utf8)
{
    const std::string folded = foldedWithoutAccents(utf8);
    const std::string_view all(folded);

    std::string out;
    out.reserve(folded.size());
    std::size_t start = 0;
    while (start < all.size()) {
        const std::size_t end = std::min(all.find(' ', start), all.size());
        const std::string_view word = all.substr(start, end - start);
        if (isCaseNumber(word)) {
            appendToken(out, CaseNumberToken);
        } else {
            // Parts of a hyphenated word are tokens of their own.
            std::size_t partStart = 0;
            for (std::size_t dash; (dash = word.find('-', partStart)) != std::string_view::npos;) {
                appendToken(out, word.substr(partStart, dash - partStart));
                partStart = dash + 1;
            }
            appendToken(out, word.substr(partStart));
        }
        start = end + 1;
    }
    return out;
}

} // namespace civicdesk::server
