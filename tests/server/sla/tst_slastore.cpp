#include "../store/storefixture.h"
#include "domain/ids.h"
#include "sla/calendar.h"
#include "store/sqlsession.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

sla::UtcSeconds at(const char *text)
{
    return sla::parseUtc(text).value_or(0);
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

/**
 * The statutory clock in the store: due times written at intake and import, pauses and stops
 * through mutations, recomputation and idempotent warnings. Cases are created in 2026 with
 * explicit times, so the results do not depend on today's date.
 */
class tst_SlaStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void newCaseGetsClockAtIntake();
    void importedClosedCaseHasStoppedClock();
    void dueTimesSkipCleanMondayAndMunicipalFeastDay();
    void noteMeetsFirstResponseWithoutMovingItsDueTime();
    void clockDoesNotRunOnAfterResolve();
    void waitingPausesWithReasonAndResumes();
    void unknownPauseReasonRejected();
    void targetChangeRecomputesOpenCases();
    void feastDayAddedRecomputesOpenCases();
    void remindersWaitForServiceHours();
    void breachRaisedOnceAfterDueTime();
    void invalidTargetsRejected();
    void noteStartsUpdatePeriod();
    void shorterUpdateTargetWaitsForFirstResponse();
    void updateRemindersPerPeriodInServiceHours();
    void resolveStopsUpdateClock();
    void recomputeFillsMissingUpdateDue();

private:
    std::string newCase(const std::string &municipalityId, const std::string &createdAt,
        const std::string &status = "new");
    Case record(const std::string &caseId);
    MutationOutcome mutate(const std::string &caseId, const std::string &op, nlohmann::json args);
    QStringList notificationsOf(const std::string &caseId);
    QStringList updateNotificationsOf(const std::string &caseId);
    std::string addNote(const std::string &caseId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
};

void tst_SlaStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<StoreFixture>(m_dir->filePath("store.sqlite").toStdString());

    ReferenceData more;
    more.regions = { { "2", "GR-B", "Κεντρικής Μακεδονίας", "Central Macedonia" } };
    more.units = { { "8", "2", "Θεσσαλονίκης", "Thessaloniki" } };
    more.municipalities = { { { "9031", "8", "2", "Θεσσαλονίκης", "Thessaloniki" }, 317778 } };
    more.categories = { { "dangerous_condition", "Επικίνδυνη κατάσταση", "Dangerous condition",
        3.0 } };
    m_fixture->store->writeReferenceData(more);
}

void tst_SlaStore::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

std::string tst_SlaStore::newCase(
    const std::string &municipalityId, const std::string &createdAt, const std::string &status)
{
    CaseBundle bundle;
    bundle.party.id = generateUuid();
    bundle.party.firstName = "Νίκος";
    bundle.party.lastName = "Δοκιμή";
    bundle.party.createdAt = createdAt;
    Case &kase = bundle.kase;
    kase.id = generateUuid();
    kase.channel = "portal";
    kase.text = "Πεσμένο καλώδιο ρεύματος στο πεζοδρόμιο";
    kase.categoryId = "dangerous_condition";
    kase.categorySource = "citizen";
    kase.language = "el";
    kase.municipalityId = municipalityId;
    kase.status = status;
    kase.teamId = m_fixture->teamA;
    kase.createdAt = createdAt;
    kase.updatedAt = createdAt;
    bundle.submission = { generateUuid(), bundle.party.id, kase.id, "submission", "portal",
        kase.text, {}, createdAt };
    return m_fixture->store->createCase(bundle).kase.id;
}

Case tst_SlaStore::record(const std::string &caseId)
{
    return m_fixture->store->findCase(caseId).value().kase;
}

MutationOutcome tst_SlaStore::mutate(
    const std::string &caseId, const std::string &op, nlohmann::json args)
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entityId = caseId;
    mutation.baseVersion = m_fixture->store->findCase(caseId)->version;
    mutation.op = op;
    mutation.args = std::move(args);
    mutation.createdAt = utcNowIso();
    return m_fixture->store->applyMutation(m_fixture->scope("supervisor"), mutation);
}

