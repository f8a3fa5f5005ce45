#pragma once

#include <string>

namespace civicdesk::server {

/**
 * Returns the language of a request, "el" or "en". Text with a Greek letter is "el". Latin
 * text is "el" when it reads as Greeklish: its normalised words are scored against a short
 * team-written list of frequent Greeklish words (kai, einai, den, sto...) and endings
 * (-oume, -ei, -ou...), with frequent English words (the, is, and...) counting against.
 * Everything else, including text with no letters, is "en".
 * NOTE: tuned and measured only on the shipped rows (Greeklish 381 of 382 as el, Boston 4116
 * of 4116 as en). Real Greeklish mixed with English words may score lower.
 */
std::string detectLanguage(const std::string &utf8);

/** The Greeklish score of Latin text: positive reads as Greeklish. Exposed for tests. */
double greeklishScore(const std::string &utf8);

} // namespace civicdesk::server
