#include "validation/greekids.h"

#include <algorithm>

namespace civicdesk::validation {

namespace {

bool allDigits(std::string_view text)
{
    return !text.empty()
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool allZeros(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == '0'; });
}

int digitAt(std::string_view text, std::size_t index)
{
    return text[index] - '0';
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/** Checks DDMMYY; the century is unknown, so 29 February is allowed in any year % 4 == 0. */
bool isCalendarDate(std::string_view ddmmyy)
{
    const int day = digitAt(ddmmyy, 0) * 10 + digitAt(ddmmyy, 1);
    const int month = digitAt(ddmmyy, 2) * 10 + digitAt(ddmmyy, 3);
    const int year = digitAt(ddmmyy, 4) * 10 + digitAt(ddmmyy, 5);
    static constexpr int DaysInMonth[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    const int maxDay = month == 2 && isLeapYear(2000 + year) ? 29 : DaysInMonth[month - 1];
    return day <= maxDay;
}

bool luhnValid(std::string_view digits)
{
    int sum = 0;
    bool doubleIt = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int digit = *it - '0';
        if (doubleIt) {
            digit *= 2;
            if (digit > 9) {
                digit -= 9;
            }
        }
        sum += digit;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

} // namespace

ValidationResult ValidationResult::invalid(std::string field, std::string rule, std::string message)
{
    return ValidationResult { false, std::move(field), std::move(rule), std::move(message) };
}

int afmCheckDigit(std::string_view firstEightDigits)
{
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        sum += digitAt(firstEightDigits, i) << (8 - i);
    }
    return (sum % 11) % 10;
}

int luhnCheckDigit(std::string_view digits)
{
    for (int candidate = 0; candidate <= 9; ++candidate) {
        std::string full(digits);
        full.push_back(static_cast<char>('0' + candidate));
        if (luhnValid(full)) {
            return candidate;
        }
    }
    return 0;
}

ValidationResult validateAfm(std::string_view value, std::string_view field)
{
    const std::string name(field);
    if (value.size() == 11 && (value.substr(0, 2) == "EL" || value.substr(0, 2) == "GR")) {
        value.remove_prefix(2);
    }
    if (value.size() != 9 || !allDigits(value)) {
        return ValidationResult::invalid(name, "afm.format",
                                         name + " must be exactly 9 digits (an AFM)");
    }
    if (allZeros(value)) {
        return ValidationResult::invalid(name, "afm.zero", name + " must not be all zeros");
    }
    if (afmCheckDigit(value) != digitAt(value, 8)) {
        return ValidationResult::invalid(name, "afm.check_digit",
                                         name + " fails the AFM check digit (mod 11)");
    }
    return ValidationResult::valid();
}

ValidationResult validateAmka(std::string_view value, std::string_view field)
{
    const std::string name(field);
    if (value.size() != 11 || !allDigits(value)) {
        return ValidationResult::invalid(name, "amka.format",
                                         name + " must be exactly 11 digits (an AMKA)");
    }
    if (allZeros(value)) {
        return ValidationResult::invalid(name, "amka.zero", name + " must not be all zeros");
    }
    if (!isCalendarDate(value.substr(0, 6))) {
        return ValidationResult::invalid(name, "amka.birth_date",
                                         name + " must start with a real birth date DDMMYY");
    }
    if (!luhnValid(value)) {
        return ValidationResult::invalid(name, "amka.check_digit",
                                         name + " fails the AMKA check digit (Luhn)");
    }
    return ValidationResult::valid();
}

} // namespace civicdesk::validation
