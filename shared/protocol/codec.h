#pragma once

#include "protocol/messages.h"

#include <optional>
#include <string>
#include <string_view>

namespace civicdesk::protocol {

/** The reason a message could not be decoded, with the request id when it could be read. */
struct DecodeError
{
    ErrorCode code = ErrorCode::Malformed;
    std::string message;
    std::string rid;
};

/** A decoded message or the reason decoding failed; never both. */
struct DecodeResult
{
    std::optional<Message> message;
    DecodeError error;

    explicit operator bool() const { return message.has_value(); }
};

/**
 * Decodes one protocol message. Never throws: oversized text, invalid JSON, a wrong
 * version, an unknown type or a missing or mistyped field each give a DecodeError whose
 * message names the field.
 */
DecodeResult decode(std::string_view text);

/** Encodes a message as compact JSON text. */
std::string encode(const Message &message);

/** Converts a change to and from its JSON form. changeFromJson moves the record out of json
 *  and throws nlohmann errors. */
nlohmann::json changeToJson(const Change &change);
Change changeFromJson(nlohmann::json &&json);

nlohmann::json mutationToJson(const Mutation &mutation);
Mutation mutationFromJson(const nlohmann::json &json);

} // namespace civicdesk::protocol
