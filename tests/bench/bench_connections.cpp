// Measures the sync server under many desktop connections, against the real civicdesk-server
// binary on loopback. Every connection sends login, hello and fetch until its session is
// live, as a desktop client does.
//   idle:  N signed-in idle sessions; the server's RSS and thread count before and after, and
//          that connection N + 1 is rejected (server.busy, then close code 4013) at
//          sync.maxConnections = N.
//   push:  M live sessions of one user. One of them adds a note to a case K times, and the
//          delay from sending the mutation to each session receiving the push is recorded.
// With --tls the server keeps its default TLS and the sessions use wss:// with the
// certificate that it generates; without it the server runs with --tls-enabled=false.
//   bench_connections [--idle=5000] [--push=500] [--changes=20] [--tls]

#include "benchserver.h"
#include "domain/ids.h"
#include "protocol/codec.h"

#include <Poco/Buffer.h>
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/NumberParser.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <poll.h>
#include <sstream>
#include <sys/resource.h>

using namespace civicdesk;
using Poco::Net::WebSocket;
using Clock = std::chrono::steady_clock;

namespace {

// The demo agent. bench_seed re-hashes this password at the minimum Argon2id cost, because
// the server checks passwords one at a time on its sync worker thread (docs/benchmarks.md).
const std::string Username = "agent";
const std::string Password = "civicdesk-agent";
constexpr int ConnectWave = 250; // sessions signed in before waiting for their replies
constexpr int ReplyTimeoutMs = 120000;
constexpr int PushTimeoutMs = 10000;
constexpr int SettleMs = 3000;

struct Options
{
    int idle = 5000;
    int push = 500;
    int changes = 20;
    bool tls = false;
};

/** The server's WebSocket endpoint: its port, and a client TLS context when it uses wss://. */
struct Endpoint
{
    std::uint16_t port = 0;
    Poco::Net::Context::Ptr tls; // null for ws://
};

/** One desktop session: its socket and the text message being reassembled from frames. */
struct Session
{
    std::unique_ptr<WebSocket> socket;
    std::string partial;
    bool closed = false;
};

using MessageHandler = std::function<void(std::size_t index, const protocol::Message &message,
    Clock::time_point received)>;

std::string nextRid()
{
    static int counter = 0;
    std::string rid = "b";
    rid += std::to_string(++counter);
    return rid;
}

void send(Session &session, const protocol::Message &message)
{
    const std::string text = protocol::encode(message);
    session.socket->sendFrame(text.data(), static_cast<int>(text.size()), WebSocket::FRAME_TEXT);
}

/** Returns an HTTP session to endpoint: HTTPS when it has a TLS context. */
std::unique_ptr<Poco::Net::HTTPClientSession> httpSession(const Endpoint &endpoint)
{
    if (endpoint.tls) {
        return std::make_unique<Poco::Net::HTTPSClientSession>(
            "127.0.0.1", endpoint.port, endpoint.tls);
    }
    return std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", endpoint.port);
}

/** Returns a client context that trusts only the server's generated certificate. */
Poco::Net::Context::Ptr clientContext(const std::string &certificateFile)
{
    Poco::Net::Context::Params params;
    params.caLocation = certificateFile;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = false;
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

std::unique_ptr<WebSocket> connect(const Endpoint &endpoint)
{
    const auto http = httpSession(endpoint);
    Poco::Net::HTTPRequest request(
        Poco::Net::HTTPRequest::HTTP_GET, "/ws", Poco::Net::HTTPRequest::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    auto socket = std::make_unique<WebSocket>(*http, request, response);
    socket->setReceiveTimeout(Poco::Timespan(10, 0));
    return socket;
}

/** Reads every frame that is ready on one session, sends a PONG for each PING and returns
 *  the number of messages read. */
int readReady(Session &session, std::size_t index, const MessageHandler &handler)
{
    int messages = 0;
    do {
        Poco::Buffer<char> buffer(0);
        int flags = 0;
        const int bytes = session.socket->receiveFrame(buffer, flags);
        const int opcode = flags & WebSocket::FRAME_OP_BITMASK;
        if (bytes == 0 && flags == 0) {
            session.closed = true;
            return messages;
        }
        if (opcode == WebSocket::FRAME_OP_PING) {
            session.socket->sendFrame(buffer.begin(), bytes,
                int(WebSocket::FRAME_FLAG_FIN) | int(WebSocket::FRAME_OP_PONG));
            continue;
        }
        if (opcode == WebSocket::FRAME_OP_CLOSE) {
            session.closed = true;
            return messages;
        }
        session.partial.append(buffer.begin(), static_cast<std::size_t>(bytes));
        if ((flags & WebSocket::FRAME_FLAG_FIN) == 0) {
            continue;
        }
        const Clock::time_point received = Clock::now();
        protocol::DecodeResult decoded = protocol::decode(session.partial);
        session.partial.clear();
        if (!decoded) {
            throw Poco::ProtocolException("undecodable message: " + decoded.error.message);
        }
        handler(index, *decoded.message, received);
        ++messages;
    } while (!session.closed && session.socket->available() > 0);
    return messages;
}

/**
 * Polls the sessions and hands every message read to handler until done() returns true or
 * timeoutMs pass; returns done()'s last value.
 */
bool pump(std::vector<Session> &sessions, const MessageHandler &handler,
    const std::function<bool()> &done, int timeoutMs)
{
    std::vector<pollfd> descriptors(sessions.size());
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        descriptors[i] = { sessions[i].socket->impl()->sockfd(), POLLIN, 0 };
    }
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!done()) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            return done();
        }
        const int ready = ::poll(descriptors.data(), descriptors.size(),
            static_cast<int>(std::min<std::int64_t>(left.count(), 100)));
        for (std::size_t i = 0; ready > 0 && i < sessions.size(); ++i) {
            if ((descriptors[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0
                && !sessions[i].closed) {
                readReady(sessions[i], i, handler);
            }
        }
    }
    return true;
}

/** Signs in one session and fetches from cursor 0 until live; returns the final cursor. */
std::int64_t fullSync(Session &session, std::vector<protocol::Change> *changes)
{
    std::vector<Session> single;
    single.push_back(std::move(session));
    std::int64_t cursor = 0;
    bool live = false;
    const MessageHandler handler = [&](std::size_t, const protocol::Message &message, auto) {
        if (const auto *batch = std::get_if<protocol::Batch>(&message)) {
            changes->insert(changes->end(), batch->changes.begin(), batch->changes.end());
            cursor = batch->cursor;
            live = !batch->more;
            if (batch->more) {
                send(single.front(), protocol::Fetch { nextRid(), cursor, 2000 });
            }
        } else if (const auto *error = std::get_if<protocol::Error>(&message)) {
            throw Poco::RuntimeException("full sync failed: " + error->message);
        }
    };
    send(single.front(), protocol::Login { nextRid(), Username, Password, generateUuid() });
    send(single.front(), protocol::Hello { nextRid(), 0 });
    send(single.front(), protocol::Fetch { nextRid(), 0, 2000 });
    if (!pump(single, handler, [&] { return live; }, ReplyTimeoutMs)) {
        throw Poco::TimeoutException("the first session did not finish its full sync");
    }
    session = std::move(single.front());
    return cursor;
}

/**
 * Signs in one session that requests no old changes. The welcome to hello with cursor 0
 * carries the head of the log, and a fetch from there makes the session live. Returns that
 * cursor.
 */
std::int64_t headSync(Session &session)
{
    std::vector<Session> single;
    single.push_back(std::move(session));
    std::int64_t cursor = -1;
    bool live = false;
    const MessageHandler handler = [&](std::size_t, const protocol::Message &message, auto) {
        if (const auto *welcome = std::get_if<protocol::Welcome>(&message)) {
            cursor = welcome->headSeq;
            send(single.front(), protocol::Fetch { nextRid(), cursor, 500 });
        } else if (std::holds_alternative<protocol::Batch>(message)) {
            live = true;
        } else if (const auto *error = std::get_if<protocol::Error>(&message)) {
            throw Poco::RuntimeException("sign-in failed: " + error->message);
        }
    };
    send(single.front(), protocol::Login { nextRid(), Username, Password, generateUuid() });
    send(single.front(), protocol::Hello { nextRid(), 0 });
    if (!pump(single, handler, [&] { return live; }, ReplyTimeoutMs)) {
        throw Poco::TimeoutException("the first session did not become live");
    }
    session = std::move(single.front());
    return cursor;
}

/**
 * Opens count more sessions that sign in and send hello and fetch with cursor, as a desktop
 * with an up-to-date cache does. Waits until every one is live.
 */
void connectLive(
    std::vector<Session> &sessions, const Endpoint &endpoint, int count, std::int64_t cursor)
{
    for (int started = 0; started < count; started += ConnectWave) {
        const std::size_t first = sessions.size();
        const int wave = std::min(ConnectWave, count - started);
        for (int i = 0; i < wave; ++i) {
            Session session;
            session.socket = connect(endpoint);
            send(session, protocol::Login { nextRid(), Username, Password, generateUuid() });
            send(session, protocol::Hello { nextRid(), cursor });
            send(session, protocol::Fetch { nextRid(), cursor, 500 });
            sessions.push_back(std::move(session));
        }
        int live = 0;
        const MessageHandler handler = [&](std::size_t index, const protocol::Message &message,
                                           auto) {
            if (const auto *batch = std::get_if<protocol::Batch>(&message)) {
                live += index >= first && !batch->more ? 1 : 0;
            } else if (const auto *error = std::get_if<protocol::Error>(&message)) {
                throw Poco::RuntimeException("sign-in failed: " + error->message);
            }
        };
        if (!pump(sessions, handler, [&] { return live == wave; }, ReplyTimeoutMs)) {
            throw Poco::TimeoutException(std::to_string(wave - live)
                + " sessions were not live within " + std::to_string(ReplyTimeoutMs) + " ms");
        }
    }
}

std::map<std::string, std::int64_t> processStatus(int pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::map<std::string, std::int64_t> values;
    std::string line;
    while (std::getline(status, line)) {
        const auto colon = line.find(':');
        std::istringstream value(line.substr(colon + 1));
        std::int64_t number = 0;
        if (colon != std::string::npos && value >> number) {
            values[line.substr(0, colon)] = number;
        }
    }
    if (values.count("VmRSS") == 0 || values.count("Threads") == 0) {
        throw Poco::RuntimeException("failed to read /proc/" + std::to_string(pid) + "/status");
    }
    return values;
}

/** Returns true when a new connection gets a server.busy error and then close code 4013. */
bool extraConnectionRejected(const Endpoint &endpoint)
{
    Poco::Net::HTTPRequest request(
        Poco::Net::HTTPRequest::HTTP_GET, "/ws", Poco::Net::HTTPRequest::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    try {
        const auto http = httpSession(endpoint);
        WebSocket socket(*http, request, response);
        socket.setReceiveTimeout(Poco::Timespan(5, 0));
        Poco::Buffer<char> frame(0);
        int flags = 0;
        socket.receiveFrame(frame, flags);
        const auto decoded = protocol::decode(std::string(frame.begin(), frame.size()));
        const auto *error = decoded ? std::get_if<protocol::Error>(&*decoded.message) : nullptr;
        if (error == nullptr || error->code != protocol::ErrorCode::ServerBusy) {
            return false;
        }
        frame.resize(0);
        socket.receiveFrame(frame, flags);
        // A close frame's payload starts with the status code, big-endian.
        return (flags & WebSocket::FRAME_OP_BITMASK) == WebSocket::FRAME_OP_CLOSE
            && frame.size() >= 2
            && ((static_cast<unsigned char>(frame[0]) << 8) | static_cast<unsigned char>(frame[1]))
            == 4013;
    } catch (const Poco::Exception &) {
        return false;
    }
}

void seedCheapLogin(const civicdesk::bench::BenchServer &server)
{
    Poco::ProcessHandle seed = Poco::Process::launch(CIVICDESK_BENCH_SEED,
        { "--data-dir=" + server.dataDir(), "--cheap-login=" + Username + ":" + Password });
    if (seed.wait() != 0) {
        throw Poco::RuntimeException("bench_seed failed on " + server.dataDir());
    }
}

std::string writeConfig(const std::string &text)
{
    const std::string path = Poco::TemporaryFile::tempName() + ".properties";
    Poco::TemporaryFile::registerForDeletion(path);
    std::ofstream(path) << text;
    return path;
}

std::string loadAverage()
{
    std::ifstream file("/proc/loadavg");
    std::string oneMinute;
    file >> oneMinute;
    return oneMinute;
}

/** Starts server, with TLS when tls is true, and returns its endpoint. */
Endpoint startServer(
    civicdesk::bench::BenchServer &server, bool tls, const std::vector<std::string> &options)
{
    if (tls) {
        server.useTls();
    }
    server.start(options);
    Endpoint endpoint;
    endpoint.port = server.port();
    if (tls) {
        endpoint.tls = clientContext(server.certificateFile());
    }
    return endpoint;
}

void runIdle(int count, bool tls)
{
    civicdesk::bench::BenchServer server(CIVICDESK_SERVER_BINARY);
    server.importAll();
    seedCheapLogin(server);
    const std::string config = writeConfig("sync.maxConnections = " + std::to_string(count) + "\n");
    const Endpoint endpoint = startServer(server, tls, { "--config=" + config });

    // The first session starts the sync worker's and the store's caches, so "before" is
    // read after it, and the growth is divided among the other sessions. No session
    // fetches old changes, so no freed page buffers are reused by the connections.
    std::vector<Session> sessions;
    sessions.emplace_back();
    sessions.back().socket = connect(endpoint);
    const std::int64_t cursor = headSync(sessions.back());
    Poco::Thread::sleep(SettleMs);
    const auto before = processStatus(server.pid());
    const Clock::time_point started = Clock::now();
    connectLive(sessions, endpoint, count - 1, cursor);
    const double connectSeconds = std::chrono::duration<double>(Clock::now() - started).count();

    // Idle: only the server's heartbeat PINGs and their PONGs flow while the memory settles.
    pump(sessions, [](auto, auto &, auto) {}, [] { return false; }, SettleMs);
    const auto after = processStatus(server.pid());
    const bool rejected = extraConnectionRejected(endpoint);
    const auto closed = std::count_if(
        sessions.begin(), sessions.end(), [](const Session &s) { return s.closed; });

    const double perConnectionKiB =
        double(after.at("VmRSS") - before.at("VmRSS")) / double(count - 1);
    std::cout << "| live sessions | closed by the server | sign-in of the last " << count - 1
              << " (s) | RSS with one session (MiB) "
                 "| RSS with all (MiB) | KiB per connection | threads with one | threads with all "
                 "| connection " << count + 1 << " rejected | load average |\n"
              << "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
              << std::fixed << std::setprecision(1) << "| " << count - closed << " | " << closed
              << " | " << connectSeconds << " | " << before.at("VmRSS") / 1024.0 << " | "
              << after.at("VmRSS") / 1024.0 << " | " << perConnectionKiB << " | "
              << before.at("Threads") << " | " << after.at("Threads") << " | "
              << (rejected ? "yes, 4013" : "NO") << " | " << loadAverage() << " |" << std::endl;
}

/** Returns a case id in the user's scope and its version, from the full sync's changes. */
std::pair<std::string, std::int64_t> pickCase(const std::vector<protocol::Change> &changes)
{
    for (auto change = changes.rbegin(); change != changes.rend(); ++change) {
        if (change->entity == "case" && change->op == protocol::ChangeOp::Upsert) {
            return { change->id, change->version };
        }
    }
    throw Poco::NotFoundException("the agent's full sync brought no case");
}

double percentile(std::vector<double> sorted, double fraction)
{
    std::sort(sorted.begin(), sorted.end());
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * double(sorted.size())));
    return sorted[std::max<std::size_t>(rank, 1) - 1]; // nearest rank
}

