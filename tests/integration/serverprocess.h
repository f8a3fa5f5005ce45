#pragma once

#include <QProcess>
#include <QString>

/**
 * The real civicdesk-server binary run by a test: imports a small subset of the shipped
 * data into a folder of the test's own and serves it on a loopback port.
 */
class ServerProcess
{
public:
    explicit ServerProcess(const QString &dataDirectory);
    ~ServerProcess();

    /** Runs `import --limit=rows`; returns false and fills errorString() on failure. */
    bool importData(int rows);
    /** Starts `serve` on port (0 = any) and waits for its listening line. */
    bool start(quint16 port = 0);
    /** Kills the server with SIGKILL, as a crash would. */
    void kill();
    void stop();

    quint16 port() const { return m_port; }
    qint64 processId() const { return m_process.processId(); }
    QString errorString() const { return m_error; }

private:
    QString m_dataDirectory;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