QStringList tst_SlaStore::notificationsOf(const std::string &caseId)
{
    QStringList bodies;
    const ChangePage page =
        m_fixture->store->changesSince(m_fixture->scope("supervisor"), 0, 100000);
    for (const protocol::Change &change : page.changes) {
        if (change.entity == "interaction" && change.data.value("caseId", "") == caseId
            && change.data.value("kind", "") == "notification") {
            bodies << qs(change.data.value("body", ""));
        }
    }
    return bodies;
}

QStringList tst_SlaStore::updateNotificationsOf(const std::string &caseId)
{
    return notificationsOf(caseId).filter(QRegularExpression(" update$"));
}

// Adds a note, which the store timestamps with the current time, and returns that time.
std::string tst_SlaStore::addNote(const std::string &caseId)
{
    const MutationOutcome outcome = mutate(caseId, "note",
        { { "text", "Ενημέρωση του πολίτη για την πρόοδο" }, { "interactionId", generateUuid() } });
    if (!outcome.applied) {
        qWarning("note on case %s was not applied: %s", caseId.c_str(), outcome.message.c_str());
        return {};
    }
    return record(caseId).updatedAt;
}

void tst_SlaStore::newCaseGetsClockAtIntake()
{
    const Case kase = record(m_fixture->caseA);
    QCOMPARE(qs(kase.slaState), QString("running"));
    QVERIFY(sla::parseUtc(kase.dueAt).has_value());
    QVERIFY(sla::parseUtc(kase.firstResponseDueAt).has_value());
    QVERIFY(kase.firstResponseAt.empty());

    // The change-log record carries the clock too.
    const ChangePage page = m_fixture->store->changesSince(m_fixture->scope("agent"), 0, 1000);
    const auto logged = std::find_if(page.changes.begin(), page.changes.end(),
        [&](const protocol::Change &change) { return change.id == m_fixture->caseA; });
    QVERIFY(logged != page.changes.end());
    QCOMPARE(qs(logged->data.value("dueAt", "")), qs(kase.dueAt));
    QCOMPARE(qs(logged->data.value("slaState", "")), QString("running"));
}

void tst_SlaStore::importedClosedCaseHasStoppedClock()
{
    CaseBundle bundle;
    bundle.party.id = generateUuid();
    bundle.party.createdAt = "2026-01-12T08:00:00.000Z";
    bundle.kase.id = generateUuid();
    bundle.kase.number = "CD-2026-900001";
    bundle.kase.categoryId = "dangerous_condition";
    bundle.kase.status = "closed";
    bundle.kase.teamId = m_fixture->teamA;
    bundle.kase.createdAt = "2026-01-12T08:00:00.000Z";
    bundle.kase.updatedAt = bundle.kase.createdAt;
    bundle.kase.sourceId = "test-import-1";
    bundle.kase.priorityFactors = {};
    bundle.submission = { generateUuid(), bundle.party.id, bundle.kase.id, "submission", "import",
        "x", {}, bundle.kase.createdAt };
    QCOMPARE(m_fixture->store->writeImportedCases({ bundle }), 1);

    const Case kase = record(bundle.kase.id);
    QCOMPARE(qs(kase.slaState), QString("stopped"));
    QCOMPARE(qs(kase.firstResponseDueAt), QString("2026-01-12T12:00:00.000Z"));
}

void tst_SlaStore::dueTimesSkipCleanMondayAndMunicipalFeastDay()
{
    // Friday 20 February 2026, 12:00 Athens; 4 working hours for a first response.
    const Case athens = record(newCase("9186", "2026-02-20T10:00:00.000Z"));
    QCOMPARE(qs(athens.firstResponseDueAt), QString("2026-02-24T07:00:00.000Z"));

    // Friday 23 October 2026, 13:00 Athens; Monday 26 October is St Demetrius in Thessaloniki.
    const Case thessaloniki = record(newCase("9031", "2026-10-23T10:00:00.000Z"));
    const Case elsewhere = record(newCase("9186", "2026-10-23T10:00:00.000Z"));
    QCOMPARE(qs(thessaloniki.firstResponseDueAt), QString("2026-10-27T08:00:00.000Z"));
    QCOMPARE(qs(elsewhere.firstResponseDueAt), QString("2026-10-26T08:00:00.000Z"));
}

