#include "flakyproxy.h"

#include "protocol/codec.h"
#include "websocketframe.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <deque>
#include <variant>

namespace proto = civicdesk::protocol;

namespace {

/** One piece of a stream that the proxy forwards whole: the HTTP upgrade or one frame. */
struct Unit
{
    qint64 releaseAtMs = 0;
    QByteArray bytes;
    QString mutationId; // of a mutate frame from the client
    QString ackedMutationId; // of an ack frame from the server
    bool endsConnection = false; // the proxy drops the connection after this cut frame
};

/** One direction of a connection: bytes read from one socket and queued for the other. */
struct Pipe
{
    QTcpSocket *from = nullptr;
    QTcpSocket *to = nullptr;
    bool fromServer = false;
    bool upgradeSeen = false; // the HTTP upgrade request or response has been read
    QByteArray buffer;
    std::deque<Unit> queue;
    qint64 lastReleaseMs = 0;
    QTimer timer;
};

} // namespace

/** One client connection and its upstream connection to the server. */
class FlakyProxy::Link : public QObject
{
public:
    Link(FlakyProxy &proxy, QTcpSocket *client, quint32 seed);

private:
    void onReadyRead(Pipe &pipe);
    void enqueue(Pipe &pipe, Unit unit, bool isFrame);
    void release(Pipe &pipe);
    void scheduleRelease(Pipe &pipe);
    void close();

    FlakyProxy &m_proxy;
    QRandomGenerator m_random;
    QElapsedTimer m_clock;
    Pipe m_toServer;
    Pipe m_toClient;
    int m_framesBeforeDrop = 0;
    bool m_dropping = false;
    bool m_closed = false;
};

FlakyProxy::Link::Link(FlakyProxy &proxy, QTcpSocket *client, quint32 seed)
    : QObject(&proxy)
    , m_proxy(proxy)
    , m_random(seed)
{
    m_clock.start();
    m_framesBeforeDrop = m_random.bounded(
        proxy.m_faults.minFramesBeforeDrop, proxy.m_faults.maxFramesBeforeDrop + 1);
    client->setParent(this);
    auto *upstream = new QTcpSocket(this);
    m_toServer.from = client;
    m_toServer.to = upstream;
    m_toClient.from = upstream;
    m_toClient.to = client;
    m_toClient.fromServer = true;

    for (Pipe *pipe : { &m_toServer, &m_toClient }) {
        pipe->timer.setSingleShot(true);
        connect(&pipe->timer, &QTimer::timeout, this, [this, pipe] { release(*pipe); });
        connect(pipe->from, &QTcpSocket::readyRead, this, [this, pipe] { onReadyRead(*pipe); });
        connect(pipe->from, &QTcpSocket::disconnected, this, &Link::close);
        connect(pipe->from, &QTcpSocket::errorOccurred, this, &Link::close);
    }
    connect(upstream, &QTcpSocket::connected, this, [this] { release(m_toServer); });
    upstream->connectToHost(QHostAddress::LocalHost, proxy.m_serverPort);
    onReadyRead(m_toServer); // the client may have sent its upgrade request already
}

void FlakyProxy::Link::onReadyRead(Pipe &pipe)
{
    if (m_dropping) {
        return;
    }
    pipe.buffer.append(pipe.from->readAll());
    if (!pipe.upgradeSeen) {
        const qsizetype end = pipe.buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        pipe.upgradeSeen = true;
        enqueue(pipe, Unit { 0, pipe.buffer.left(end + 4), {}, {}, false }, false);
        pipe.buffer.remove(0, end + 4);
    }
    while (!m_dropping) {
        const int length = WebSocketFrame::completeLength(pipe.buffer);
        if (length == 0) {
            return;
        }
        Unit unit { 0, pipe.buffer.left(length), {}, {}, false };
        pipe.buffer.remove(0, length);

        const proto::DecodeResult decoded =
            proto::decode(WebSocketFrame::payload(unit.bytes).toStdString());
        if (decoded) {
            if (const auto *mutate = std::get_if<proto::Mutate>(&*decoded.message)) {
                unit.mutationId = QString::fromStdString(mutate->mutation.id);
            }
            if (const auto *ack = std::get_if<proto::Ack>(&*decoded.message)) {
                unit.ackedMutationId = QString::fromStdString(ack->mutationId);
            }
        }
        enqueue(pipe, std::move(unit), true);
    }
}

void FlakyProxy::Link::enqueue(Pipe &pipe, Unit unit, bool isFrame)
{
    const qint64 now = m_clock.elapsed();
    qint64 delay = 0;
    if (m_proxy.m_faulty) {
        delay = m_random.bounded(qint64(m_proxy.m_faults.maxDelay.count()) + 1);
        if (isFrame && --m_framesBeforeDrop <= 0) {
            // Forward 0 to length - 1 bytes of this frame, then drop the connection.
            unit.bytes.truncate(m_random.bounded(int(unit.bytes.size())));
            unit.endsConnection = true;
            m_dropping = true;
        }
    }
    unit.releaseAtMs = std::max(pipe.lastReleaseMs, now + delay);
    pipe.lastReleaseMs = unit.releaseAtMs;
    pipe.queue.push_back(std::move(unit));
    release(pipe);
}

void FlakyProxy::Link::release(Pipe &pipe)
{
    if (m_closed || pipe.to->state() != QAbstractSocket::ConnectedState) {
        return; // the upstream connection is not up yet; its connected() releases
    }
    const qint64 now = m_clock.elapsed();
    while (!pipe.queue.empty() && pipe.queue.front().releaseAtMs <= now) {
        Unit unit = std::move(pipe.queue.front());
        pipe.queue.pop_front();
        pipe.to->write(unit.bytes);
        if (unit.endsConnection) {
            if (!unit.ackedMutationId.isEmpty()) {
                m_proxy.m_lostAcks.append(unit.ackedMutationId);
            }
            pipe.to->flush();
            ++m_proxy.m_drops;
            close();
            return;
        }
        if (!unit.mutationId.isEmpty()) {
            m_proxy.onMutationForwarded(unit.mutationId);
        }
    }
    scheduleRelease(pipe);
}

void FlakyProxy::Link::scheduleRelease(Pipe &pipe)
{
    if (pipe.queue.empty()) {
        return;
    }
    const qint64 wait = pipe.queue.front().releaseAtMs - m_clock.elapsed();
    pipe.timer.start(int(std::max<qint64>(0, wait)));
}

void FlakyProxy::Link::close()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    // Acks still queued for the client never reach it.
    for (const Unit &unit : m_toClient.queue) {
        if (!unit.ackedMutationId.isEmpty()) {
            m_proxy.m_lostAcks.append(unit.ackedMutationId);
        }
    }
    m_toServer.timer.stop();
    m_toClient.timer.stop();
    m_toServer.from->abort();
    m_toServer.to->abort();
    deleteLater();
}

FlakyProxy::FlakyProxy(quint16 serverPort, quint32 seed, const Faults &faults)
    : m_serverPort(serverPort)
    , m_seed(seed)
    , m_faults(faults)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FlakyProxy::acceptClients);
}

bool FlakyProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FlakyProxy::acceptClients()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_connections;
        new Link(*this, client, m_seed + quint32(m_connections));
    }
}

void FlakyProxy::onMutationForwarded(const QString &mutationId)
{
    if (m_forwardedMutations.contains(mutationId)) {
        ++m_resentMutations;
    } else {
        m_forwardedMutations.insert(mutationId);
    }
}
