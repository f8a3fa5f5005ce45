#include "session/accountfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <sodium.h>

namespace CivicDesk::AccountFiles {

QString accountId(const QUrl &serverUrl, const QString &username)
{
    const int defaultPort = serverUrl.scheme() == QLatin1String("wss") ? 443 : 80;
    return QStringLiteral("%1:%2/%3")
        .arg(serverUrl.host().toLower())
        .arg(serverUrl.port(defaultPort))
        .arg(username);
}

QString cacheFilePath(const QString &dataDirectory, const QString &accountId)
{
    const QByteArray digest =
        QCryptographicHash::hash(accountId.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(dataDirectory).filePath(QString::fromLatin1(digest.left(16)) + ".cdcache");
}

QString hashPassword(const QString &password)
{
    if (sodium_init() < 0) {
        return {};
    }
    QByteArray secret = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES] = {};
    const int result = crypto_pwhash_str(hash, secret.constData(), quint64(secret.size()),
        crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    sodium_memzero(secret.data(), size_t(secret.size()));
    return result == 0 ? QString::fromLatin1(hash) : QString();
}

bool verifyPassword(const QString &hash, const QString &password)
{
    if (hash.isEmpty() || sodium_init() < 0) {
        return false;
    }
    QByteArray secret = password.toUtf8();
    const int result = crypto_pwhash_str_verify(
        hash.toLatin1().constData(), secret.constData(), quint64(secret.size()));
    sodium_memzero(secret.data(), size_t(secret.size()));
    return result == 0;
}

} // namespace CivicDesk::AccountFiles
