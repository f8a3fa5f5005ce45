#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

/**
 * The real civicdesk-server binary run by a test: imports a small subset of the shipped
 * data into a folder of the test's own and serves it on a loopback port.
 */
class ServerProcess
{
public:
    // Plain passes --tls-enabled=false, so that tests can use ws:// and http:// and raw
    // sockets. Tls keeps the server's default: a certificate in DATA/tls, wss:// and https://.
    enum class Transport { Plain, Tls };

    explicit ServerProcess(const QString &dataDirectory, Transport transport = Transport::Plain);
    ~ServerProcess();

    /** Runs `import --limit=rows`; returns false and fills errorString() on failure. */
    bool importData(int rows);
    /** Starts `serve` on port (0 = any) and waits for its listening line. */
    bool start(quint16 port = 0);
    /** Kills the server with SIGKILL, as a crash would. */
    void kill();
    void stop();

    /** Sets options such as --config=FILE that the next start() passes before `serve`. */
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }

    quint16 port() const { return m_port; }
    /** Returns the certificate that a Tls server generates on its first start. */
    QString certificateFile() const;
    /** Returns ws:// or wss:// URL of the sync endpoint, by the transport. */
    QString syncUrl() const;
    /** Returns the http:// or https:// URL of path, by the transport. */
    QString httpUrl(const QString &path) const;
    qint64 processId() const { return m_process.processId(); }
    QString errorString() const { return m_error; }

private:
    QString m_dataDirectory;
    Transport m_transport;
    QStringList m_extraArguments;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

/** Returns the JSON body of a Greek request about a fallen tree in Athens, for the intake API. */
QByteArray fallenTreeRequestBody();
