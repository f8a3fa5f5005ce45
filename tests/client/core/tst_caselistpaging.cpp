// Keyset paging of the case list and the timeline: page boundaries fall inside runs of equal
// priorities and equal times, so both query branches of each page run.
#include "data/repository.h"
#include "models/caselistmodel.h"
#include "models/timelinemodel.h"
#include "sync/changeapplier.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace CivicDesk;
using namespace TestSupport;

namespace {

const std::string Me = uuid(1);
const std::string MyTeam = uuid(100);
const std::string Party = uuid(10);
constexpr int TeamCases = 650; // more than three pages of 200
constexpr int PartyEvents = 250; // more than two pages of 100
const char *const Times[] = { "2024-03-01T10:00:00.000Z", "2024-03-02T10:00:00.000Z",
    "2024-03-03T10:00:00.000Z" };

QStringList modelIds(CaseListModel &model)
{
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.append(model.caseIdAt(row));
    }
    return ids;
}

} // namespace

class tst_CaseListPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesFollowCaseIdOrder_data();
    void pagesFollowCaseIdOrder();
    void closedFilterAcrossPages();
    void syncedCaseAppearsInPlace();
    void closedFilterStartsAtFirstPage();
    void longListFreedInBackground();
    void timelinePagesNewestFirst();

private:
    bool applyCase(const json &record);

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<Repository> m_repository;
    std::int64_t m_seq = 0;
};

bool tst_CaseListPaging::applyCase(const json &record)
{
    ++m_seq;
    ChangeApplier applier(*m_cache, QString::fromStdString(Me));
    return applier.apply({ upsert(m_seq, "case", record) }, m_seq).ok;
}

void tst_CaseListPaging::initTestCase()
{
    m_cache = openCache(m_dir.filePath(QStringLiteral("p.cdcache")), randomKey());
    QVERIFY(m_cache);

    std::vector<civicdesk::protocol::Change> changes {
        upsert(0, "user", userRecord(Me, "me", "Μαρία Κ.", "agent", { MyTeam })),
        upsert(0, "team", teamRecord(MyTeam, "Οδοποιία", "Roads")),
        upsert(0, "party", partyRecord(Party, "Ελένη", "Παπαδοπούλου", "094014298", "01017012345")),
    };
    // Three priorities and three times: runs of about 70 equal (priority, time) pairs, which
    // only the id orders, cross every page boundary.
    for (int i = 0; i < TeamCases; ++i) {
        const std::string assignee = i % 2 == 0 ? Me : std::string();
        const std::string status = i % 5 == 0 ? "closed" : (i % 7 == 0 ? "resolved" : "open");
        json record = caseRecord(uuid(1000 + ((i * 389) % TeamCases)), "CD-" + std::to_string(i),
            MyTeam, double(i % 3), assignee, status, Party);
        record["createdAt"] = Times[(i / 3) % 3];
        changes.push_back(upsert(0, "case", record));
    }
    for (int i = 0; i < PartyEvents; ++i) {
        changes.push_back(upsert(0, "interaction",
            interactionRecord(uuid(100000 + ((i * 97) % PartyEvents)), Party, uuid(1000),
                "event " + std::to_string(i), Times[i % 3])));
    }
    for (std::size_t i = 0; i < changes.size(); ++i) {
        changes[i].seq = std::int64_t(i + 1);
    }
    m_seq = std::int64_t(changes.size());
    ChangeApplier applier(*m_cache, QString::fromStdString(Me));
    QVERIFY(applier.apply(changes, m_seq).ok);

    m_repository = std::make_unique<Repository>(*m_cache, QString::fromStdString(Me));
}

void tst_CaseListPaging::pagesFollowCaseIdOrder_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("includeClosed");

    QTest::newRow("team, open") << int(QueueKey::Kind::Team) << false;
    QTest::newRow("team, with closed") << int(QueueKey::Kind::Team) << true;
    QTest::newRow("mine, open") << int(QueueKey::Kind::Mine) << false;
    QTest::newRow("mine, with closed") << int(QueueKey::Kind::Mine) << true;
    QTest::newRow("unassigned, open") << int(QueueKey::Kind::Unassigned) << false;
    QTest::newRow("unassigned, with closed") << int(QueueKey::Kind::Unassigned) << true;
}

void tst_CaseListPaging::pagesFollowCaseIdOrder()
{
    QFETCH(int, kind);
    QFETCH(bool, includeClosed);
    const QueueKey queue { QueueKey::Kind(kind),
        kind == int(QueueKey::Kind::Team) ? QString::fromStdString(MyTeam) : QString() };

    CaseListModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncludeClosed(includeClosed);
    model.setQueue(queue);
    const QStringList expected = m_repository->caseIds(queue, includeClosed);

    QVERIFY(expected.size() > 200);
    QCOMPARE(modelIds(model), expected);
}

