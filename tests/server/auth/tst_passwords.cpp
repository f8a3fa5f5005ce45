#include "auth/passwords.h"

#include <QtTest>

using namespace civicdesk::server;

class tst_Passwords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashIsArgon2idPhc();
    void hashesAreSalted();
    void verify_data();
    void verify();
    void verifyRejectsMalformedHash();
};

void tst_Passwords::hashIsArgon2idPhc()
{
    const std::string hash = hashPassword("civicdesk-agent");

    QVERIFY(QString::fromStdString(hash).startsWith("$argon2id$"));
    QVERIFY(hash.find("civicdesk-agent") == std::string::npos);
}

void tst_Passwords::hashesAreSalted()
{
    QVERIFY(hashPassword("same password") != hashPassword("same password"));
}

void tst_Passwords::verify_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<bool>("expected");

    QTest::newRow("same password") << "civicdesk-agent"
                                   << "civicdesk-agent" << true;
    QTest::newRow("other password") << "civicdesk-agent"
                                    << "civicdesk-agent2" << false;
    QTest::newRow("case differs") << "Secret"
                                  << "secret" << false;
    QTest::newRow("empty attempt") << "civicdesk-agent"
                                   << "" << false;
    QTest::newRow("greek password") << "κωδικός-πρόσβασης"
                                    << "κωδικός-πρόσβασης" << true;
}

void tst_Passwords::verify()
{
    QFETCH(QString, stored);
    QFETCH(QString, attempt);
    QFETCH(bool, expected);

    const std::string hash = hashPassword(stored.toStdString());

    QCOMPARE(verifyPassword(attempt.toStdString(), hash), expected);
}

void tst_Passwords::verifyRejectsMalformedHash()
{
    QVERIFY(!verifyPassword("x", ""));
    QVERIFY(!verifyPassword("x", "$argon2id$not-a-hash"));
    QVERIFY(!verifyPassword("x", std::string(300, 'a')));
}

QTEST_GUILESS_MAIN(tst_Passwords)
#include "tst_passwords.moc"
