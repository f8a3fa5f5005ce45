#include "cache/keystore.h"

#include "cache/keyfile.h"
#include "corelogging.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <qt6keychain/keychain.h>
#include <sodium.h>

namespace CivicDesk {

namespace {

constexpr int KeychainTimeoutMs = 5000;
constexpr int KeySize = 32;
const QString ProbeName = QStringLiteral("civicdesk-keychain-probe");

struct JobResult
{
    QKeychain::Error error = QKeychain::OtherError;
    QByteArray data;
};

/** Runs an auto-deleting keychain job and waits for it in a local event loop. */
JobResult runJob(QKeychain::Job *job, QKeychain::ReadPasswordJob *reader)
{
    JobResult result;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *finished) {
        result.error = finished->error();
        if (reader && result.error == QKeychain::NoError) {
            result.data = reader->binaryData();
        }
        loop.quit();
    });
    QTimer::singleShot(KeychainTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    // On a timeout the job lives on and deletes itself when it finishes. Its connection
    // ends when the loop is destroyed, so it cannot write into result afterwards.
    return result;
}

JobResult readSecret(const QString &service, const QString &name)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    return runJob(job, job);
}

JobResult writeSecret(const QString &service, const QString &name, const QByteArray &data)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    job->setBinaryData(data);
    return runJob(job, nullptr);
}

} // namespace

KeyStore::KeyStore(const QString &service)
    : m_service(service)
{
}

bool KeyStore::keychainDisabledByEnvironment()
{
    return qEnvironmentVariableIntValue("CIVICDESK_NO_KEYCHAIN") == 1;
}

bool KeyStore::keychainAvailable() const
{
    if (m_available < 0) {
        if (keychainDisabledByEnvironment()) {
            m_available = 0;
        } else {
            const JobResult probe = readSecret(m_service, ProbeName);
            m_available =
                probe.error == QKeychain::NoError || probe.error == QKeychain::EntryNotFound;
        }
        qCInfo(lcCache) << "OS keychain available:" << bool(m_available);
    }
    return m_available == 1;
}

KeyStore::Error KeyStore::obtainKey(const QString &accountId, const QString &cacheFilePath,
    const QString &passphrase, QByteArray *key) const
{
    const bool mayCreate = !QFileInfo::exists(cacheFilePath);

    // A key file beside the cache wins: the cache was created without a keychain.
    if (QFileInfo::exists(keyFilePath(cacheFilePath)) || !keychainAvailable()) {
        return keyFromFile(cacheFilePath, mayCreate, passphrase, key);
    }
    return keyFromKeychain(accountId, mayCreate, key);
}

KeyStore::Error KeyStore::keyFromKeychain(
    const QString &accountId, bool mayCreate, QByteArray *key) const
{
    const JobResult read = readSecret(m_service, accountId);
    if (read.error == QKeychain::NoError && read.data.size() == KeySize) {
        *key = read.data;
        return Error::None;
    }
    if (read.error != QKeychain::EntryNotFound && read.error != QKeychain::NoError) {
        qCWarning(lcCache) << "keychain read failed with error" << int(read.error);
        return Error::KeychainFailed;
    }
    if (!mayCreate) {
        return Error::KeyMissing;
    }

    const QByteArray fresh = newKey();
    if (writeSecret(m_service, accountId, fresh).error != QKeychain::NoError) {
        return Error::KeychainFailed;
    }
    *key = fresh;
    return Error::None;
}

KeyStore::Error KeyStore::keyFromFile(
    const QString &cacheFilePath, bool mayCreate, const QString &passphrase, QByteArray *key) const
{
    if (passphrase.isEmpty()) {
        return Error::PassphraseRequired;
    }
    const QString path = keyFilePath(cacheFilePath);

    if (!QFileInfo::exists(path)) {
        if (!mayCreate) {
            return Error::KeyMissing;
        }
        const QByteArray fresh = newKey();
        if (KeyFile::write(path, fresh, passphrase) != KeyFile::Error::None) {
            return Error::IoError;
        }
        *key = fresh;
        return Error::None;
    }

    switch (KeyFile::read(path, passphrase, key)) {
    case KeyFile::Error::None:
        return Error::None;
    case KeyFile::Error::WrongPassphrase:
        return Error::WrongPassphrase;
    case KeyFile::Error::EmptyPassphrase:
        return Error::PassphraseRequired;
    case KeyFile::Error::Damaged:
        return Error::KeyFileDamaged;
    case KeyFile::Error::Missing:
        return Error::KeyMissing;
    case KeyFile::Error::IoError:
    case KeyFile::Error::OutOfMemory:
        break;
    }
    return Error::IoError;
}

QString KeyStore::keyFilePath(const QString &cacheFilePath)
{
    return cacheFilePath + QStringLiteral(".key");
}

QByteArray KeyStore::newKey()
{
    if (sodium_init() < 0) {
        return {};
    }
    QByteArray key(KeySize, Qt::Uninitialized);
    randombytes_buf(key.data(), KeySize);
    return key;
}

QString KeyStore::errorString(Error error)
{
    switch (error) {
    case Error::None:
        return QStringLiteral("no error");
    case Error::PassphraseRequired:
        return QStringLiteral("no keychain is available and no passphrase was given");
    case Error::WrongPassphrase:
        return QStringLiteral("the passphrase does not open the key file");
    case Error::KeyMissing:
        return QStringLiteral("the cache exists but its key is gone");
    case Error::KeyFileDamaged:
        return QStringLiteral("the key file is damaged");
    case Error::KeychainFailed:
        return QStringLiteral("the OS keychain reported an error");
    case Error::IoError:
        return QStringLiteral("the key file cannot be written");
    }
    return {};
}

} // namespace CivicDesk
