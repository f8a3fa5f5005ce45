#include "websocketframe.h"

#include <QtEndian>

namespace WebSocketFrame {

namespace {

constexpr int MaskSize = 4;

struct Header
{
    int size = 0; // 0 while the header is incomplete
    qint64 payloadLength = 0;
    bool masked = false;
};

Header readHeader(const QByteArray &data)
{
    if (data.size() < 2) {
        return {};
    }
    const auto *bytes = reinterpret_cast<const uchar *>(data.constData());
    Header header;
    header.size = 2;
    header.payloadLength = bytes[1] & 0x7f;
    header.masked = (bytes[1] & 0x80) != 0;
    if (header.payloadLength == 126) {
        if (data.size() < 4) {
            return {};
        }
        header.payloadLength = qFromBigEndian<quint16>(bytes + 2);
        header.size = 4;
    } else if (header.payloadLength == 127) {
        if (data.size() < 10) {
            return {};
        }
        header.payloadLength = qint64(qFromBigEndian<quint64>(bytes + 2));
        header.size = 10;
    }
    if (header.masked) {
        header.size += MaskSize;
    }
    return header;
}

} // namespace

int completeLength(const QByteArray &data)
{
    const Header header = readHeader(data);
    if (header.size == 0) {
        return 0;
    }
    const qint64 total = header.size + header.payloadLength;
    return data.size() < total ? 0 : int(total);
}

QByteArray payload(const QByteArray &data)
{
    const int length = completeLength(data);
    if (length == 0) {
        return {};
    }
    const Header header = readHeader(data);
    QByteArray bytes = data.mid(header.size, length - header.size);
    if (header.masked) {
        const QByteArray mask = data.mid(header.size - MaskSize, MaskSize);
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            bytes[i] = char(bytes[i] ^ mask[i % MaskSize]);
        }
    }
    return bytes;
}

} // namespace WebSocketFrame
