// Fills an imported server store with synthetic cases for the sync scale benchmarks, and can
// re-hash one account's password at libsodium's minimum Argon2id cost so that thousands of
// benchmark sign-ins fit in minutes. Run it on a stopped server's data folder:
//   bench_seed --data-dir=DIR [--cases=N] [--events-per-case=M] [--cheap-login=USER:PASSWORD]

#include "importer/demoparties.h"
#include "importer/referencedata.h"
#include "intake/classifiertraining.h"
#include "intake/languagedetector.h"
#include "intake/router.h"
#include "store/sqlitestore.h"

#include <Poco/Exception.h>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <sodium.h>
#include <string>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

// Cases are written through the store's import path in transactions of this many cases.
constexpr int CasesPerTransaction = 2000;
// Distinct citizens: on average each files several of the synthetic cases.
constexpr std::uint64_t DistinctParties = 30000;
// Case i is created CaseSpacingSeconds after case i - 1, starting at 2025-01-01 00:00 UTC.
constexpr std::time_t FirstCaseTime = 1735689600;
constexpr std::time_t CaseSpacingSeconds = 300;

struct Options
{
    std::string dataDir;
    int cases = 0;
    int eventsPerCase = 10;
    std::string cheapLoginUser;
    std::string cheapLoginPassword;
};

/** Kind, channel and staff authorship of the timeline events after the submission, in turn. */
struct EventShape
{
    const char *kind;
    const char *channel;
    bool byStaff;
};

const EventShape EventShapes[] = {
    { "assignment", "internal", true },
    { "note", "internal", true },
    { "call", "phone", false },
    { "status", "internal", true },
    { "email", "email", false },
    { "note", "internal", true },
    { "chat", "chat", false },
    { "visit", "counter", false },
    { "notification", "email", true },
};

std::string isoTime(std::time_t seconds)
{
    std::tm parts {};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string serialNumber(int serial)
{
    char text[32];
    std::snprintf(text, sizeof text, "CD-2025-%06d", serial);
    return text;
}

/** Builds synthetic cases from the shipped request texts, places and demo names. */
class CaseFactory
{
public:
    CaseFactory(SqliteStore &store, const std::string &resourceDir, int eventsPerCase)
        : m_examples(loadTrainingExamples(resourceDir))
        , m_municipalities(store.municipalities())
        , m_router(store.routingRules(), store.teams())
        , m_parties(DemoPartyFactory::load(resourceDir + "/demo/greek_names.csv"))
        , m_eventsPerCase(eventsPerCase)
    {
        const auto staff = store.findAccount("agent");
        if (!staff || m_examples.empty() || m_municipalities.empty()) {
            throw Poco::IllegalStateException(
                "the store has no agent account, texts or municipalities: import it first");
        }
        m_staffId = staff->user.id;
    }

    CaseBundle build(int index) const
    {
        const TrainingExample &example = m_examples[index % m_examples.size()];
        // 97 is prime and does not divide the municipality count, so texts and places mix.
        const Municipality &place =
            m_municipalities[(index * 97ULL) % m_municipalities.size()].municipality;
        const std::time_t created = FirstCaseTime + index * CaseSpacingSeconds;

        Case kase;
        kase.id = stableId("case:bench:" + std::to_string(index));
        kase.number = serialNumber(index + 1);
        kase.channel = "portal";
        kase.text = example.text;
        kase.categoryId = example.categoryId;
        kase.categoryConfidence = 1.0;
        kase.categorySource = "import";
        kase.language = detectLanguage(example.text);
        kase.municipalityId = place.id;
        kase.regionId = place.regionId;
        kase.status = index % 10 < 3 ? "open" : "closed";
        kase.createdAt = isoTime(created);
        kase.updatedAt = kase.createdAt;
        kase.sourceId = "bench:" + std::to_string(index);
        const RouteDecision route = m_router.route({ kase.categoryId, {}, kase.regionId,
            place.unitId, kase.municipalityId, kase.createdAt });
        kase.teamId = route.teamId;
        kase.routeRule = route.rule;

        const Party party = m_parties.partyForKey(
            static_cast<std::uint64_t>(index) % DistinctParties, place.id, kase.createdAt);
        kase.partyId = party.id;
        CaseBundle bundle { kase, party,
            { stableId("interaction:bench:" + std::to_string(index) + ":0"), party.id, kase.id,
                "submission", "portal", kase.text, {}, kase.createdAt } };
        addHistory(bundle, index, created);
        return bundle;
    }

private:
    void addHistory(CaseBundle &bundle, int index, std::time_t created) const
    {
        for (int event = 1; event < m_eventsPerCase; ++event) {
            const EventShape &shape = EventShapes[(event - 1) % std::size(EventShapes)];
            // Citizens' follow-ups reuse other shipped request texts; staff events get a
            // short line that names the case.
            const std::string body = shape.byStaff
                ? std::string(shape.kind) + " on case " + bundle.kase.number + " by the team"
                : m_examples[(index + event * 7919ULL) % m_examples.size()].text;
            bundle.history.push_back(
                { stableId("interaction:bench:" + std::to_string(index) + ":"
                      + std::to_string(event)),
                    bundle.party.id, bundle.kase.id, shape.kind, shape.channel, body,
                    shape.byStaff ? m_staffId : std::string(),
                    isoTime(created + event * 3600) });
        }
    }

    std::vector<TrainingExample> m_examples;
    std::vector<MunicipalityInfo> m_municipalities;
    Router m_router;
    DemoPartyFactory m_parties;
    int m_eventsPerCase;
    std::string m_staffId;
};

void writeCases(SqliteStore &store, const Options &options)
{
    const CaseFactory factory(store, CIVICDESK_RESOURCE_DIR, options.eventsPerCase);
    const auto started = std::chrono::steady_clock::now();
    int written = 0;
    std::vector<CaseBundle> batch;
    for (int index = 0; index < options.cases; ++index) {
        batch.push_back(factory.build(index));
        if (static_cast<int>(batch.size()) == CasesPerTransaction || index + 1 == options.cases) {
            written += store.writeImportedCases(batch);
            batch.clear();
        }
    }
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
    std::cout << "wrote " << written << " cases with " << options.eventsPerCase
              << " timeline events each in " << seconds.count() << " s" << std::endl;
}

/**
 * Replaces the stored hash of username's password with an Argon2id hash at libsodium's
 * minimum cost. The server's verifyPassword reads the cost from the stored hash.
 */
void storeCheapPassword(const std::string &databasePath, const Options &options)
{
    if (sodium_init() < 0) {
        throw Poco::SystemException("libsodium failed to initialise");
    }
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, options.cheapLoginPassword.data(),
            options.cheapLoginPassword.size(), crypto_pwhash_OPSLIMIT_MIN,
            crypto_pwhash_MEMLIMIT_MIN)
        != 0) {
        throw Poco::OutOfMemoryException("crypto_pwhash_str ran out of memory");
    }
    SqlSession sql(databasePath);
    if (sql.exec("UPDATE users SET password_hash = ? WHERE username = ?",
            { std::string(hash), options.cheapLoginUser })
        != 1) {
        throw Poco::NotFoundException("no account named " + options.cheapLoginUser);
    }
    std::cout << "re-hashed the password of " << options.cheapLoginUser
              << " at the minimum Argon2id cost" << std::endl;
}

