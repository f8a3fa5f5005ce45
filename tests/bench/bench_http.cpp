// End-to-end intake benchmark: POST /api/v1/requests to the real civicdesk-server, which
// classifies, routes and stores each request in its SQLite store before it replies 201. Each
// concurrency level gets a freshly imported store, a warm-up and then a timed run from C
// keep-alive connections, one client thread each. The load generator runs on the same
// machine as the server, so the two share its cores.
// Usage: bench_http [--seconds=N] [--warmup=N] [--connections=8,32] [--server=BINARY]
// where BINARY defaults to the civicdesk-server of the same build.
#include "benchserver.h"
#include "requestbodies.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sys/resource.h>
#include <thread>

using namespace civicdesk::bench;
using Clock = std::chrono::steady_clock;

namespace {

enum class Phase { WarmUp, Measure, Stop };

struct Options
{
    int seconds = 15;
    int warmUpSeconds = 3;
    std::vector<int> connections { 8, 32 };
    std::string serverBinary = CIVICDESK_SERVER_BINARY;
};

/** Results of one client thread; latencies cover requests sent and replied to while measuring. */
struct ClientTally
{
    std::vector<std::uint32_t> latenciesUs;
    std::int64_t created = 0; // 201 replies in every phase
    std::int64_t failures = 0; // other statuses and transport errors, in every phase
    std::string firstFailure;
};

struct RunResult
{
    int connections = 0;
    double seconds = 0;
    std::vector<std::uint32_t> latenciesUs;
    std::int64_t created = 0;
    std::int64_t failures = 0;
    std::string firstFailure;
    double serverCpuSeconds = 0;
    double clientCpuSeconds = 0;
    std::int64_t storeGrowthBytes = 0;
    std::string loadAverage; // of the whole machine over the last minute, at the end
};

std::string oneMinuteLoadAverage()
{
    std::ifstream loadFile("/proc/loadavg");
    std::string load;
    loadFile >> load;
    return load;
}

double processCpuSeconds()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/** Sends one body and reads the whole reply. Returns the HTTP status, throws on socket errors. */
int post(Poco::Net::HTTPClientSession &session, const std::string &body, std::string &reply)
{
    Poco::Net::HTTPRequest request(
        Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/requests", Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    request.setKeepAlive(true);
    session.sendRequest(request) << body;

    Poco::Net::HTTPResponse response;
    std::istream &stream = session.receiveResponse(response);
    reply.clear();
    Poco::StreamCopier::copyToString(stream, reply);
    return response.getStatus();
}

void runClient(std::uint16_t port, const std::vector<std::string> &bodies, std::size_t first,
    const std::atomic<Phase> &phase, ClientTally &tally)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setKeepAlive(true);
    session.setTimeout(Poco::Timespan(30, 0));
    std::string reply;
    for (std::size_t next = first; phase.load() != Phase::Stop; next += 7) {
        const bool measuredStart = phase.load() == Phase::Measure;
        const auto sent = Clock::now();
        int status = 0;
        try {
            status = post(session, bodies[next % bodies.size()], reply);
        } catch (const Poco::Exception &error) {
            reply = error.displayText();
            session.reset();
        }
        const auto received = Clock::now();
        if (status == 201) {
            ++tally.created;
        } else if (++tally.failures == 1) {
            tally.firstFailure = std::to_string(status) + " " + reply.substr(0, 200);
        }
        if (status == 201 && measuredStart && phase.load() == Phase::Measure) {
            tally.latenciesUs.push_back(static_cast<std::uint32_t>(
                std::chrono::duration_cast<std::chrono::microseconds>(received - sent).count()));
        }
    }
}

RunResult runLoad(const Options &options, int connections, const std::vector<std::string> &bodies)
{
    BenchServer server(options.serverBinary);
    server.importAll();
    server.start();
    const std::int64_t storeBefore = server.storeBytes();

    std::atomic<Phase> phase { Phase::WarmUp };
    std::vector<ClientTally> tallies(static_cast<std::size_t>(connections));
    std::vector<std::thread> clients;
    for (int i = 0; i < connections; ++i) {
        // Each client starts at its own place in the bodies, so no two send the same sequence.
        const std::size_t first = static_cast<std::size_t>(i) * bodies.size() / connections;
        clients.emplace_back(runClient, server.port(), std::cref(bodies), first, std::cref(phase),
            std::ref(tallies[static_cast<std::size_t>(i)]));
    }
    std::this_thread::sleep_for(std::chrono::seconds(options.warmUpSeconds));

    RunResult result;
    result.connections = connections;
    const double serverCpuStart = server.cpuSeconds();
    const double clientCpuStart = processCpuSeconds();
    const auto start = Clock::now();
    phase = Phase::Measure;
    std::this_thread::sleep_for(std::chrono::seconds(options.seconds));
    phase = Phase::Stop;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.serverCpuSeconds = server.cpuSeconds() - serverCpuStart;
    result.clientCpuSeconds = processCpuSeconds() - clientCpuStart;
    result.loadAverage = oneMinuteLoadAverage();
    for (std::thread &client : clients) {
        client.join();
    }
    server.stop();
    result.storeGrowthBytes = server.storeBytes() - storeBefore;

    for (const ClientTally &tally : tallies) {
        result.latenciesUs.insert(
            result.latenciesUs.end(), tally.latenciesUs.begin(), tally.latenciesUs.end());
        result.created += tally.created;
        result.failures += tally.failures;
        if (result.firstFailure.empty()) {
            result.firstFailure = tally.firstFailure;
        }
    }
    std::sort(result.latenciesUs.begin(), result.latenciesUs.end());
    return result;
}

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

/** Returns the latency at quantile q (0..1) in milliseconds, by the nearest-rank method. */
std::string quantileMs(const std::vector<std::uint32_t> &sorted, double q)
{
    if (sorted.empty()) {
        return "-";
    }
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return fixed(sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1] / 1000.0, 2);
}

