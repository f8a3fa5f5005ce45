#include "../store/storefixture.h"

#include "domain/ids.h"
#include "intake/duplicates.h"
#include "priority/priority.h"

#include <QTemporaryDir>
#include <QtTest>

#include <ctime>
#include <set>

using namespace civicdesk;
using namespace civicdesk::server;

class tst_Duplicates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void findDuplicate_data();
    void findDuplicate();
    void picksMostSimilar();
    void windowStartIs14DaysEarlier();
    void cacheForgetsOldestFirst();
    void caseTextsSkipsUnknownIds();
    void candidatesSkipNearMisses();
    void linkCountsAndRescores();
    void linkToResolvedIsDropped();
    void duplicateFollowsStatus();
    void unlinkRestoresBoth();
    void unlinkNonDuplicateIsInvalid();
    void unlinkOutsideTeamForbidden();

private:
    std::string addCase(const std::string &categoryId, const std::string &municipalityId,
        const std::string &createdAt, const std::string &duplicateOf = {});
    std::vector<std::string> interactionBodies(const std::string &caseId) const;
    MutationOutcome mutate(const std::string &username, const std::string &caseId,
        const std::string &op, const nlohmann::json &args = nlohmann::json::object());

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
};

namespace {

const std::string EnglishReport = "Abandoned car without plates parked on Elm Street for months";
const std::string GreekReport =
    "Εγκαταλελειμμένο αυτοκίνητο χωρίς πινακίδες σταθμευμένο στην οδό Πατησίων εδώ και μήνες";

std::shared_ptr<const TextFingerprint> fingerprint(
    const std::string &text, const std::string &address = {})
{
    return std::make_shared<const TextFingerprint>(fingerprintOf(text, address));
}

std::string isoDaysAgo(int days)
{
    const std::time_t at = std::time(nullptr) - static_cast<std::time_t>(days) * 86400;
    std::tm parts {};
    gmtime_r(&at, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", &parts);
    return text;
}

QString codeName(protocol::ErrorCode code)
{
    const std::string_view name = protocol::toString(code);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

} // namespace

void tst_Duplicates::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<StoreFixture>(m_dir->filePath("store.sqlite").toStdString());

    // A second category and municipality for the near misses.
    ReferenceData extra;
    extra.categories = { { "illegal_parking", "Παράνομη στάθμευση", "Illegal parking", 1.0 } };
    extra.municipalities = { { { "9187", "51", "9", "Βύρωνος", "Vyronas" }, 61308 } };
    m_fixture->store->writeReferenceData(extra);
}

std::string tst_Duplicates::addCase(const std::string &categoryId,
    const std::string &municipalityId, const std::string &createdAt,
    const std::string &duplicateOf)
{
    CaseBundle bundle;
    bundle.party.id = generateUuid();
    bundle.party.firstName = "Ελένη";
    bundle.party.lastName = "Δοκιμή";
    bundle.party.municipalityId = municipalityId;
    bundle.party.createdAt = createdAt;
    Case &kase = bundle.kase;
    kase.id = generateUuid();
    kase.channel = "portal";
    kase.text = EnglishReport;
    kase.categoryId = categoryId;
    kase.categorySource = "citizen";
    kase.language = "en";
    kase.municipalityId = municipalityId;
    kase.regionId = "9";
    kase.status = "new";
    kase.teamId = m_fixture->teamA;
    kase.createdAt = createdAt;
    kase.updatedAt = createdAt;
    kase.duplicateOf = duplicateOf;
    bundle.submission = { generateUuid(), bundle.party.id, kase.id, "submission", "portal",
        kase.text, {}, createdAt };
    return m_fixture->store->createCase(bundle).kase.id;
}

std::vector<std::string> tst_Duplicates::interactionBodies(const std::string &caseId) const
{
    AccessScope everything;
    everything.everything = true;
    std::vector<std::string> bodies;
    for (const protocol::Change &change :
        m_fixture->store->changesSince(everything, 0, 100000).changes) {
        if (change.entity == "interaction" && change.data.at("caseId") == caseId
            && change.data.at("kind") == "status") {
            bodies.push_back(change.data.at("body").get<std::string>());
        }
    }
    return bodies;
}

MutationOutcome tst_Duplicates::mutate(const std::string &username, const std::string &caseId,
    const std::string &op, const nlohmann::json &args)
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entityId = caseId;
    mutation.baseVersion = m_fixture->store->findCase(caseId)->version;
    mutation.op = op;
    mutation.args = args;
    return m_fixture->store->applyMutation(m_fixture->scope(username), mutation);
}

