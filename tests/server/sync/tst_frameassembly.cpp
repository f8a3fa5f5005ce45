// Reassembly of fragmented WebSocket messages and the close codes for frames out of order.
#include "frameassembly.h"

#include <Poco/Net/WebSocket.h>
#include <QTest>

using namespace civicdesk::server;
using Poco::Net::WebSocket;

namespace {

constexpr int Fin = WebSocket::FRAME_FLAG_FIN;
constexpr int Text = WebSocket::FRAME_OP_TEXT;
constexpr int Binary = WebSocket::FRAME_OP_BINARY;
constexpr int Continuation = WebSocket::FRAME_OP_CONT;
constexpr int Ping = WebSocket::FRAME_OP_PING;
constexpr int Pong = WebSocket::FRAME_OP_PONG;
constexpr int Close = WebSocket::FRAME_OP_CLOSE;

struct Frame
{
    int flags;
    std::string payload;
};

} // namespace

Q_DECLARE_METATYPE(std::vector<Frame>)

class tst_FrameAssembly : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lastFrameOutcome_data();
    void lastFrameOutcome();
    void pingInsideFragmentedMessage();
};

void tst_FrameAssembly::lastFrameOutcome_data()
{
    QTest::addColumn<std::vector<Frame>>("frames");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("closeCode");

    const int message = int(FrameOutcome::Action::Message);
    const int close = int(FrameOutcome::Action::Close);
    const int none = int(FrameOutcome::Action::None);

    QTest::newRow("single text frame")
        << std::vector<Frame> { { Fin | Text, "hello" } } << message << "hello" << 0;
    QTest::newRow("three fragments") << std::vector<Frame> { { Text, "ab" }, { Continuation, "cd" },
        { Fin | Continuation, "ef" } }
                                     << message << "abcdef" << 0;
    QTest::newRow("first fragment only")
        << std::vector<Frame> { { Text, "ab" } } << none << "" << 0;
    QTest::newRow("exactly at the limit")
        << std::vector<Frame> { { Text, "12345" }, { Fin | Continuation, "67890" } } << message
        << "1234567890" << 0;
    QTest::newRow("one byte over the limit")
        << std::vector<Frame> { { Text, "12345" }, { Fin | Continuation, "678901" } } << close
        << "message exceeds 10 bytes" << int(WebSocket::WS_PAYLOAD_TOO_BIG);
    QTest::newRow("continuation without start")
        << std::vector<Frame> { { Fin | Continuation, "x" } } << close
        << "continuation frame without a message" << int(WebSocket::WS_PROTOCOL_ERROR);
    QTest::newRow("text inside fragmented message")
        << std::vector<Frame> { { Text, "a" }, { Fin | Text, "b" } } << close
        << "text frame inside a fragmented message" << int(WebSocket::WS_PROTOCOL_ERROR);
    QTest::newRow("binary frame") << std::vector<Frame> { { Fin | Binary, "\x01" } } << close
                                  << "binary messages are not accepted"
                                  << int(WebSocket::WS_PAYLOAD_NOT_ACCEPTABLE);
    QTest::newRow("close frame") << std::vector<Frame> { { Fin | Close, "" } } << close
                                 << "closed by the client" << int(WebSocket::WS_NORMAL_CLOSE);
    QTest::newRow("pong frame ignored")
        << std::vector<Frame> { { Fin | Pong, "x" } } << none << "" << 0;
}

void tst_FrameAssembly::lastFrameOutcome()
{
    QFETCH(std::vector<Frame>, frames);
    QFETCH(int, action);
    QFETCH(QString, text);
    QFETCH(int, closeCode);
    MessageAssembly assembly;

    FrameOutcome outcome;
    for (const Frame &frame : frames) {
        outcome = applyFrame(assembly, frame.flags, frame.payload, 10);
    }

    QCOMPARE(int(outcome.action), action);
    QCOMPARE(QString::fromStdString(outcome.text), text);
    QCOMPARE(outcome.closeCode, closeCode);
}

void tst_FrameAssembly::pingInsideFragmentedMessage()
{
    MessageAssembly assembly;

    applyFrame(assembly, Text, "ab", 100);
    const FrameOutcome ping = applyFrame(assembly, Fin | Ping, "p", 100);
    const FrameOutcome last = applyFrame(assembly, Fin | Continuation, "cd", 100);

    QCOMPARE(int(ping.action), int(FrameOutcome::Action::Pong));
    QCOMPARE(QString::fromStdString(ping.text), QStringLiteral("p"));
    QCOMPARE(int(last.action), int(FrameOutcome::Action::Message));
    QCOMPARE(QString::fromStdString(last.text), QStringLiteral("abcd"));
}

QTEST_APPLESS_MAIN(tst_FrameAssembly)
#include "tst_frameassembly.moc"
