#include "intake/submission.h"

#include "validation/greekids.h"

#include <algorithm>

namespace civicdesk::server {

namespace {

constexpr std::size_t MinTextCharacters = 10;
constexpr std::size_t MaxTextCharacters = 5000;
constexpr std::size_t MaxNameCharacters = 100;
constexpr std::size_t MaxAddressCharacters = 200;

std::string trim(const std::string &text)
{
    const auto isSpace = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    const auto first = std::find_if_not(text.begin(), text.end(), isSpace);
    const auto last = std::find_if_not(text.rbegin(), text.rend(), isSpace).base();
    return first < last ? std::string(first, last) : std::string();
}

std::size_t utf8Length(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(),
        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/** Reads an optional string member; a present member of another type is an error. */
std::optional<FieldError> readString(
    const nlohmann::json &object, const char *key, const std::string &path, std::string &out)
{
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return std::nullopt;
    }
    if (!found->is_string()) {
        return FieldError { path, path + " must be a string" };
    }
    out = trim(found->get<std::string>());
    return std::nullopt;
}

bool isEmailShape(const std::string &email)
{
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) {
        return false;
    }
    const auto dot = email.find('.', at + 2);
    return dot != std::string::npos && dot + 1 < email.size()
        && email.find_first_of(" \t\r\n") == std::string::npos && email.size() <= 254;
}

bool isPhoneShape(const std::string &phone)
{
    const std::string digits = phone.rfind('+', 0) == 0 ? phone.substr(1) : phone;
    return digits.size() >= 8 && digits.size() <= 15
        && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<FieldError> checkName(const std::string &value, const std::string &path)
{
    if (value.empty()) {
        return FieldError { path, path + " is required" };
    }
    if (utf8Length(value) > MaxNameCharacters) {
        return FieldError { path, path + " must have at most 100 characters" };
    }
    return std::nullopt;
}

/** Rejects C0 control characters (NUL among them) other than tab and line breaks, and DEL,
 *  which would truncate or garble the text in storage and on screen. */
std::optional<FieldError> checkControlCharacters(const std::string &value, const std::string &path)
{
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool allowedSpace = byte == '\t' || byte == '\n' || byte == '\r';
        if ((byte < 0x20 && !allowedSpace) || byte == 0x7f) {
            return FieldError { path, path + " must not contain control characters" };
        }
    }
    return std::nullopt;
}

std::optional<FieldError> readFields(const nlohmann::json &body, Submission &s)
{
    const nlohmann::json emptyObject = nlohmann::json::object();
    const auto contactMember = body.find("contact");
    if (contactMember != body.end() && !contactMember->is_object()) {
        return FieldError { "contact", "contact must be an object" };
    }
    const nlohmann::json &contact = contactMember == body.end() ? emptyObject : *contactMember;

    const std::tuple<const nlohmann::json *, const char *, std::string, std::string *> fields[] = {
        { &body, "text", "text", &s.text },
        { &body, "category", "category", &s.categoryId },
        { &body, "subcategoryId", "subcategoryId", &s.subcategoryId },
        { &body, "municipalityId", "municipalityId", &s.municipalityId },
        { &body, "language", "language", &s.language },
        { &body, "channel", "channel", &s.channel },
        { &body, "address", "address", &s.address },
        { &contact, "firstName", "contact.firstName", &s.firstName },
        { &contact, "lastName", "contact.lastName", &s.lastName },
        { &contact, "email", "contact.email", &s.email },
        { &contact, "phone", "contact.phone", &s.phone },
        { &contact, "afm", "contact.afm", &s.afm },
        { &contact, "amka", "contact.amka", &s.amka },
    };
    for (const auto &[object, key, path, out] : fields) {
        if (auto error = readString(*object, key, path, *out)) {
            return error;
        }
        if (auto error = checkControlCharacters(*out, path)) {
            return error;
        }
    }
    return std::nullopt;
}

std::optional<FieldError> checkFields(const Submission &s)
{
    const std::size_t textLength = utf8Length(s.text);
    if (textLength < MinTextCharacters || textLength > MaxTextCharacters) {
        return FieldError { "text", "text must have 10 to 5000 characters" };
    }
    if (!s.subcategoryId.empty() && s.categoryId.empty()) {
        return FieldError { "subcategoryId", "subcategoryId needs category, its parent" };
    }
    if (s.municipalityId.empty()) {
        return FieldError { "municipalityId", "municipalityId is required" };
    }
    if (auto error = checkName(s.firstName, "contact.firstName")) {
        return error;
    }
    if (auto error = checkName(s.lastName, "contact.lastName")) {
        return error;
    }
    if (!s.email.empty() && !isEmailShape(s.email)) {
        return FieldError { "contact.email", "contact.email is not an email address" };
    }
    if (!s.phone.empty() && !isPhoneShape(s.phone)) {
        return FieldError { "contact.phone",
            "contact.phone must be 8 to 15 digits with an optional +" };
    }
    if (!s.afm.empty()) {
        if (const auto result = validation::validateAfm(s.afm, "contact.afm"); !result) {
            return FieldError { result.field, result.message };
        }
    }
    if (!s.amka.empty()) {
        if (const auto result = validation::validateAmka(s.amka, "contact.amka"); !result) {
            return FieldError { result.field, result.message };
        }
    }
    if (!s.language.empty() && s.language != "el" && s.language != "en") {
        return FieldError { "language", "language must be \"el\" or \"en\"" };
    }
    if (s.channel != "portal" && s.channel != "phone" && s.channel != "email"
        && s.channel != "visit" && s.channel != "chat") {
        return FieldError { "channel",
            "channel must be portal, phone, email, visit or chat, not \"" + s.channel + "\"" };
    }
    if (utf8Length(s.address) > MaxAddressCharacters) {
        return FieldError { "address", "address must have at most 200 characters" };
    }
    return std::nullopt;
}

} // namespace

std::variant<Submission, FieldError> parseSubmission(const nlohmann::json &body)
{
    if (!body.is_object()) {
        return FieldError { "", "the request body must be a JSON object" };
    }
    Submission submission;
    if (auto error = readFields(body, submission)) {
        return *error;
    }
    if (auto error = checkFields(submission)) {
        return *error;
    }
    // The EU VAT form "EL" + AFM is accepted; the party record keeps the 9 digits only.
    if (submission.afm.size() == 11) {
        submission.afm.erase(0, 2);
    }
    return submission;
}

} // namespace civicdesk::server
