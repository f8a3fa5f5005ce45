// Measures the first sync of the full demo data into a new encrypted cache. The real server
// gets every shipped request, and the client core signs in as the demo administrator (who
// reads every case), the supervisor and the agent. Prints one Markdown table row per account.

#include "serverprocess.h"
#include "session/clientsession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>

using CivicDesk::ClientSession;

namespace {

constexpr int FullImport = 1000000; // more rows than the data has: import everything

struct Measurement
{
    qint64 milliseconds = -1;
    qint64 cacheBytes = 0;
};

qint64 fileSizeWithWal(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

Measurement measureFirstSync(quint16 port, const QString &username, const QString &password)
{
    QTemporaryDir clientDir;
    ClientSession session(clientDir.path());
    QSignalSpy synced(&session, &ClientSession::syncFinished);
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    QElapsedTimer timer;
    timer.start();
    session.signIn({ QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), username, password,
                     QStringLiteral("benchmark-passphrase") });
    while (synced.isEmpty() && failed.isEmpty() && timer.elapsed() < 600000) {
        synced.wait(1000);
    }
    Measurement result;
    if (!synced.isEmpty()) {
        result.milliseconds = timer.elapsed();
        result.cacheBytes = fileSizeWithWal(session.cacheFilePath());
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
    QTextStream out(stdout);
    QTemporaryDir serverDir;
    ServerProcess server(serverDir.path());
    QElapsedTimer importTimer;
    importTimer.start();
    if (!server.importData(FullImport)) {
        out << server.errorString() << Qt::endl;
        return 1;
    }
    out << "import of the full data: " << importTimer.elapsed() / 1000.0 << " s" << Qt::endl;
    if (!server.start(0)) {
        out << server.errorString() << Qt::endl;
        return 1;
    }

    out << "| account | first sync (s) | cache file with WAL (MiB) |" << Qt::endl;
    out << "| --- | --- | --- |" << Qt::endl;
    const QList<QPair<QString, QString>> accounts {
        { QStringLiteral("supervisor"), QStringLiteral("civicdesk-supervisor") },
        { QStringLiteral("admin"), QStringLiteral("civicdesk-admin") },
        { QStringLiteral("agent"), QStringLiteral("civicdesk-agent") },
    };
    for (const auto &[username, password] : accounts) {
        const Measurement m = measureFirstSync(server.port(), username, password);
        if (m.milliseconds < 0) {
            out << "| " << username << " | failed | |" << Qt::endl;
            return 1;
        }
        out << "| " << username << " | " << QString::number(m.milliseconds / 1000.0, 'f', 2)
            << " | " << QString::number(m.cacheBytes / 1048576.0, 'f', 2) << " |" << Qt::endl;
    }
    return 0;
}