int parseCount(const std::string &argument, const std::string &name, int minimum)
{
    std::size_t end = 0;
    int value = -1;
    try {
        value = std::stoi(argument, &end);
    } catch (const std::exception &) {
        end = 0;
    }
    if (end != argument.size() || value < minimum) {
        throw Poco::InvalidArgumentException(
            name + " must be an integer of at least " + std::to_string(minimum) + ", not \""
            + argument + "\"");
    }
    return value;
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const auto equals = argument.find('=');
        const std::string name = argument.substr(0, equals);
        const std::string value = equals == std::string::npos ? "" : argument.substr(equals + 1);
        if (name == "--data-dir" && !value.empty()) {
            options.dataDir = value;
        } else if (name == "--cases") {
            options.cases = parseCount(value, name, 0);
        } else if (name == "--events-per-case") {
            options.eventsPerCase = parseCount(value, name, 1);
        } else if (name == "--cheap-login" && value.find(':') != std::string::npos) {
            options.cheapLoginUser = value.substr(0, value.find(':'));
            options.cheapLoginPassword = value.substr(value.find(':') + 1);
        } else {
            throw Poco::InvalidArgumentException("invalid argument \"" + argument
                + "\"; usage: bench_seed --data-dir=DIR [--cases=N] [--events-per-case=M] "
                  "[--cheap-login=USER:PASSWORD]");
        }
    }
    if (options.dataDir.empty()) {
        throw Poco::InvalidArgumentException("missing --data-dir=DIR");
    }
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const Options options = parseOptions(argc, argv);
        const std::string databasePath = options.dataDir + "/civicdesk.sqlite";
        if (options.cases > 0) {
            const auto store = SqliteStore::openFile(databasePath);
            writeCases(*store, options);
        }
        if (!options.cheapLoginUser.empty()) {
            storeCheapPassword(databasePath, options);
        }
    } catch (const Poco::Exception &error) {
        std::cerr << "bench_seed: " << error.displayText() << std::endl;
        return 1;
    }
    return 0;
}