void tst_Duplicates::findDuplicate_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("originalAddress");
    QTest::addColumn<QString>("report");
    QTest::addColumn<QString>("reportAddress");
    QTest::addColumn<bool>("linked");

    QTest::newRow("Greek") << QString::fromStdString(GreekReport) << ""
                           << "Αυτοκίνητο εγκαταλελειμμένο χωρίς πινακίδες στην οδό Πατησίων "
                              "για μήνες"
                           << "" << true;
    QTest::newRow("unaccented Greek capitals")
        << QString::fromStdString(GreekReport) << ""
        << "ΑΥΤΟΚΙΝΗΤΟ ΕΓΚΑΤΑΛΕΛΕΙΜΜΕΝΟ ΧΩΡΙΣ ΠΙΝΑΚΙΔΕΣ ΣΤΗΝ ΟΔΟ ΠΑΤΗΣΙΩΝ ΜΗΝΕΣ"
        << "" << true;
    QTest::newRow("Greeklish") << "Egkataleleimmeno aftokinito xoris pinakides stin odo "
                                  "Patision edo kai mines"
                               << ""
                               << "aftokinito egkataleleimmeno xoris pinakides odo Patision mines"
                               << "" << true;
    QTest::newRow("English") << QString::fromStdString(EnglishReport) << ""
                             << "Car abandoned on Elm Street, no plates, been there for months"
                             << "" << true;
    QTest::newRow("same address, related text")
        << QString::fromStdString(EnglishReport) << "Οδός Πατησίων 12"
        << "Car blocking my garage on Elm Street"
        << "ΟΔΟΣ ΠΑΤΗΣΙΩΝ 12" << true;

    QTest::newRow("related text, no address")
        << QString::fromStdString(EnglishReport) << ""
        << "Car blocking my garage on Elm Street" << "" << false;
    QTest::newRow("related text, other address")
        << QString::fromStdString(EnglishReport) << "Οδός Πατησίων 12"
        << "Car blocking my garage on Elm Street"
        << "Οδός Πατησίων 14" << false;
    QTest::newRow("same address, other problem")
        << QString::fromStdString(EnglishReport) << "Elm Street 3"
        << "Street light broken on Elm Street since Monday"
        << "Elm Street 3" << false;
    QTest::newRow("Greek and Greeklish spellings")
        << QString::fromStdString(GreekReport) << ""
        << "aftokinito egkataleleimmeno xoris pinakides odo Patision mines" << "" << false;
    QTest::newRow("function words only") << "the and for with this that there from"
                                         << ""
                                         << "the and for with this that there from" << ""
                                         << false;
}

void tst_Duplicates::findDuplicate()
{
    QFETCH(QString, original);
    QFETCH(QString, originalAddress);
    QFETCH(QString, report);
    QFETCH(QString, reportAddress);
    QFETCH(bool, linked);

    const std::vector<FingerprintedCandidate> candidates { { "case-1", "CD-2026-000001",
        fingerprint(original.toStdString(), originalAddress.toStdString()) } };
    const auto match = server::findDuplicate(
        fingerprintOf(report.toStdString(), reportAddress.toStdString()), candidates);

    QCOMPARE(match.has_value(), linked);
    if (linked) {
        QCOMPARE(match->caseId, std::string("case-1"));
    }
}

void tst_Duplicates::picksMostSimilar()
{
    const std::vector<FingerprintedCandidate> candidates {
        { "loose", "CD-2026-000001",
            fingerprint("Abandoned car without plates near the school on Elm Street") },
        { "close", "CD-2026-000002", fingerprint(EnglishReport) },
    };

    const auto match = server::findDuplicate(fingerprintOf(EnglishReport, ""), candidates);

    QVERIFY(match.has_value());
    QCOMPARE(match->caseId, std::string("close"));
    QCOMPARE(match->similarity, 1.0);
}

