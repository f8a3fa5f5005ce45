#pragma once

#include <QByteArray>
#include <QString>

namespace CivicDesk {

/**
 * Keeps the random 32-byte key of each account's cache. The key lives in the OS keychain
 * (QtKeychain, insecure fallback off). Where no keychain works, such as a headless machine
 * without a secret service, or when CIVICDESK_NO_KEYCHAIN=1, the key is sealed with a
 * passphrase (Argon2id + secretbox) in the file <cache>.key beside the cache. Blocks the
 * calling thread while a keychain job runs (it spins a local event loop, bounded by a
 * timeout).
 */
class KeyStore
{
public:
    enum class Error {
        None,
        PassphraseRequired, // no keychain: the key file needs a passphrase
        WrongPassphrase,
        KeyMissing, // the cache exists but its key is gone
        KeyFileDamaged,
        KeychainFailed, // the keychain returned an error while reading or writing
        IoError,
    };

    explicit KeyStore(const QString &service = QStringLiteral("CivicDesk"));

    /** True when CIVICDESK_NO_KEYCHAIN=1 forbids the keychain. */
    static bool keychainDisabledByEnvironment();
    /** Probes the keychain once (a read of an entry that is never written) and caches the result.
     */
    bool keychainAvailable() const;

    /**
     * Returns in key the cache key of accountId, creating and storing a new one when the
     * cache file does not exist yet. passphrase is used only on the key-file path.
     */
    Error obtainKey(const QString &accountId, const QString &cacheFilePath,
        const QString &passphrase, QByteArray *key) const;

    static QString keyFilePath(const QString &cacheFilePath);
    static QByteArray newKey();
    static QString errorString(Error error);

private:
    Error keyFromKeychain(const QString &accountId, bool mayCreate, QByteArray *key) const;
    Error keyFromFile(const QString &cacheFilePath, bool mayCreate, const QString &passphrase,
        QByteArray *key) const;

    QString m_service;
    mutable int m_available = -1; // -1 unknown, 0 no, 1 yes
};

} // namespace CivicDesk
