#include "importer/demoparties.h"

#include "importer/csvreader.h"
#include "importer/referencedata.h"
#include "validation/greekids.h"

#include <Poco/Exception.h>
#include <cctype>
#include <cstdio>

namespace civicdesk::server {

namespace {

/** SplitMix64: a small generator whose output is fixed by the standard-free algorithm. */
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }

    std::string digits(int count)
    {
        std::string text;
        for (int i = 0; i < count; ++i) {
            text.push_back(static_cast<char>('0' + below(10)));
        }
        return text;
    }

private:
    std::uint64_t m_state;
};

std::string emailPart(const std::string &latin)
{
    std::string part;
    for (const char c : latin) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            part.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return part;
}

std::string makeAfm(SplitMix64 &random)
{
    std::string first = std::to_string(1 + random.below(9)) + random.digits(7);
    return first + std::to_string(validation::afmCheckDigit(first));
}

std::string makeAmka(SplitMix64 &random)
{
    char birthDate[40];
    std::snprintf(birthDate, sizeof birthDate, "%02d%02d%02d", 1 + random.below(28),
        1 + random.below(12), random.below(100));
    const std::string first = birthDate + random.digits(4);
    return first + std::to_string(validation::luhnCheckDigit(first));
}

/**
 * Gives about 6% of demo parties a vulnerability flag (about one in five of those a second
 * one), from its own generator so names and numbers stay those of earlier imports.
 */
std::vector<std::string> demoVulnerabilities(std::uint64_t key)
{
    static const char *const Flags[] = { "elderly", "elderly", "disability", "low_income",
        "low_income", "single_parent" };
    SplitMix64 random(key ^ 0x7675316e6572ULL);
    if (random.below(100) >= 6) {
        return {};
    }
    std::vector<std::string> flags { Flags[random.below(6)] };
    const std::string second = Flags[random.below(6)];
    if (random.below(5) == 0 && second != flags.front()) {
        flags.push_back(second);
    }
    return flags;
}

} // namespace

DemoPartyFactory DemoPartyFactory::load(const std::string &namesPath)
{
    const CsvTable table = CsvTable::load(namesPath);
    DemoPartyFactory factory;
    for (const auto &row : table.rows()) {
        const std::string kind = table.field(row, "kind");
        Name name { table.field(row, "name_el"), table.field(row, "name_latin") };
        if (kind == "first_male") {
            factory.m_firstMale.push_back(name);
        } else if (kind == "first_female") {
            factory.m_firstFemale.push_back(name);
        } else if (kind == "last_male") {
            factory.m_lastMale.push_back(name);
        } else if (kind == "last_female") {
            factory.m_lastFemale.push_back(name);
        }
    }
    if (factory.m_firstMale.empty() || factory.m_firstFemale.empty() || factory.m_lastMale.empty()
        || factory.m_lastFemale.empty()) {
        throw Poco::DataFormatException(
            namesPath, "needs rows of each kind: first_male, first_female, last_male, last_female");
    }
    return factory;
}

Party DemoPartyFactory::partyForKey(
    std::uint64_t key, const std::string &municipalityId, const std::string &createdAt) const
{
    SplitMix64 random(key);
    const bool female = random.below(2) == 1;
    const auto &firstNames = female ? m_firstFemale : m_firstMale;
    const auto &lastNames = female ? m_lastFemale : m_lastMale;
    const Name &first = firstNames[random.below(static_cast<int>(firstNames.size()))];
    const Name &last = lastNames[random.below(static_cast<int>(lastNames.size()))];

    Party party;
    party.id = stableId("demo-party:" + std::to_string(key));
    party.kind = PartyKind::Person;
    party.firstName = first.greek;
    party.lastName = last.greek;
    party.afm = makeAfm(random);
    party.amka = makeAmka(random);
    party.phone = "69" + random.digits(8);
    party.email = emailPart(first.latin) + "." + emailPart(last.latin) + "@example.invalid";
    party.language = "el";
    party.municipalityId = municipalityId;
    party.fictitious = true;
    party.createdAt = createdAt;
    party.vulnerabilities = demoVulnerabilities(key);
    return party;
}

} // namespace civicdesk::server
