#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <chrono>

/**
 * A loopback TCP proxy between sync clients and the server that makes the network flaky.
 * While faulty, it delays every WebSocket frame by a random time up to maxDelay, keeping the
 * order within each direction. It also aborts each connection after a random number of
 * frames in either direction, forwarding only a random part of the last frame. Each
 * connection draws from its own generator, seeded with the proxy's seed plus the
 * connection's number, so the same order of frames gets the same delays and drops.
 *
 * The proxy decodes the frames it forwards with the shared codec, to count the mutations a
 * client sent again after the server could have applied them, and the acks lost in a drop.
 */
class FlakyProxy : public QObject
{
    Q_OBJECT

public:
    struct Faults
    {
        std::chrono::milliseconds maxDelay { 300 };
        int minFramesBeforeDrop = 3;
        int maxFramesBeforeDrop = 15;
    };

    FlakyProxy(quint16 serverPort, quint32 seed, const Faults &faults);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    /** Turns delays and drops on or off for every frame read from now on. */
    void setFaulty(bool faulty) { m_faulty = faulty; }
    bool isFaulty() const { return m_faulty; }

    int connectionCount() const { return m_connections; }
    int dropCount() const { return m_drops; }
    /** Mutation ids of the acks from the server that a drop kept from their client. */
    QStringList lostAcks() const { return m_lostAcks; }
    /** Mutate frames forwarded whole to the server for a mutation id it had received before. */
    int resentMutationCount() const { return m_resentMutations; }

private:
    class Link;

    void acceptClients();
    void onMutationForwarded(const QString &mutationId);

    QTcpServer m_server;
    quint16 m_serverPort = 0;
    quint32 m_seed = 0;
    Faults m_faults;
    bool m_faulty = false;
    int m_connections = 0;
    int m_drops = 0;
    QStringList m_lostAcks;
    int m_resentMutations = 0;
    QSet<QString> m_forwardedMutations;
};
