#pragma once

#include <string>

namespace civicdesk::server {

/**
 * Normalises request text for the category model, the same way at training and prediction.
 * The text is lowercased by Unicode rules (so Greek too) and accents are removed, so "οδός"
 * and "οδος" match. Every character that is not a letter or digit becomes a space, and runs
 * of spaces collapse into one.
 */
std::string normalizeText(const std::string &utf8);

/** Returns "el" when text contains a Greek letter, else "en". */
std::string detectLanguage(const std::string &utf8);

} // namespace civicdesk::server
