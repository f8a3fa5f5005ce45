#include "domain/ids.h"
#include "domain/records.h"

#include <QDateTime>
#include <QSet>
#include <QTest>

#include <chrono>
#include <thread>

using nlohmann::json;

/** JSON round trips of the domain records and the id helpers. */
class tst_Records : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caseRoundTrip();
    void caseClockFieldsRoundTripAndMayBeMissing();
    void unassignedCaseHasNullAssignee();
    void partyDisplayName_data();
    void partyDisplayName();
    void userRejectsUnknownRole();
    void uuidsAreUniqueAndWellFormed();
};

void tst_Records::caseRoundTrip()
{
    civicdesk::Case original;
    original.id = civicdesk::generateUuid();
    original.number = "CD-2026-000001";
    original.text = "Σπασμένο πεζοδρόμιο στην οδό Αθηνάς";
    original.categoryId = "other";
    original.status = "open";
    original.assigneeId = civicdesk::generateUuid();
    original.priorityFactors = { { "category", 1.0, 10.0, 10.0 } };

    const civicdesk::Case copy = json(original).get<civicdesk::Case>();

    QCOMPARE(copy.id, original.id);
    QCOMPARE(copy.text, original.text);
    QCOMPARE(copy.assigneeId, original.assigneeId);
    QCOMPARE(copy.priorityFactors.size(), std::size_t(1));
    QCOMPARE(copy.priorityFactors[0].contribution, 10.0);
}

void tst_Records::caseClockFieldsRoundTripAndMayBeMissing()
{
    civicdesk::Case original;
    original.id = civicdesk::generateUuid();
    original.dueAt = "2026-03-02T13:00:00.000Z";
    original.firstResponseDueAt = "2026-02-24T10:00:00.000Z";
    original.updateDueAt = "2026-02-27T10:00:00.000Z";
    original.slaState = "paused";
    original.slaPausedReason = "referred";

    json encoded = original;
    const civicdesk::Case copy = encoded.get<civicdesk::Case>();
    QCOMPARE(copy.dueAt, original.dueAt);
    QCOMPARE(copy.firstResponseDueAt, original.firstResponseDueAt);
    QCOMPARE(copy.updateDueAt, original.updateDueAt);
    QCOMPARE(copy.slaState, original.slaState);
    QCOMPARE(copy.slaPausedReason, original.slaPausedReason);
    QVERIFY(encoded.at("firstResponseAt").is_null());

    for (const char *key : { "dueAt", "firstResponseDueAt", "firstResponseAt", "updateDueAt",
             "slaState", "slaPausedReason" }) {
        encoded.erase(key);
    }
    const civicdesk::Case older = encoded.get<civicdesk::Case>();
    QVERIFY(older.dueAt.empty());
    QVERIFY(older.updateDueAt.empty());
    QVERIFY(older.slaState.empty());
}

void tst_Records::unassignedCaseHasNullAssignee()
{
    civicdesk::Case record;
    record.id = civicdesk::generateUuid();

    const json encoded = record;

    QVERIFY(encoded.at("assigneeId").is_null());
}

void tst_Records::partyDisplayName_data()
{
    QTest::addColumn<bool>("organisation");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QString>("legal");
    QTest::addColumn<QString>("expected");

    QTest::newRow("person") << false << "Ελένη" << "Γεωργίου" << "" << "Ελένη Γεωργίου";
    QTest::newRow("surname only") << false << "" << "Γεωργίου" << "" << "Γεωργίου";
    QTest::newRow("organisation") << true << "" << "" << "ΑΒΓ Α.Ε." << "ΑΒΓ Α.Ε.";
}

void tst_Records::partyDisplayName()
{
    QFETCH(bool, organisation);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QString, legal);
    QFETCH(QString, expected);
    civicdesk::Party party;
    party.kind = organisation ? civicdesk::PartyKind::Organisation : civicdesk::PartyKind::Person;
    party.firstName = first.toStdString();
    party.lastName = last.toStdString();
    party.legalName = legal.toStdString();

    QCOMPARE(QString::fromStdString(party.displayName()), expected);
}

void tst_Records::userRejectsUnknownRole()
{
    const json user = { { "id", "x" }, { "username", "u" }, { "displayName", "U" },
                        { "role", "superuser" } };

    QVERIFY_THROWS_EXCEPTION(json::exception, user.get<civicdesk::StaffUser>());
}

void tst_Records::uuidsAreUniqueAndWellFormed()
{
    QSet<QString> seen;
    for (int i = 0; i < 10000; ++i) {
        const std::string id = civicdesk::generateUuid();
        QVERIFY(civicdesk::isUuid(id));
        QCOMPARE(id[14], '7');
        QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
        seen.insert(QString::fromStdString(id));
    }
    QCOMPARE(seen.size(), 10000);

    // The first 48 bits are the time in milliseconds, so an id made later sorts later.
    const std::string earlier = civicdesk::generateUuid();
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    const std::string later = civicdesk::generateUuid();
    QVERIFY2(earlier < later, (earlier + " " + later).c_str());
    const std::int64_t millis = QDateTime::currentMSecsSinceEpoch();
    const std::int64_t stamped = std::stoll(later.substr(0, 8) + later.substr(9, 4), nullptr, 16);
    QVERIFY(stamped <= millis && stamped > millis - 60'000);
    QVERIFY(!civicdesk::isUuid("not-a-uuid"));
    QVERIFY(!civicdesk::isUuid("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8bZ"));
}

QTEST_APPLESS_MAIN(tst_Records)
#include "tst_records.moc"
