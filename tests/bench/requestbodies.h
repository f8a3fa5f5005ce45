#pragma once

#include <string>
#include <vector>

namespace civicdesk::bench {

/** Request bodies for POST /api/v1/requests, with how many of each text script they contain. */
struct RequestBodies
{
    std::vector<std::string> bodies;
    int greek = 0;
    int greekNoAccents = 0;
    int greeklish = 0;
    int english = 0;
    int withAfm = 0;
    int rejected = 0; // built bodies that parseSubmission rejects, left out of the load
    int rounds = 1; // the counts above are per round, and bodies contains every round
};

/**
 * Builds one body per shipped request text (the Boston 311 and team-written Greek rows of
 * resourceDir) for each of rounds rounds, with a municipality and a contact taken in turn
 * from the shipped reference data and demo names. Each round moves every text to the next
 * municipality, so the same text does not come back to the same place (where intake would
 * link it as a duplicate) while rounds stay below the municipality count. Contacts alternate
 * between an e-mail address and a phone number, every third has a valid AFM and every
 * seventh an AMKA, and every fifth body states its language. Only bodies that
 * parseSubmission accepts are kept. Throws Poco exceptions when a resource file is
 * unreadable.
 */
RequestBodies buildRequestBodies(const std::string &resourceDir, int rounds);

} // namespace civicdesk::bench