void tst_SlaStore::noteMeetsFirstResponseWithoutMovingItsDueTime()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    const std::string dueBefore = record(id).firstResponseDueAt;

    QVERIFY(mutate(id, "status", { { "status", "open" } }).applied);
    QVERIFY(record(id).firstResponseAt.empty());
    QVERIFY(mutate(id, "note",
        { { "text", "Τηλεφωνική επικοινωνία με τον πολίτη" }, { "interactionId", generateUuid() } })
                .applied);

    const Case kase = record(id);
    QVERIFY(!kase.firstResponseAt.empty());
    QCOMPARE(qs(kase.firstResponseDueAt), qs(dueBefore));
    QCOMPARE(m_fixture->store->raiseSlaNotifications(at("2026-02-24T07:30:00Z")), 0);
    QVERIFY(notificationsOf(id).isEmpty());
}

void tst_SlaStore::clockDoesNotRunOnAfterResolve()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    QVERIFY(mutate(id, "status", { { "status", "resolved" } }).applied);
    QCOMPARE(qs(record(id).slaState), QString("stopped"));

    QCOMPARE(m_fixture->store->raiseSlaNotifications(at("2026-06-02T08:00:00Z")), 0 + 0);
    QVERIFY(notificationsOf(id).isEmpty());
}

void tst_SlaStore::waitingPausesWithReasonAndResumes()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    QVERIFY(mutate(id, "status", { { "status", "waiting" }, { "reason", "referred" } }).applied);
    QCOMPARE(qs(record(id).slaState), QString("paused"));
    QCOMPARE(qs(record(id).slaPausedReason), QString("referred"));
    QVERIFY(notificationsOf(id).isEmpty());
    QCOMPARE(m_fixture->store->raiseSlaNotifications(at("2026-02-24T07:30:00Z")), 0);

    QVERIFY(mutate(id, "status", { { "status", "open" } }).applied);
    QCOMPARE(qs(record(id).slaState), QString("running"));
    QVERIFY(record(id).slaPausedReason.empty());

    QVERIFY(mutate(id, "status", { { "status", "waiting" } }).applied);
    QCOMPARE(qs(record(id).slaPausedReason), QString("waiting_for_citizen"));
}

void tst_SlaStore::unknownPauseReasonRejected()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    const MutationOutcome outcome =
        mutate(id, "status", { { "status", "waiting" }, { "reason", "holiday" } });
    QVERIFY(!outcome.applied);
    QVERIFY(outcome.message.find("args.reason") != std::string::npos);
    QCOMPARE(qs(record(id).slaState), QString("running"));
}

void tst_SlaStore::targetChangeRecomputesOpenCases()
{
    const std::string open = newCase("9186", "2026-02-20T10:00:00.000Z");
    const std::string resolved = newCase("9186", "2026-02-20T10:00:00.000Z", "resolved");
    const std::int64_t version = m_fixture->store->findCase(open)->version;
    const std::string resolvedDue = record(resolved).firstResponseDueAt;

    m_fixture->store->setSlaTargets({ "dangerous_condition", 8, 24, 40 });

    QCOMPARE(qs(record(open).firstResponseDueAt), QString("2026-02-24T11:00:00.000Z"));
    QCOMPARE(m_fixture->store->findCase(open)->version, version + 1);
    QCOMPARE(qs(record(resolved).firstResponseDueAt), qs(resolvedDue));
    QCOMPARE(m_fixture->store->recomputeSla(), 0);
}

void tst_SlaStore::feastDayAddedRecomputesOpenCases()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    m_fixture->store->addMunicipalityHoliday("9186", { 2, 24, "Δοκιμαστική εορτή", "Test feast" });
    QCOMPARE(qs(record(id).firstResponseDueAt), QString("2026-02-25T07:00:00.000Z"));
}

void tst_SlaStore::remindersWaitForServiceHours()
{
    // First response due Tuesday 24 February 2026 09:00 Athens (07:00 UTC); 80% of 4 hours
    // have gone from 08:12 Athens on.
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    auto &store = *m_fixture->store;

    QCOMPARE(store.raiseSlaNotifications(at("2026-02-21T10:00:00Z")), 0); // Saturday
    QCOMPARE(store.raiseSlaNotifications(at("2026-02-23T08:00:00Z")), 0); // Clean Monday
    QCOMPARE(store.raiseSlaNotifications(at("2026-02-24T05:30:00Z")), 0); // 07:30 Athens
    QVERIFY(notificationsOf(id).isEmpty());

    QCOMPARE(store.raiseSlaNotifications(at("2026-02-24T06:20:00Z")), 1);
    QCOMPARE(notificationsOf(id), QStringList { "sla.warning first_response" });
    QCOMPARE(store.raiseSlaNotifications(at("2026-02-24T06:30:00Z")), 0);
}

