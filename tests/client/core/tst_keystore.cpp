#include "cache/keyfile.h"
#include "cache/keystore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

class tst_KeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void wrapAndUnwrapRoundTrip();
    void wrongPassphraseIsRejected();
    void keyFileHoldsNoRawKey();
    void damagedKeyFileIsReported_data();
    void damagedKeyFileIsReported();
    void environmentForcesPassphrasePath();
    void obtainKeyCreatesThenReuses();
    void obtainKeyNeedsPassphrase();
    void obtainKeyReportsLostKey();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_keyPath;
};

void tst_KeyStore::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
}

void tst_KeyStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_keyPath = m_dir->filePath(QStringLiteral("a.cdcache.key"));
}

void tst_KeyStore::wrapAndUnwrapRoundTrip()
{
    const QByteArray key = KeyStore::newKey();
    QCOMPARE(
        KeyFile::write(m_keyPath, key, QStringLiteral("λέξη-κλειδί 42")), KeyFile::Error::None);

    QByteArray unwrapped;
    QCOMPARE(KeyFile::read(m_keyPath, QStringLiteral("λέξη-κλειδί 42"), &unwrapped),
        KeyFile::Error::None);
    QCOMPARE(unwrapped, key);
}

void tst_KeyStore::wrongPassphraseIsRejected()
{
    QCOMPARE(KeyFile::write(m_keyPath, KeyStore::newKey(), QStringLiteral("right")),
        KeyFile::Error::None);

    QByteArray unwrapped;
    QCOMPARE(KeyFile::read(m_keyPath, QStringLiteral("wrong"), &unwrapped),
        KeyFile::Error::WrongPassphrase);
    QVERIFY(unwrapped.isEmpty());
}

void tst_KeyStore::keyFileHoldsNoRawKey()
{
    const QByteArray key = KeyStore::newKey();
    QCOMPARE(KeyFile::write(m_keyPath, key, QStringLiteral("passphrase")), KeyFile::Error::None);

    QFile file(m_keyPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > key.size());
    QVERIFY(!bytes.contains(key));
    QVERIFY(!bytes.contains(key.toHex()));
    QVERIFY(!bytes.contains(key.left(8)));
    QVERIFY(!bytes.contains("passphrase"));
}

void tst_KeyStore::damagedKeyFileIsReported_data()
{
    QTest::addColumn<int>("truncateTo");
    QTest::addColumn<int>("flipByte");

    QTest::newRow("empty file") << 0 << -1;
    QTest::newRow("cut in the salt") << 30 << -1;
    QTest::newRow("format tag changed") << -1 << 0;
}

void tst_KeyStore::damagedKeyFileIsReported()
{
    QFETCH(int, truncateTo);
    QFETCH(int, flipByte);
    QCOMPARE(
        KeyFile::write(m_keyPath, KeyStore::newKey(), QStringLiteral("p")), KeyFile::Error::None);

    QFile file(m_keyPath);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    if (truncateTo >= 0) {
        bytes.truncate(truncateTo);
    }
    if (flipByte >= 0) {
        bytes[flipByte] = char(bytes[flipByte] ^ 0x5a);
    }
    QVERIFY(file.resize(0));
    file.seek(0);
    file.write(bytes);
    file.close();

    QByteArray unwrapped;
    QCOMPARE(KeyFile::read(m_keyPath, QStringLiteral("p"), &unwrapped), KeyFile::Error::Damaged);
}

void tst_KeyStore::environmentForcesPassphrasePath()
{
    QVERIFY(KeyStore::keychainDisabledByEnvironment());
    QVERIFY(!KeyStore().keychainAvailable());
}

void tst_KeyStore::obtainKeyCreatesThenReuses()
{
    const QString cachePath = m_dir->filePath(QStringLiteral("b.cdcache"));
    KeyStore store;

    QByteArray first;
    QCOMPARE(store.obtainKey("host:1/u", cachePath, QStringLiteral("pp"), &first),
        KeyStore::Error::None);
    QCOMPARE(first.size(), 32);
    QVERIFY(QFile::exists(KeyStore::keyFilePath(cachePath)));

    QFile cache(cachePath);
    QVERIFY(cache.open(QIODevice::WriteOnly));
    cache.close();

    QByteArray second;
    QCOMPARE(store.obtainKey("host:1/u", cachePath, QStringLiteral("pp"), &second),
        KeyStore::Error::None);
    QCOMPARE(second, first);
    QCOMPARE(store.obtainKey("host:1/u", cachePath, QStringLiteral("nope"), &second),
        KeyStore::Error::WrongPassphrase);
}

void tst_KeyStore::obtainKeyNeedsPassphrase()
{
    QByteArray key;
    QCOMPARE(
        KeyStore().obtainKey("host:1/u", m_dir->filePath(QStringLiteral("c.cdcache")), {}, &key),
        KeyStore::Error::PassphraseRequired);
    QVERIFY(key.isEmpty());
}

void tst_KeyStore::obtainKeyReportsLostKey()
{
    const QString cachePath = m_dir->filePath(QStringLiteral("d.cdcache"));
    QFile cache(cachePath);
    QVERIFY(cache.open(QIODevice::WriteOnly));
    cache.close();

    QByteArray key;
    QCOMPARE(KeyStore().obtainKey("host:1/u", cachePath, QStringLiteral("pp"), &key),
        KeyStore::Error::KeyMissing);
}

QTEST_GUILESS_MAIN(tst_KeyStore)
#include "tst_keystore.moc"
