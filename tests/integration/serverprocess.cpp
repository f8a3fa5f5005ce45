#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace {

constexpr int ImportTimeoutMs = 180000;
constexpr int StartTimeoutMs = 20000;

} // namespace

ServerProcess::ServerProcess(const QString &dataDirectory)
    : m_dataDirectory(dataDirectory)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::importData(int rows)
{
    QProcess import;
    import.setProcessChannelMode(QProcess::MergedChannels);
    import.start(QStringLiteral(CIVICDESK_SERVER_BINARY),
                 { QStringLiteral("--data-dir=%1").arg(m_dataDirectory),
                   QStringLiteral("--limit=%1").arg(rows), QStringLiteral("import") });
    if (!import.waitForFinished(ImportTimeoutMs) || import.exitCode() != 0) {
        m_error = QStringLiteral("import failed: ") + QString::fromUtf8(import.readAll());
        return false;
    }
    return true;
}

bool ServerProcess::start(quint16 port)
{
    m_process.start(QStringLiteral(CIVICDESK_SERVER_BINARY),
                    { QStringLiteral("--data-dir=%1").arg(m_dataDirectory),
                      QStringLiteral("--port=%1").arg(port), QStringLiteral("serve") });
    static const QRegularExpression listening(
            QStringLiteral("^civicdesk-server listening on 127\\.0\\.0\\.1:(\\d+)$"));
    QDeadlineTimer deadline(StartTimeoutMs);
    QByteArray output;
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(200) && m_process.state() == QProcess::NotRunning) {
            break;
        }
        output += m_process.readAllStandardOutput();
        for (const QByteArray &line : output.split('\n')) {
            const auto match = listening.match(QString::fromUtf8(line.trimmed()));
            if (match.hasMatch()) {
                m_port = match.captured(1).toUShort();
                return true;
            }
        }
    }
    m_error = QStringLiteral("server did not start: ")
            + QString::fromUtf8(output + m_process.readAllStandardError());
    return false;
}

void ServerProcess::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void ServerProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            kill();
        }
    }
}
