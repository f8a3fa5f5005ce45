#pragma once

#include "intake/languagedetector.h" // detectLanguage, which callers of this header use

#include <string>

namespace civicdesk::server {

/**
 * Normalises request text for the category model, the same way at training and prediction.
 * The text is case folded by Unicode rules (final sigma becomes sigma) and accents are
 * removed (NFD, then combining marks dropped), so "Οδός", "ΟΔΟΣ" and "οδος" match. Tokens
 * are runs of letters and digits; every other character separates tokens. A case number
 * (CD-2026-000123) becomes __casenumber__, a 9-digit token __afm__, an 11-digit token
 * __amka__ and any other number __num__. Tokens are joined by one space. Greeklish stays
 * Latin text.
 */
std::string normalizeText(const std::string &utf8);

} // namespace civicdesk::server