void tst_CaseListPaging::closedFilterAcrossPages()
{
    CaseListModel model(m_repository.get());
    model.setQueue({ QueueKey::Kind::Team, QString::fromStdString(MyTeam) });
    modelIds(model);
    int open = 0;
    for (int i = 0; i < TeamCases; ++i) {
        open += i % 5 != 0 && i % 7 != 0 ? 1 : 0;
    }

    QCOMPARE(model.rowCount(), open);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString status = model.index(row, 0).data(CaseListModel::StatusRole).toString();
        QCOMPARE(status, QStringLiteral("open"));
    }

    model.setIncludeClosed(true);
    QCOMPARE(modelIds(model).size(), TeamCases);
}

void tst_CaseListPaging::closedFilterStartsAtFirstPage()
{
    const QueueKey team { QueueKey::Kind::Team, QString::fromStdString(MyTeam) };
    CaseListModel model(m_repository.get());
    model.setQueue(team);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 400);

    model.setIncludeClosed(true);
    QCOMPARE(model.rowCount(), 200);
    const QStringList expected = m_repository->caseIds(team, true);
    QVERIFY(expected.size() > 400);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.caseIdAt(row), expected.at(row));
    }

    // A reload after a sync keeps the rows fetched.
    model.fetchMore({});
    model.reload();
    QCOMPARE(model.rowCount(), 400);
}

void tst_CaseListPaging::longListFreedInBackground()
{
    // More rows than the model frees on the UI thread, in a team of their own.
    const std::string bigTeam = uuid(60);
    const std::string otherAgent = uuid(61);
    std::vector<civicdesk::protocol::Change> changes;
    for (int i = 0; i < 3000; ++i) {
        changes.push_back(upsert(++m_seq, "case",
            caseRecord(uuid(200000 + i), "CD-B" + std::to_string(i), bigTeam, double(i % 10),
                otherAgent, i % 4 == 0 ? "closed" : "open", Party)));
    }
    ChangeApplier applier(*m_cache, QString::fromStdString(Me));
    QVERIFY(applier.apply(changes, m_seq).ok);
    const QueueKey big { QueueKey::Kind::Team, QString::fromStdString(bigTeam) };
    CaseListModel model(m_repository.get());
    model.setQueue(big);
    QCOMPARE(modelIds(model).size(), 2250);

    model.reload();
    QCOMPARE(model.rowCount(), 400);
    model.setIncludeClosed(true);
    QCOMPARE(modelIds(model), m_repository->caseIds(big, true));
    QCOMPARE(model.rowCount(), 3000);
    model.setIncludeClosed(false);
    QCOMPARE(model.rowCount(), 200);
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QCOMPARE(modelIds(model), m_repository->caseIds(big, false));
}

void tst_CaseListPaging::syncedCaseAppearsInPlace()
{
    const QueueKey team { QueueKey::Kind::Team, QString::fromStdString(MyTeam) };
    CaseListModel model(m_repository.get());
    model.setQueue(team);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 400);

    // Priority 1, between the runs of 2 and 0, with the earliest time: a middle page.
    json record = caseRecord(uuid(9000), "CD-NEW", MyTeam, 1.0, {}, "new", Party);
    record["createdAt"] = Times[0];
    QVERIFY(applyCase(record));
    const QStringList expected = m_repository->caseIds(team, false);
    const int position = int(expected.indexOf(QString::fromStdString(uuid(9000))));
    QVERIFY(position > 0 && position < 400);

    model.reload();
    QCOMPARE(model.rowCount(), 400);
    QCOMPARE(model.caseIdAt(position), QString::fromStdString(uuid(9000)));
    QCOMPARE(modelIds(model), expected);

    record["status"] = "closed";
    QVERIFY(applyCase(record));
    model.reload();
    QVERIFY(!modelIds(model).contains(QString::fromStdString(uuid(9000))));
}

void tst_CaseListPaging::timelinePagesNewestFirst()
{
    TimelineModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.showParty(QString::fromStdString(Party));
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }

    const QList<InteractionInfo> all = m_repository->timelineOfParty(QString::fromStdString(Party));
    QCOMPARE(all.size(), PartyEvents);
    QCOMPARE(model.rowCount(), PartyEvents);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row).data(TimelineModel::BodyRole).toString(), all.at(row).body);
    }
}

QTEST_GUILESS_MAIN(tst_CaseListPaging)
#include "tst_caselistpaging.moc"
