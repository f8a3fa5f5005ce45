#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

constexpr int ImportTimeoutMs = 180000;
constexpr int StartTimeoutMs = 20000;

} // namespace

ServerProcess::ServerProcess(const QString &dataDirectory, Transport transport)
    : m_dataDirectory(dataDirectory)
    , m_transport(transport)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

QString ServerProcess::certificateFile() const
{
    return m_dataDirectory + QStringLiteral("/tls/server.crt");
}

QString ServerProcess::syncUrl() const
{
    const bool tls = m_transport == Transport::Tls;
    return QStringLiteral("%1://127.0.0.1:%2/ws").arg(tls ? "wss" : "ws").arg(m_port);
}

QString ServerProcess::httpUrl(const QString &path) const
{
    const bool tls = m_transport == Transport::Tls;
    return QStringLiteral("%1://127.0.0.1:%2%3").arg(tls ? "https" : "http").arg(m_port).arg(path);
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
    QStringList arguments { QStringLiteral("--data-dir=%1").arg(m_dataDirectory),
                            QStringLiteral("--port=%1").arg(port) };
    if (m_transport == Transport::Plain) {
        arguments << QStringLiteral("--tls-enabled=false");
    }
    arguments << m_extraArguments << QStringLiteral("serve");
    m_process.start(QStringLiteral(CIVICDESK_SERVER_BINARY), arguments);
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

QByteArray fallenTreeRequestBody()
{
    const QJsonObject body {
        { QStringLiteral("text"), QStringLiteral("Ένα μεγάλο δέντρο έπεσε και κλείνει τον δρόμο") },
        { QStringLiteral("category"), QStringLiteral("dangerous_condition") },
        { QStringLiteral("municipalityId"), QStringLiteral("9186") },
        { QStringLiteral("contact"),
            QJsonObject { { QStringLiteral("firstName"), QStringLiteral("Δοκιμή") },
                { QStringLiteral("lastName"), QStringLiteral("Πολίτης") } } },
    };
    return QJsonDocument(body).toJson();
}
