#pragma once

#include <string>
#include <string_view>

namespace civicdesk::validation {

/** Outcome of a validation: ok, or the field and the rule it broke, in English. */
struct ValidationResult
{
    bool ok = true;
    std::string field;
    std::string rule; // stable code such as "afm.check_digit"
    std::string message;

    explicit operator bool() const { return ok; }
    static ValidationResult valid() { return {}; }
    static ValidationResult invalid(std::string field, std::string rule, std::string message);
};

/**
 * Validates a Greek tax number (AFM): exactly 9 digits, not all zeros, and the check digit
 * d9 = ((sum of d1..d8 weighted 256, 128, ..., 2) mod 11) mod 10. An "EL" or "GR" prefix
 * (the EU VAT form) is accepted. A passing check proves the number well formed, not
 * registered.
 */
ValidationResult validateAfm(std::string_view value, std::string_view field = "afm");

/**
 * Validates a Greek social security number (AMKA): exactly 11 digits, not all zeros, the
 * first six a real calendar date DDMMYY, and a Luhn (mod 10) check over all eleven.
 */
ValidationResult validateAmka(std::string_view value, std::string_view field = "amka");

/** Returns the AFM check digit for eight leading digits; used to make demo numbers. */
int afmCheckDigit(std::string_view firstEightDigits);

/** Returns the Luhn check digit that completes the given digits. */
int luhnCheckDigit(std::string_view digits);

} // namespace civicdesk::validation
