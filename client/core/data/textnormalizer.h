#pragma once

#include <QString>

namespace CivicDesk {

/**
 * Folds a name for accent- and case-insensitive search: lowercase, decomposed (NFD) with
 * the combining marks removed, and the Greek final sigma written as σ, so "Παπαδόπουλος"
 * and "ΠΑΠΑΔΟΠΟΥΛΟΣ" both become "παπαδοπουλοσ".
 */
QString normalizeForSearch(const QString &text);

} // namespace CivicDesk