void tst_Duplicates::windowStartIs14DaysEarlier()
{
    QCOMPARE(duplicateWindowStart("2026-12-15T08:30:00.123Z"),
        std::string("2026-12-01T08:30:00.000Z"));
    QCOMPARE(duplicateWindowStart("2024-03-10T00:00:00.000Z"),
        std::string("2024-02-25T00:00:00.000Z"));
}

void tst_Duplicates::cacheForgetsOldestFirst()
{
    FingerprintCache cache(2);
    cache.insert("first", fingerprint(EnglishReport));
    cache.insert("second", fingerprint(GreekReport));
    // Inserting a known id again changes nothing, so "first" is still the oldest.
    cache.insert("second", fingerprint(EnglishReport));
    QVERIFY(cache.find("first"));

    cache.insert("third", fingerprint(EnglishReport));

    QVERIFY(!cache.find("first"));
    QCOMPARE(cache.find("second")->tokens, fingerprintOf(GreekReport, "").tokens);
    QVERIFY(cache.find("third"));
    QVERIFY(!cache.find("never inserted"));
}

void tst_Duplicates::caseTextsSkipsUnknownIds()
{
    SqliteStore &store = *m_fixture->store;
    const Case a = store.findCase(m_fixture->caseA)->kase;
    const Case b = store.findCase(m_fixture->caseB)->kase;

    const auto texts = store.caseTexts({ m_fixture->caseB, "no-such-case", m_fixture->caseA });

    QCOMPARE(texts.size(), std::size_t(2));
    QCOMPARE(texts[0].id, m_fixture->caseB);
    QCOMPARE(texts[0].text, b.text);
    QCOMPARE(texts[0].address, b.address);
    QCOMPARE(texts[1].id, m_fixture->caseA);
    QCOMPARE(texts[1].text, a.text);
}

void tst_Duplicates::candidatesSkipNearMisses()
{
    SqliteStore &store = *m_fixture->store;
    const std::string recent = addCase("abandoned_vehicle", "9186", isoDaysAgo(2));
    addCase("illegal_parking", "9186", isoDaysAgo(1));
    addCase("abandoned_vehicle", "9187", isoDaysAgo(1));
    addCase("abandoned_vehicle", "9186", isoDaysAgo(15));
    const std::string resolved = addCase("abandoned_vehicle", "9186", isoDaysAgo(3));
    QVERIFY(mutate("agent", resolved, "status", { { "status", "resolved" } }).applied);
    const std::string linked = addCase("abandoned_vehicle", "9186", isoDaysAgo(1), recent);
    QCOMPARE(store.findCase(linked)->kase.duplicateOf, recent);

    const auto candidates = store.duplicateCandidates(
        "abandoned_vehicle", "9186", duplicateWindowStart(utcNowIso()));

    std::set<std::string> ids;
    for (const DuplicateCandidate &candidate : candidates) {
        ids.insert(candidate.id);
    }
    // The fixture's two cases of today, and the recent one; nothing else.
    QCOMPARE(ids.size(), std::size_t(3));
    QVERIFY(ids.count(recent));
    QVERIFY(ids.count(m_fixture->caseA));
    QVERIFY(ids.count(m_fixture->caseB));
    QVERIFY(!ids.count(resolved));
    QVERIFY(!ids.count(linked));
}

void tst_Duplicates::linkCountsAndRescores()
{
    SqliteStore &store = *m_fixture->store;
    const StoredCase before = *store.findCase(m_fixture->caseA);

    const std::string report = addCase("abandoned_vehicle", "9186", utcNowIso(), m_fixture->caseA);

    const StoredCase original = *store.findCase(m_fixture->caseA);
    const Case duplicate = store.findCase(report)->kase;
    QCOMPARE(duplicate.duplicateOf, m_fixture->caseA);
    QCOMPARE(original.kase.duplicateCount, 1);
    QCOMPARE(original.version, before.version + 1);
    QCOMPARE(original.statusVersion, before.statusVersion);
    // duplicates: 1 linked report of at most 10, with weight 5
    QCOMPARE(original.kase.priority - before.kase.priority, 0.5);
    QCOMPARE(interactionBodies(report),
        std::vector<std::string> { "duplicate of " + original.kase.number });
    QCOMPARE(interactionBodies(m_fixture->caseA),
        std::vector<std::string> { "linked duplicate " + duplicate.number });
}

