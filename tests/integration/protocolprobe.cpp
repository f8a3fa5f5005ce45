#include "protocolprobe.h"

#include "protocol/codec.h"

#include <QEventLoop>
#include <QTimer>

namespace protocol = civicdesk::protocol;

bool ProtocolProbe::connectAndLogin(const QUrl &url, const QString &username,
                                    const QString &password)
{
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived,
                     [this](const QString &text) { m_inbox.append(text); });
    QEventLoop loop;
    QObject::connect(&m_socket, &QWebSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), &loop,
                     &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    m_socket.open(url);
    loop.exec();
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        m_error = QStringLiteral("connect failed: ") + m_socket.errorString();
        return false;
    }
    const auto reply = request(protocol::Login { {}, username.toStdString(),
                                                 password.toStdString(), "probe" });
    if (!reply || !std::holds_alternative<protocol::LoginOk>(*reply)) {
        m_error = QStringLiteral("login failed");
        return false;
    }
    m_userId = QString::fromStdString(std::get<protocol::LoginOk>(*reply).user.id);
    return true;
}

bool ProtocolProbe::fetchAll()
{
    std::int64_t cursor = 0;
    for (;;) {
        const auto reply = request(protocol::Fetch { {}, cursor, 2000 });
        if (!reply || !std::holds_alternative<protocol::Batch>(*reply)) {
            m_error = QStringLiteral("fetch failed");
            return false;
        }
        const auto &batch = std::get<protocol::Batch>(*reply);
        fold(batch.changes);
        cursor = batch.cursor;
        if (!batch.more) {
            return true;
        }
    }
}

std::optional<protocol::Message> ProtocolProbe::request(const protocol::Message &message)
{
    protocol::Message outgoing = message;
    const std::string rid = "probe-" + std::to_string(m_nextRid++);
    std::visit(
            [&rid](auto &m) {
                if constexpr (requires { m.rid; }) {
                    m.rid = rid;
                }
            },
            outgoing);
    m_socket.sendTextMessage(QString::fromStdString(protocol::encode(outgoing)));
    for (;;) {
        auto reply = nextMessage(15000);
        if (!reply) {
            return std::nullopt;
        }
        if (std::holds_alternative<protocol::Push>(*reply)) {
            fold(std::get<protocol::Push>(*reply).changes);
            continue;
        }
        const bool matches = std::visit(
                [&rid](const auto &m) {
                    if constexpr (requires { m.rid; }) {
                        return m.rid == rid;
                    } else {
                        return false;
                    }
                },
                *reply);
        if (matches) {
            return reply;
        }
    }
}

bool ProtocolProbe::waitForPush(int timeoutMs)
{
    auto message = nextMessage(timeoutMs);
    if (!message || !std::holds_alternative<protocol::Push>(*message)) {
        return false;
    }
    fold(std::get<protocol::Push>(*message).changes);
    return true;
}

std::optional<protocol::Message> ProtocolProbe::nextMessage(int timeoutMs)
{
    if (m_inbox.isEmpty()) {
        QEventLoop loop;
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &loop, &QEventLoop::quit);
        QObject::connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (m_inbox.isEmpty()) {
        return std::nullopt;
    }
    const auto decoded = protocol::decode(m_inbox.takeFirst().toStdString());
    if (!decoded) {
        m_error = QString::fromStdString(decoded.error.message);
        return std::nullopt;
    }
    return decoded.message;
}

void ProtocolProbe::fold(const std::vector<protocol::Change> &changes)
{
    for (const protocol::Change &change : changes) {
        const RecordKey key { QString::fromStdString(change.entity),
                              QString::fromStdString(change.id) };
        if (change.op == protocol::ChangeOp::Purge) {
            m_records.remove(key);
        } else {
            nlohmann::json record = change.data;
            record["__version"] = change.version;
            m_records.insert(key, record);
        }
    }
}
