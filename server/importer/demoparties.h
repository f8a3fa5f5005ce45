#pragma once

#include "domain/records.h"

#include <cstdint>
#include <string>
#include <vector>

namespace civicdesk::server {

/**
 * Makes fictitious citizens for the demo cases, marked fictitious=true. A party is a pure
 * function of its key. Names come from resources/demo/greek_names.csv, whose columns are
 * kind (first_male, first_female, last_male or last_female), name_el and name_latin. The
 * AFM and AMKA pass their check digits, the phone is a 69xxxxxxxx mobile number and the
 * email address is under example.invalid, a domain that can never receive mail. About 6%
 * of parties carry vulnerability flags (elderly, disability, low_income, single_parent).
 */
class DemoPartyFactory
{
public:
    /** Reads the names file; throws Poco::FileNotFoundException or DataFormatException. */
    static DemoPartyFactory load(const std::string &namesPath);

    Party partyForKey(
        std::uint64_t key, const std::string &municipalityId, const std::string &createdAt) const;

private:
    struct Name
    {
        std::string greek;
        std::string latin;
    };

    std::vector<Name> m_firstMale;
    std::vector<Name> m_firstFemale;
    std::vector<Name> m_lastMale;
    std::vector<Name> m_lastFemale;
};

} // namespace civicdesk::server
