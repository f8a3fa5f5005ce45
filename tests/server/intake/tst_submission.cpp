#include "intake/submission.h"

#include <QtTest>

using namespace civicdesk::server;

class tst_Submission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValid();
    void rejectsField_data();
    void rejectsField();
    void channel_data();
    void channel();
};

namespace {

nlohmann::json validBody()
{
    return nlohmann::json::parse(R"({
        "text": "  Εγκαταλελειμμένο αυτοκίνητο στη γωνία εδώ και μήνες  ",
        "municipalityId": "9186",
        "language": "el",
        "contact": { "firstName": "Άννα", "lastName": "Κωστή", "email": "anna@example.org",
                     "phone": "+306912345678", "afm": "090000045", "amka": "01019012341" }
    })");
}

} // namespace

void tst_Submission::acceptsValid()
{
    const auto parsed = parseSubmission(validBody());

    QVERIFY(std::holds_alternative<Submission>(parsed));
    const Submission &submission = std::get<Submission>(parsed);
    QCOMPARE(submission.text, std::string("Εγκαταλελειμμένο αυτοκίνητο στη γωνία εδώ και μήνες"));
    QCOMPARE(submission.afm, std::string("090000045"));
    QCOMPARE(submission.lastName, std::string("Κωστή"));
}

void tst_Submission::rejectsField_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");

    QTest::newRow("text too short") << "/text"
                                    << R"("   short   ")"
                                    << "text";
    QTest::newRow("text too long")
        << "/text" << QString("\"%1\"").arg(QString(5001, 'a')) << "text";
    QTest::newRow("text not a string") << "/text"
                                       << "42"
                                       << "text";
    QTest::newRow("municipality missing") << "/municipalityId"
                                          << "null"
                                          << "municipalityId";
    QTest::newRow("first name missing") << "/contact/firstName"
                                        << R"("  ")"
                                        << "contact.firstName";
    QTest::newRow("last name too long")
        << "/contact/lastName" << QString("\"%1\"").arg(QString(101, 'x')) << "contact.lastName";
    QTest::newRow("email without at") << "/contact/email"
                                      << R"("anna.example.org")"
                                      << "contact.email";
    QTest::newRow("phone with letters") << "/contact/phone"
                                        << R"("69123abc78")"
                                        << "contact.phone";
    QTest::newRow("phone too short") << "/contact/phone"
                                     << R"("1234567")"
                                     << "contact.phone";
    QTest::newRow("afm check digit") << "/contact/afm"
                                     << R"("123456789")"
                                     << "contact.afm";
    QTest::newRow("amka bad date") << "/contact/amka"
                                   << R"("32139012345")"
                                   << "contact.amka";
    QTest::newRow("language unknown") << "/language"
                                      << R"("fr")"
                                      << "language";
    QTest::newRow("contact not object") << "/contact"
                                        << "[]"
                                        << "contact";
    QTest::newRow("channel unknown") << "/channel"
                                     << R"("fax")"
                                     << "channel";
    QTest::newRow("channel empty") << "/channel"
                                   << R"("")"
                                   << "channel";
    QTest::newRow("channel not a string") << "/channel"
                                          << "1"
                                          << "channel";
    QTest::newRow("address too long")
        << "/address" << QString("\"%1\"").arg(QString(201, 'a')) << "address";
}

void tst_Submission::rejectsField()
{
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, field);

    nlohmann::json body = validBody();
    body[nlohmann::json::json_pointer(pointer.toStdString())] =
        nlohmann::json::parse(value.toStdString());
    const auto parsed = parseSubmission(body);

    QVERIFY(std::holds_alternative<FieldError>(parsed));
    const FieldError &error = std::get<FieldError>(parsed);
    QCOMPARE(QString::fromStdString(error.field), field);
    QVERIFY(QString::fromStdString(error.message).startsWith(field));
}

void tst_Submission::channel_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("absent is portal") << "null"
                                      << "portal";
    for (const char *name : { "portal", "phone", "email", "visit", "chat" }) {
        QTest::newRow(name) << QString("\"%1\"").arg(name) << name;
    }
}

void tst_Submission::channel()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);

    nlohmann::json body = validBody();
    body["channel"] = nlohmann::json::parse(value.toStdString());
    body["address"] = " Οδός Πατησίων 12 ";
    const auto parsed = parseSubmission(body);

    QVERIFY(std::holds_alternative<Submission>(parsed));
    QCOMPARE(QString::fromStdString(std::get<Submission>(parsed).channel), expected);
    QCOMPARE(std::get<Submission>(parsed).address, std::string("Οδός Πατησίων 12"));
}

QTEST_GUILESS_MAIN(tst_Submission)
#include "tst_submission.moc"
