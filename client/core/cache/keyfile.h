#pragma once

#include <QByteArray>
#include <QString>

namespace CivicDesk {

/**
 * The passphrase-wrapped cache key, for machines without a usable OS keychain. The file
 * contains a format tag, the Argon2id cost, a random salt, a nonce and the key sealed with
 * crypto_secretbox under a key derived from the passphrase. The raw key is never written.
 */
namespace KeyFile {

enum class Error { None, WrongPassphrase, EmptyPassphrase, Damaged, Missing, IoError, OutOfMemory };

/** Seals key (32 bytes) with passphrase and writes the file atomically. */
Error write(const QString &path, const QByteArray &key, const QString &passphrase);

/** Reads the file and opens the key with passphrase. */
Error read(const QString &path, const QString &passphrase, QByteArray *key);

} // namespace KeyFile
} // namespace CivicDesk
