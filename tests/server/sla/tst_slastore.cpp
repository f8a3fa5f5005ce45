#include "../store/storefixture.h"
#include "domain/ids.h"
#include "sla/calendar.h"

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

private:
    std::string newCase(const std::string &municipalityId, const std::string &createdAt,
        const std::string &status = "new");
    Case record(const std::string &caseId);
    MutationOutcome mutate(const std::string &caseId, const std::string &op, nlohmann::json args);
    QStringList notificationsOf(const std::string &caseId);

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

QTEST_GUILESS_MAIN(tst_SlaStore)
#include "tst_slastore.moc"