void tst_SlaStore::breachRaisedOnceAfterDueTime()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    auto &store = *m_fixture->store;

    QCOMPARE(store.raiseSlaNotifications(at("2026-02-24T08:00:00Z")), 1);
    QCOMPARE(store.raiseSlaNotifications(at("2026-02-24T09:00:00Z")), 0);
    QCOMPARE(notificationsOf(id), QStringList { "sla.breach first_response" });
}

void tst_SlaStore::invalidTargetsRejected()
{
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException,
        m_fixture->store->setSlaTargets({ "dangerous_condition", 0, 24, 40 }));
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException,
        m_fixture->store->setSlaTargets({ "no_such_category", 4, 24, 40 }));
    sla::ServiceHours closed;
    closed.openMinute = 900;
    closed.closeMinute = 480;
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException,
        m_fixture->store->setTeamServiceHours(m_fixture->teamA, closed));
}

void tst_SlaStore::noteStartsUpdatePeriod()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    const std::string firstResponseDue = record(id).firstResponseDueAt;
    QVERIFY(record(id).updateDueAt.empty());

    QVERIFY(!addNote(id).empty());

    // Athens has no feast day of its own, so the team's calendar is the default one.
    const sla::WorkingCalendar calendar;
    const Case kase = record(id);
    const auto replyAt = sla::parseUtc(kase.firstResponseAt);
    QVERIFY(replyAt.has_value());
    const std::string expectedDue = sla::formatUtc(calendar.addWorkingSeconds(*replyAt, 24 * 3600));
    QCOMPARE(qs(kase.updateDueAt), qs(expectedDue));
    QCOMPARE(qs(kase.firstResponseDueAt), qs(firstResponseDue));

    // The change-log record carries the update due time to the clients.
    const ChangePage page = m_fixture->store->changesSince(m_fixture->scope("agent"), 0, 100000);
    const auto logged = std::find_if(page.changes.rbegin(), page.changes.rend(),
        [&](const protocol::Change &change) { return change.id == id; });
    QVERIFY(logged != page.changes.rend());
    QCOMPARE(qs(logged->data.value("updateDueAt", "")), qs(expectedDue));

    // A new update target moves the due time of the open case.
    m_fixture->store->setSlaTargets({ "dangerous_condition", 4, 8, 40 });
    QCOMPARE(qs(record(id).updateDueAt),
        qs(sla::formatUtc(calendar.addWorkingSeconds(*replyAt, 8 * 3600))));
}

void tst_SlaStore::shorterUpdateTargetWaitsForFirstResponse()
{
    // Created on Friday 20 February 2026 at 12:00 Athens. The first response is due in 8
    // working hours (Tuesday 13:00 Athens), and an update every 2.
    m_fixture->store->setSlaTargets({ "dangerous_condition", 8, 2, 40 });
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    QCOMPARE(qs(record(id).firstResponseDueAt), QString("2026-02-24T11:00:00.000Z"));
    QVERIFY(record(id).updateDueAt.empty());
    auto &store = *m_fixture->store;

    // Tuesday 08:30 Athens: 3.5 of the 8 hours have gone, well past the 2-hour update target.
    QCOMPARE(store.raiseSlaNotifications(at("2026-02-24T06:30:00Z")), 0);
    QVERIFY(notificationsOf(id).isEmpty());

    // Tuesday 12:00 Athens: 1 hour left of the first response.
    QCOMPARE(store.raiseSlaNotifications(at("2026-02-24T10:00:00Z")), 1);
    QCOMPARE(notificationsOf(id), QStringList { "sla.warning first_response" });
}

