#include "benchserver.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/StringTokenizer.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

namespace civicdesk::bench {

namespace {

constexpr int StartTimeoutMs = 60000;

std::int64_t fileSize(const std::string &path)
{
    const Poco::File file(path);
    return file.exists() ? static_cast<std::int64_t>(file.getSize()) : 0;
}

} // namespace

BenchServer::BenchServer(std::string binary)
    : m_binary(std::move(binary))
    , m_dataDir(Poco::TemporaryFile::tempName())
{
    Poco::File(m_dataDir).createDirectories();
}

BenchServer::~BenchServer()
{
    try {
        stop();
        Poco::File(m_dataDir).remove(true);
    } catch (const Poco::Exception &) {
        // A folder left in the temporary directory is harmless.
    }
}

Poco::ProcessHandle BenchServer::launch(const std::vector<std::string> &arguments)
{
    // The shell sends both streams to the log file and then becomes the server (exec), so
    // the handle's process id is the server's own, which cpuSeconds() reads.
    std::vector<std::string> shellArguments { "-c",
        "log=\"$1\"; shift; exec \"$@\" >>\"$log\" 2>&1", "sh", m_dataDir + "/server.log", m_binary,
        "--data-dir=" + m_dataDir };
    shellArguments.insert(shellArguments.end(), arguments.begin(), arguments.end());
    return Poco::Process::launch("/bin/sh", shellArguments);
}

std::string BenchServer::logText() const
{
    std::ifstream log(m_dataDir + "/server.log");
    std::ostringstream text;
    text << log.rdbuf();
    return text.str();
}

void BenchServer::importAll()
{
    // --limit above the shipped row count imports every request.
    Poco::ProcessHandle import = launch({ "--limit=1000000", "import" });
    if (import.wait() != 0) {
        throw Poco::RuntimeException("civicdesk-server import failed:\n" + logText());
    }
}

void BenchServer::start(const std::vector<std::string> &options)
{
    std::vector<std::string> arguments = options;
    // Unless useTls() was called, the benchmarks measure the server's own work in plain HTTP
    // and WS, as behind a TLS-terminating proxy.
    if (!m_tls) {
        arguments.push_back("--tls-enabled=false");
    }
    arguments.insert(arguments.end(), { "--port=0", "serve" });
    m_process = std::make_unique<Poco::ProcessHandle>(launch(arguments));
    static const std::regex listening("civicdesk-server listening on 127\\.0\\.0\\.1:(\\d+)");
    for (int waited = 0; waited < StartTimeoutMs; waited += 50) {
        std::smatch match;
        const std::string log = logText();
        if (std::regex_search(log, match, listening)) {
            m_port = static_cast<std::uint16_t>(std::stoi(match[1].str()));
            return;
        }
        if (!Poco::Process::isRunning(*m_process)) {
            break;
        }
        Poco::Thread::sleep(50);
    }
    throw Poco::RuntimeException("civicdesk-server did not start:\n" + logText());
}

void BenchServer::stop()
{
    if (!m_process) {
        return;
    }
    if (Poco::Process::isRunning(*m_process)) {
        Poco::Process::requestTermination(m_process->id());
    }
    m_process->wait();
    m_process.reset();
}

Poco::ProcessHandle::PID BenchServer::pid() const
{
    return m_process ? m_process->id() : 0;
}

double BenchServer::cpuSeconds() const
{
    std::ifstream statFile("/proc/" + std::to_string(pid()) + "/stat");
    std::string stat;
    std::getline(statFile, stat);
    // Fields 14 and 15 of proc(5) are utime and stime in clock ticks. The command name
    // (field 2) may contain spaces, so counting starts after its closing parenthesis.
    const auto nameEnd = stat.rfind(')');
    if (nameEnd == std::string::npos) {
        throw Poco::RuntimeException(
            "failed to read /proc/" + std::to_string(pid()) + "/stat: is the server running?");
    }
    std::istringstream fields(stat.substr(nameEnd + 2));
    std::string field;
    long long utime = 0;
    long long stime = 0;
    for (int number = 3; number <= 15 && fields >> field; ++number) {
        if (number == 14) {
            utime = std::stoll(field);
        } else if (number == 15) {
            stime = std::stoll(field);
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::int64_t BenchServer::storeBytes() const
{
    const std::string database = m_dataDir + "/civicdesk.sqlite";
    return fileSize(database) + fileSize(database + "-wal");
}

} // namespace civicdesk::bench
