#include "intake/languagedetector.h"

#include "intake/textnormalizer.h"

#include <set>
#include <sstream>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

namespace civicdesk::server {

namespace {

// Frequent Greeklish function words, written by the team from how people type them. Words
// that are also English ("to", "me", "a") are left out: they cannot tell the two apart.
const std::set<std::string> &greeklishWords()
{
    static const std::set<std::string> words { "kai", "einai", "ine", "ta", "tou", "tis", "ths",
        "tin", "thn", "ton", "twn", "stin", "sthn", "sto", "ston", "sta", "stis",
        "stous", "den", "apo", "gia", "na", "tha", "oi", "i", "mia", "ena", "enas", "edw", "edo",
        "exei", "exoun", "ehei", "echei", "poly", "poli", "pou", "alla", "giati", "mas", "sas",
        "mou", "dyo", "dio", "kathe", "ka8e", "mprosta", "brosta", "apenanti", "dipla", "odos",
        "odou", "epi", "meta", "prin", "akoma", "xronia", "mines", "meres", "mera", "ws", "os",
        "k", "ayto", "afto", "auto", "kanei", "oti", "otan", "pws", "pos", "eine", "ti", "me8",
        "pezodromio", "pezodromiou", "aytokinito", "aftokinito", "dromo", "dromos" };
    return words;
}

const std::set<std::string> &englishWords()
{
    static const std::set<std::string> words { "the", "is", "and", "of", "in", "on", "for",
        "at", "has", "have", "been", "there", "with", "this", "it", "was", "are", "car", "street",
        "st", "parked", "vehicle", "snow", "sidewalk", "please", "not", "no", "from", "by", "be",
        "an", "a", "or", "that", "my", "our", "front", "ave", "blocking", "days", "weeks",
        "into", "out", "up", "still", "again", "near", "corner", "cars", "can", "will" };
    return words;
}

// Greek inflections as Greeklish spells them; few English words end this way.
const char *const GreeklishEndings[] = { "oume", "ousan", "ete", "eite", "oun", "ei", "ou",
    "ia", "os", "akia", "aki", "mena", "meno", "menos" };

bool endsWith(const std::string &word, const std::string &ending)
{
    return word.size() > ending.size() + 1
        && word.compare(word.size() - ending.size(), ending.size(), ending) == 0;
}

double wordScore(const std::string &word)
{
    if (greeklishWords().count(word) != 0) {
        return 1.0;
    }
    if (englishWords().count(word) != 0) {
        return -1.0;
    }
    for (const char *ending : GreeklishEndings) {
        if (endsWith(word, ending)) {
            return 0.5;
        }
    }
    return 0.0;
}

bool hasGreekLetter(const std::string &utf8)
{
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(text.char32At(i), &status) == USCRIPT_GREEK) {
            return true;
        }
    }
    return false;
}

} // namespace

double greeklishScore(const std::string &utf8)
{
    std::istringstream words(normalizeText(utf8));
    double score = 0;
    std::string word;
    while (words >> word) {
        score += wordScore(word);
    }
    return score;
}

std::string detectLanguage(const std::string &utf8)
{
    if (hasGreekLetter(utf8)) {
        return "el";
    }
    return greeklishScore(utf8) > 0 ? "el" : "en";
}

} // namespace civicdesk::server
