#include "protocol/accesslog.h"

#include "domain/ids.h"

#include <algorithm>
#include <cctype>

namespace civicdesk::protocol {

namespace {

std::size_t utf8Length(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(),
        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool hasControlCharacter(const std::string &text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
}

bool isBlank(const std::string &text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' '; });
}

/** Reads count digits at position into value. Returns false unless all are digits. */
bool readDigits(const std::string &text, std::size_t position, std::size_t count, int &value)
{
    if (position + count > text.size()) {
        return false;
    }
    value = 0;
    for (std::size_t i = position; i < position + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return false;
        }
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

/** Accepts YYYY-MM-DDTHH:MM:SS, an optional fraction of 1 to 9 digits, then Z. */
bool isUtcIsoTime(const std::string &text)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (text.size() < 20 || !readDigits(text, 0, 4, year) || text[4] != '-'
        || !readDigits(text, 5, 2, month) || text[7] != '-' || !readDigits(text, 8, 2, day)
        || text[10] != 'T' || !readDigits(text, 11, 2, hour) || text[13] != ':'
        || !readDigits(text, 14, 2, minute) || text[16] != ':'
        || !readDigits(text, 17, 2, second)) {
        return false;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return false;
    }
    std::size_t position = 19;
    if (text[position] == '.') {
        const std::size_t digitsStart = ++position;
        while (position < text.size() && std::isdigit(static_cast<unsigned char>(text[position]))) {
            ++position;
        }
        const std::size_t digits = position - digitsStart;
        if (digits < 1 || digits > 9) {
            return false;
        }
    }
    return position + 1 == text.size() && text[position] == 'Z';
}

} // namespace

std::string accessEntryProblem(const AccessEntry &entry)
{
    if (!isUuid(entry.id)) {
        return "id must be a UUID";
    }
    if (entry.entity != "case" && entry.entity != "party") {
        return "entity must be case or party, not \"" + entry.entity + "\"";
    }
    if (!isUuid(entry.entityId)) {
        return "entityId must be the UUID of the " + entry.entity + " that was read";
    }
    if (entry.reason.empty() || isBlank(entry.reason)) {
        return "reason is empty; say why the record was read";
    }
    if (utf8Length(entry.reason) > MaxAccessReasonCharacters) {
        return "reason is longer than " + std::to_string(MaxAccessReasonCharacters) + " characters";
    }
    if (hasControlCharacter(entry.reason)) {
        return "reason contains a control character";
    }
    if (!isUtcIsoTime(entry.readAt)) {
        return "readAt must be an ISO 8601 UTC time such as 2026-03-01T09:30:00.000Z";
    }
    return {};
}

std::string accessLogProblem(const AccessLog &log)
{
    if (log.entries.size() > MaxAccessEntries) {
        return "an accessLog carries at most " + std::to_string(MaxAccessEntries) + " entries, not "
            + std::to_string(log.entries.size());
    }
    for (std::size_t i = 0; i < log.entries.size(); ++i) {
        const std::string problem = accessEntryProblem(log.entries[i]);
        if (!problem.empty()) {
            return "entry " + std::to_string(i + 1) + " (id \"" + log.entries[i].id
                + "\"): " + problem;
        }
    }
    return {};
}

} // namespace civicdesk::protocol