void tst_SlaStore::updateRemindersPerPeriodInServiceHours()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    const std::string firstReply = addNote(id);
    QVERIFY(!firstReply.empty());
    const sla::WorkingCalendar calendar;
    const auto start = sla::parseUtc(record(id).firstResponseAt);
    const auto due = sla::parseUtc(record(id).updateDueAt);
    QVERIFY(start.has_value());
    QVERIFY(due.has_value());
    auto &store = *m_fixture->store;

    // 90% of the 24 working hours have gone.
    const sla::UtcSeconds warnAt = calendar.addWorkingSeconds(*start, 24 * 3600 * 9 / 10);
    QVERIFY(calendar.isOpen(warnAt));
    store.raiseSlaNotifications(warnAt);
    QCOMPARE(updateNotificationsOf(id), QStringList { "sla.warning update" });

    // Past the due time but outside service hours: the breach waits for the service to open.
    sla::UtcSeconds closedAt = *due;
    while (calendar.isOpen(closedAt)) {
        closedAt += 900;
    }
    store.raiseSlaNotifications(closedAt);
    QCOMPARE(updateNotificationsOf(id), QStringList { "sla.warning update" });

    sla::UtcSeconds openAt = closedAt;
    while (!calendar.isOpen(openAt)) {
        openAt += 900;
    }
    store.raiseSlaNotifications(openAt);
    const QStringList firstPeriod { "sla.warning update", "sla.breach update" };
    QCOMPARE(updateNotificationsOf(id), firstPeriod);
    store.raiseSlaNotifications(openAt + 60);
    QCOMPARE(updateNotificationsOf(id), firstPeriod);

    // The next reply starts a period of its own, with its own breach. Periods are keyed by
    // the second they start, so the test waits for the clock's second to change.
    QTRY_VERIFY(sla::parseUtc(utcNowIso()) != start);
    QVERIFY(!addNote(id).empty());
    const auto secondDue = sla::parseUtc(record(id).updateDueAt);
    QVERIFY(secondDue.has_value());
    QVERIFY(*secondDue >= *due);
    store.raiseSlaNotifications(calendar.addWorkingSeconds(*secondDue, 60));
    QCOMPARE(updateNotificationsOf(id).count("sla.breach update"), 2);
}

void tst_SlaStore::resolveStopsUpdateClock()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    QVERIFY(!addNote(id).empty());
    const auto due = sla::parseUtc(record(id).updateDueAt);
    QVERIFY(due.has_value());

    QVERIFY(mutate(id, "status", { { "status", "resolved" } }).applied);
    QCOMPARE(qs(record(id).slaState), QString("stopped"));
    QVERIFY(record(id).updateDueAt.empty());
    QVERIFY(!addNote(id).empty());
    QVERIFY(record(id).updateDueAt.empty());

    // The store's other cases may raise their own notifications at this time.
    const sla::WorkingCalendar calendar;
    m_fixture->store->raiseSlaNotifications(calendar.addWorkingSeconds(*due, 3600));
    QVERIFY(notificationsOf(id).isEmpty());

    // Reopening owes the citizen an update again.
    QVERIFY(mutate(id, "status", { { "status", "open" } }).applied);
    QVERIFY(sla::parseUtc(record(id).updateDueAt).has_value());
}

void tst_SlaStore::recomputeFillsMissingUpdateDue()
{
    const std::string id = newCase("9186", "2026-02-20T10:00:00.000Z");
    QVERIFY(!addNote(id).empty());
    const std::string expectedDue = record(id).updateDueAt;
    QVERIFY(!expectedDue.empty());

    // A case with a staff reply from before the store upgrade has the period's start but no
    // update due time.
    {
        SqlSession sql(m_dir->filePath("store.sqlite").toStdString());
        QCOMPARE(sql.exec("UPDATE cases SET update_due_at = NULL WHERE id = ?", { id }),
            std::size_t { 1 });
    }
    QVERIFY(record(id).updateDueAt.empty());
    const std::int64_t version = m_fixture->store->findCase(id)->version;

    QVERIFY(m_fixture->store->recomputeSla() >= 1);
    QCOMPARE(qs(record(id).updateDueAt), qs(expectedDue));
    QCOMPARE(m_fixture->store->findCase(id)->version, version + 1);
}

QTEST_GUILESS_MAIN(tst_SlaStore)
#include "tst_slastore.moc"