void printRow(const RunResult &r)
{
    const double measured = static_cast<double>(r.latenciesUs.size());
    const double perRequest = measured > 0 ? 1e6 / measured : 0;
    std::cout << "| " << r.connections << " | " << fixed(measured / r.seconds, 0) << " | "
              << r.failures << " | " << quantileMs(r.latenciesUs, 0.50) << " | "
              << quantileMs(r.latenciesUs, 0.95) << " | " << quantileMs(r.latenciesUs, 0.99)
              << " | " << quantileMs(r.latenciesUs, 1.0) << " | "
              << fixed(r.serverCpuSeconds * perRequest, 0) << " | "
              << fixed(r.clientCpuSeconds * perRequest, 0) << " | "
              << fixed(
                     static_cast<double>(r.storeGrowthBytes) / std::max<std::int64_t>(r.created, 1),
                     0)
              << " | " << r.loadAverage << " |" << std::endl;
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const auto equals = argument.find('=');
        const std::string name = argument.substr(0, equals);
        const std::string value = equals == std::string::npos ? "" : argument.substr(equals + 1);
        if (name == "--seconds") {
            options.seconds = Poco::NumberParser::parse(value);
        } else if (name == "--warmup") {
            options.warmUpSeconds = Poco::NumberParser::parse(value);
        } else if (name == "--connections") {
            options.connections.clear();
            for (const std::string &count : Poco::StringTokenizer(value, ",")) {
                options.connections.push_back(Poco::NumberParser::parse(count));
            }
        } else if (name == "--server") {
            options.serverBinary = value;
        } else {
            throw Poco::InvalidArgumentException("invalid option " + argument
                + "; usage: bench_http [--seconds=N] [--warmup=N] [--connections=8,32] "
                  "[--server=BINARY]");
        }
    }
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const Options options = parseOptions(argc, argv);
        // A text sent again to the same municipality would be linked as a duplicate. So the
        // run gets enough rounds that no text returns to a place even at 3,000 requests/s.
        const int rounds = std::max(1, (options.warmUpSeconds + options.seconds) * 3000 / 5000 + 1);
        const RequestBodies bodies = buildRequestBodies(CIVICDESK_RESOURCE_DIR, rounds);
        std::cout << "bench_http, " << CIVICDESK_BUILD_TYPE << " build, server "
                  << options.serverBinary << ", " << std::thread::hardware_concurrency()
                  << " CPUs shared by the server and the load generator; " << bodies.bodies.size()
                  << " distinct bodies in " << bodies.rounds << " rounds of (" << bodies.greek
                  << " Greek, " << bodies.greekNoAccents
                  << " unaccented Greek, " << bodies.greeklish << " Greeklish, " << bodies.english
                  << " English; " << bodies.withAfm << " with an AFM; " << bodies.rejected
                  << " rejected by parseSubmission and "
                  << "left out); " << options.warmUpSeconds << " s warm-up, then "
                  << options.seconds << " s measured per row.\n\n"
                  << "| connections | requests/s | failed | p50 ms | p95 ms | p99 ms | max ms "
                     "| server CPU µs/request | load generator CPU µs/request "
                     "| store growth bytes/request | load average |\n"
                  << "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
                  << std::endl;
        int failed = 0;
        for (const int connections : options.connections) {
            const RunResult result = runLoad(options, connections, bodies.bodies);
            printRow(result);
            if (result.failures > 0) {
                std::cerr << "first failure at " << connections
                          << " connections: " << result.firstFailure << std::endl;
                ++failed;
            }
        }
        return failed == 0 ? 0 : 1;
    } catch (const Poco::Exception &error) {
        std::cerr << "bench_http: " << error.displayText() << std::endl;
        return 1;
    }
}