void tst_Duplicates::linkToResolvedIsDropped()
{
    QVERIFY(mutate("agent", m_fixture->caseA, "status", { { "status", "resolved" } }).applied);

    const std::string report = addCase("abandoned_vehicle", "9186", utcNowIso(), m_fixture->caseA);

    QCOMPARE(m_fixture->store->findCase(report)->kase.duplicateOf, std::string());
    QCOMPARE(m_fixture->store->findCase(m_fixture->caseA)->kase.duplicateCount, 0);
}

void tst_Duplicates::duplicateFollowsStatus()
{
    const std::string first = addCase("abandoned_vehicle", "9186", utcNowIso(), m_fixture->caseA);
    const std::string second = addCase("abandoned_vehicle", "9186", utcNowIso(), m_fixture->caseA);
    QCOMPARE(m_fixture->store->findCase(m_fixture->caseA)->kase.duplicateCount, 2);

    QVERIFY(mutate("agent", m_fixture->caseA, "status", { { "status", "in_progress" } }).applied);

    for (const std::string &id : { first, second }) {
        const Case kase = m_fixture->store->findCase(id)->kase;
        QCOMPARE(kase.status, std::string("in_progress"));
        const auto bodies = interactionBodies(id);
        QCOMPARE(bodies.back(), std::string("status: new → in_progress"));
    }
    QVERIFY(mutate("agent", m_fixture->caseA, "status", { { "status", "resolved" } }).applied);
    QCOMPARE(m_fixture->store->findCase(first)->kase.status, std::string("resolved"));
    QCOMPARE(m_fixture->store->findCase(m_fixture->caseB)->kase.status, std::string("new"));
}

void tst_Duplicates::unlinkRestoresBoth()
{
    SqliteStore &store = *m_fixture->store;
    const double alone = store.findCase(m_fixture->caseA)->kase.priority;
    const std::string report = addCase("abandoned_vehicle", "9186", utcNowIso(), m_fixture->caseA);
    const std::string originalNumber = store.findCase(m_fixture->caseA)->kase.number;
    const std::string reportNumber = store.findCase(report)->kase.number;
    const std::int64_t head = store.headSeq();

    const MutationOutcome outcome = mutate("agent", report, "unlink_duplicate");

    QVERIFY(outcome.applied);
    QCOMPARE(store.findCase(report)->kase.duplicateOf, std::string());
    QCOMPARE(store.findCase(report)->version, outcome.version);
    QCOMPARE(store.findCase(m_fixture->caseA)->kase.duplicateCount, 0);
    QCOMPARE(store.findCase(m_fixture->caseA)->kase.priority, alone);
    QCOMPARE(interactionBodies(report).back(), "unlinked from " + originalNumber);
    QCOMPARE(interactionBodies(m_fixture->caseA).back(), "unlinked from " + reportNumber);
    // Both cases and both interactions are logged.
    QCOMPARE(store.headSeq(), head + 4);
}

void tst_Duplicates::unlinkNonDuplicateIsInvalid()
{
    const std::string number = m_fixture->store->findCase(m_fixture->caseA)->kase.number;

    const MutationOutcome outcome = mutate("agent", m_fixture->caseA, "unlink_duplicate");

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(protocol::ErrorCode::MutationInvalid));
    QCOMPARE(outcome.message, "case " + number + " is not a duplicate");
}

void tst_Duplicates::unlinkOutsideTeamForbidden()
{
    const std::string report = addCase("abandoned_vehicle", "9186", utcNowIso(), m_fixture->caseA);

    const MutationOutcome outcome = mutate("agent2", report, "unlink_duplicate");

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(protocol::ErrorCode::MutationForbidden));
    QCOMPARE(m_fixture->store->findCase(report)->kase.duplicateOf, m_fixture->caseA);
}

QTEST_GUILESS_MAIN(tst_Duplicates)
#include "tst_duplicates.moc"