/**
 * Returns the mean milliseconds from login to loginOk for an account with the shipped
 * password cost, over attempts sign-ins one after another.
 */
double shippedSignInMs(const Endpoint &endpoint, int attempts)
{
    std::vector<Session> single(1);
    single.front().socket = connect(endpoint);
    bool answered = false;
    const MessageHandler handler = [&](std::size_t, const protocol::Message &message, auto) {
        if (std::holds_alternative<protocol::Error>(message)) {
            throw Poco::RuntimeException("the supervisor's sign-in failed");
        }
        answered = std::holds_alternative<protocol::LoginOk>(message);
    };
    const Clock::time_point started = Clock::now();
    for (int attempt = 0; attempt < attempts; ++attempt) {
        answered = false;
        send(single.front(),
            protocol::Login { nextRid(), "supervisor", "civicdesk-supervisor", generateUuid() });
        if (!pump(single, handler, [&] { return answered; }, ReplyTimeoutMs)) {
            throw Poco::TimeoutException("the supervisor's sign-in timed out");
        }
    }
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count() / attempts;
}

void runPush(int count, int changeCount, bool tls)
{
    civicdesk::bench::BenchServer server(CIVICDESK_SERVER_BINARY);
    server.importAll();
    seedCheapLogin(server);
    const Endpoint endpoint = startServer(server, tls, {});
    std::cout << "sign-in with the shipped Argon2id cost (supervisor, 5 in a row): "
              << std::fixed << std::setprecision(1) << shippedSignInMs(endpoint, 5)
              << " ms each" << std::endl;

    std::vector<Session> sessions;
    sessions.emplace_back();
    sessions.back().socket = connect(endpoint);
    std::vector<protocol::Change> changes;
    const std::int64_t cursor = fullSync(sessions.back(), &changes);
    connectLive(sessions, endpoint, count - 1, cursor);
    auto [caseId, version] = pickCase(changes);

    std::vector<double> latencies;
    std::vector<double> slowestPerChange;
    for (int change = 0; change < changeCount; ++change) {
        const std::string interactionId = generateUuid();
        std::vector<bool> seen(sessions.size(), false);
        std::size_t seenCount = 0;
        bool acknowledged = false;
        double slowest = 0;
        const Clock::time_point sent = Clock::now();
        send(sessions.front(),
            protocol::Mutate { nextRid(),
                { generateUuid(), "case", caseId, version, "note",
                    { { "interactionId", interactionId },
                        { "text", "Benchmark note " + std::to_string(change + 1) } },
                    utcNowIso() } });
        const MessageHandler handler = [&](std::size_t index, const protocol::Message &message,
                                           Clock::time_point received) {
            if (const auto *ack = std::get_if<protocol::Ack>(&message)) {
                version = ack->version;
                acknowledged = true;
            } else if (const auto *reject = std::get_if<protocol::Reject>(&message)) {
                throw Poco::RuntimeException("the note was rejected: " + reject->message);
            } else if (const auto *push = std::get_if<protocol::Push>(&message)) {
                const bool hasNote = std::any_of(push->changes.begin(), push->changes.end(),
                    [&](const protocol::Change &c) { return c.id == interactionId; });
                if (hasNote && !seen[index]) {
                    seen[index] = true;
                    ++seenCount;
                    const double ms =
                        std::chrono::duration<double, std::milli>(received - sent).count();
                    latencies.push_back(ms);
                    slowest = std::max(slowest, ms);
                }
            }
        };
        if (!pump(sessions, handler,
                [&] { return acknowledged && seenCount == sessions.size(); }, PushTimeoutMs)) {
            throw Poco::TimeoutException("change " + std::to_string(change + 1) + " reached "
                + std::to_string(seenCount) + " of " + std::to_string(sessions.size())
                + " sessions within " + std::to_string(PushTimeoutMs) + " ms");
        }
        slowestPerChange.push_back(slowest);
        Poco::Thread::sleep(200);
    }

    std::cout << "| sessions | changes | deliveries | p50 ms | p99 ms | max ms "
                 "| median of the per-change max ms | load average |\n"
              << "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
              << std::fixed << std::setprecision(2) << "| " << count << " | " << changeCount
              << " | " << latencies.size() << " | " << percentile(latencies, 0.50) << " | "
              << percentile(latencies, 0.99) << " | " << percentile(latencies, 1.0) << " | "
              << percentile(slowestPerChange, 0.50) << " | " << loadAverage() << " |"
              << std::endl;
}

