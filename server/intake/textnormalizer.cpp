#include "intake/textnormalizer.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace civicdesk::server {

namespace {

bool isGreek(UChar32 c)
{
    return (c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

icu::UnicodeString decomposedLowercase(const std::string &utf8)
{
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    text.toLower(icu::Locale::getRoot());

    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
        return text;
    }
    icu::UnicodeString decomposed = nfd->normalize(text, status);
    return U_FAILURE(status) ? text : decomposed;
}

} // namespace

std::string normalizeText(const std::string &utf8)
{
    const icu::UnicodeString text = decomposedLowercase(utf8);

    icu::UnicodeString cleaned;
    bool pendingSpace = false;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            continue; // an accent split off by NFD
        }
        if (!u_isalnum(c)) {
            pendingSpace = !cleaned.isEmpty();
            continue;
        }
        if (pendingSpace) {
            cleaned.append(static_cast<UChar>(' '));
            pendingSpace = false;
        }
        cleaned.append(c);
    }

    std::string result;
    cleaned.toUTF8String(result);
    return result;
}

std::string detectLanguage(const std::string &utf8)
{
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (isGreek(c) && u_isalpha(c)) {
            return "el";
        }
    }
    return "en";
}

} // namespace civicdesk::server
