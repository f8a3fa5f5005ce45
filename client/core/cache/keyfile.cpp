#include "cache/keyfile.h"

#include "corelogging.h"

#include <QDataStream>
#include <QFile>
#include <QSaveFile>
#include <sodium.h>

namespace CivicDesk::KeyFile {

namespace {

constexpr quint32 FormatTag = 0x43444b31; // "CDK1"
constexpr int KeySize = crypto_secretbox_KEYBYTES;

struct Sealed
{
    quint64 opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    quint64 memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    QByteArray salt;
    QByteArray nonce;
    QByteArray cipherText;
};

/** Derives the wrapping key from the passphrase; the caller wipes it. */
Error deriveKey(const QString &passphrase, const Sealed &sealed, QByteArray *wrappingKey)
{
    QByteArray secret = passphrase.toUtf8();
    wrappingKey->resize(KeySize);
    const int result = crypto_pwhash(reinterpret_cast<unsigned char *>(wrappingKey->data()),
        KeySize, secret.constData(), quint64(secret.size()),
        reinterpret_cast<const unsigned char *>(sealed.salt.constData()), sealed.opsLimit,
        size_t(sealed.memLimit), crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(secret.data(), size_t(secret.size()));
    return result == 0 ? Error::None : Error::OutOfMemory;
}

bool validShape(const Sealed &sealed)
{
    return sealed.salt.size() == crypto_pwhash_SALTBYTES
        && sealed.nonce.size() == crypto_secretbox_NONCEBYTES
        && sealed.cipherText.size() == KeySize + crypto_secretbox_MACBYTES
        && sealed.opsLimit >= crypto_pwhash_OPSLIMIT_MIN
        && sealed.opsLimit <= crypto_pwhash_OPSLIMIT_SENSITIVE
        && sealed.memLimit >= crypto_pwhash_MEMLIMIT_MIN
        && sealed.memLimit <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(size));
    return bytes;
}

} // namespace

Error write(const QString &path, const QByteArray &key, const QString &passphrase)
{
    if (passphrase.isEmpty()) {
        return Error::EmptyPassphrase;
    }
    if (sodium_init() < 0 || key.size() != KeySize) {
        return Error::IoError;
    }

    Sealed sealed;
    sealed.salt = randomBytes(crypto_pwhash_SALTBYTES);
    sealed.nonce = randomBytes(crypto_secretbox_NONCEBYTES);
    QByteArray wrappingKey;
    if (const Error error = deriveKey(passphrase, sealed, &wrappingKey); error != Error::None) {
        return error;
    }
    sealed.cipherText.resize(KeySize + crypto_secretbox_MACBYTES);
    crypto_secretbox_easy(reinterpret_cast<unsigned char *>(sealed.cipherText.data()),
        reinterpret_cast<const unsigned char *>(key.constData()), KeySize,
        reinterpret_cast<const unsigned char *>(sealed.nonce.constData()),
        reinterpret_cast<const unsigned char *>(wrappingKey.constData()));
    sodium_memzero(wrappingKey.data(), size_t(wrappingKey.size()));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcCache) << "cannot write key file" << path << file.errorString();
        return Error::IoError;
    }
    QDataStream out(&file);
    out << FormatTag << sealed.opsLimit << sealed.memLimit << sealed.salt << sealed.nonce
        << sealed.cipherText;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.commit() ? Error::None : Error::IoError;
}

Error read(const QString &path, const QString &passphrase, QByteArray *key)
{
    QFile file(path);
    if (!file.exists()) {
        return Error::Missing;
    }
    if (passphrase.isEmpty()) {
        return Error::EmptyPassphrase;
    }
    if (sodium_init() < 0 || !file.open(QIODevice::ReadOnly)) {
        return Error::IoError;
    }

    QDataStream in(&file);
    quint32 tag = 0;
    Sealed sealed;
    in >> tag >> sealed.opsLimit >> sealed.memLimit >> sealed.salt >> sealed.nonce
        >> sealed.cipherText;
    if (in.status() != QDataStream::Ok || tag != FormatTag || !validShape(sealed)) {
        return Error::Damaged;
    }

    QByteArray wrappingKey;
    if (const Error error = deriveKey(passphrase, sealed, &wrappingKey); error != Error::None) {
        return error;
    }
    key->resize(KeySize);
    const int opened = crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(key->data()),
        reinterpret_cast<const unsigned char *>(sealed.cipherText.constData()),
        quint64(sealed.cipherText.size()),
        reinterpret_cast<const unsigned char *>(sealed.nonce.constData()),
        reinterpret_cast<const unsigned char *>(wrappingKey.constData()));
    sodium_memzero(wrappingKey.data(), size_t(wrappingKey.size()));
    if (opened != 0) {
        key->clear();
        return Error::WrongPassphrase;
    }
    return Error::None;
}

} // namespace CivicDesk::KeyFile
