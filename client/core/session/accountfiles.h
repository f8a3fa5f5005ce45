#pragma once

#include <QString>
#include <QUrl>

namespace CivicDesk {

/** File locations of an account's cache, and the password hash used for offline sign-in. */
namespace AccountFiles {

/** "host:port/username", the key of the cache file and of the keychain entry. */
QString accountId(const QUrl &serverUrl, const QString &username);

/** <dataDirectory>/<first 16 hex digits of SHA-256(accountId)>.cdcache */
QString cacheFilePath(const QString &dataDirectory, const QString &accountId);

/** Argon2id PHC string of the password (crypto_pwhash_str); empty when hashing fails. */
QString hashPassword(const QString &password);
bool verifyPassword(const QString &hash, const QString &password);

} // namespace AccountFiles
} // namespace CivicDesk
