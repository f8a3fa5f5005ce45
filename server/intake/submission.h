#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

namespace civicdesk::server {

/** A citizen's request as submitted to POST /api/v1/requests, after trimming. */
struct Submission
{
    std::string text;
    std::string categoryId; // empty: the model classifies the text
    std::string subcategoryId; // optional; a subcategory of categoryId
    std::string municipalityId;
    std::string firstName;
    std::string lastName;
    std::string email;
    std::string phone;
    std::string afm;
    std::string amka;
    std::string language; // empty: detected from the text
    std::string channel = "portal"; // how the request arrived: portal, phone, email, visit, chat
    std::string address; // where the problem is, free text; empty when not given
};

/** The first invalid field of a submission, named by its JSON path such as "contact.afm". */
struct FieldError
{
    std::string field;
    std::string message;
};

/**
 * Reads and checks the fields that need no database. The text must have 10..5000 characters
 * after trimming, municipalityId must be present and the contact's first and last names must
 * have 1..100 characters. These are checked when given: email, phone (8..15 digits with an
 * optional leading +), AFM, AMKA, language (el or en), channel (portal, the default, phone,
 * email, visit or chat) and address (at most 200 characters). A subcategoryId needs a category. IntakeService
 * checks the category, the subcategory and the municipality against the store.
 */
std::variant<Submission, FieldError> parseSubmission(const nlohmann::json &body);

} // namespace civicdesk::server