int parseCount(const std::string &value, const std::string &name)
{
    int count = 0;
    if (!Poco::NumberParser::tryParse(value, count) || count < 1) {
        throw Poco::InvalidArgumentException(
            name + " must be a positive integer, not \"" + value + "\"");
    }
    return count;
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const auto equals = argument.find('=');
        const std::string name = argument.substr(0, equals);
        const std::string value = equals == std::string::npos ? "" : argument.substr(equals + 1);
        if (name == "--idle") {
            options.idle = parseCount(value, name);
        } else if (name == "--push") {
            options.push = parseCount(value, name);
        } else if (name == "--changes") {
            options.changes = parseCount(value, name);
        } else if (argument == "--tls") {
            options.tls = true;
        } else {
            throw Poco::InvalidArgumentException("invalid argument \"" + argument
                + "\"; usage: bench_connections [--idle=5000] [--push=500] [--changes=20] "
                  "[--tls]");
        }
    }
    return options;
}

/** Raises the open-file limit to its hard maximum; each session needs one descriptor. */
void raiseFileLimit(int sessions)
{
    rlimit limit {};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < rlim_t(sessions) + 100) {
        throw Poco::RuntimeException("the open-file limit " + std::to_string(limit.rlim_cur)
            + " is too low for " + std::to_string(sessions) + " sessions; raise ulimit -n");
    }
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const Options options = parseOptions(argc, argv);
        // The server inherits the raised limit, and it needs one descriptor per session too.
        raiseFileLimit(std::max(options.idle, options.push));
        if (options.tls) {
            Poco::Net::initializeSSL();
        }
        const std::string transport = options.tls ? "wss://" : "ws://";
        std::cout << "== " << options.idle << " idle signed-in sessions over " << transport
                  << std::endl;
        runIdle(options.idle, options.tls);
        std::cout << "\n== one change pushed to " << options.push << " live sessions over "
                  << transport << ", " << options.changes << " times" << std::endl;
        runPush(options.push, options.changes, options.tls);
    } catch (const Poco::Exception &error) {
        std::cerr << "bench_connections: " << error.displayText() << std::endl;
        return 1;
    }
    return 0;
}
