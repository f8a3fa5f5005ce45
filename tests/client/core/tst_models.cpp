#include "cache/statement.h"
#include "data/repository.h"
#include "models/caselistmodel.h"
#include "models/partysearchmodel.h"
#include "models/queuelistmodel.h"
#include "models/timelinemodel.h"
#include "sync/changeapplier.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;

namespace {

const std::string Me = uuid(1);
const std::string Colleague = uuid(2);
const std::string MyTeam = uuid(100);
const std::string OtherTeam = uuid(101);
constexpr int TeamCases = 450;

} // namespace

class tst_Models : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void caseListOrdersByPriorityAndFetchesLazily();
    void caseListDisplaysColumns();
    void caseListQueues_data();
    void caseListQueues();
    void queueListShowsQueuesWithCounts();
    void timelineIsNewestFirst();
    void partySearch_data();
    void partySearch();
    void recordAccessIsLogged();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<Repository> m_repository;
};

void tst_Models::initTestCase()
{
    m_cache = openCache(m_dir.filePath(QStringLiteral("m.cdcache")), randomKey());
    QVERIFY(m_cache);

    std::vector<civicdesk::protocol::Change> changes {
        upsert(0, "user", userRecord(Me, "me", "Μαρία Κ.", "agent", { MyTeam })),
        upsert(0, "user", userRecord(Colleague, "col", "Γιώργος Π.", "agent", { MyTeam })),
        upsert(0, "team", teamRecord(MyTeam, "Οδοποιία", "Roads")),
        upsert(0, "team", teamRecord(OtherTeam, "Καθαριότητα", "Cleaning")),
        upsert(0, "category", categoryRecord("potholes", "Λακκούβες", "Potholes")),
        upsert(0, "municipality", municipalityRecord("9186", "Αθηναίων", "Athens")),
        upsert(
            0, "party", partyRecord(uuid(10), "Ελένη", "Παπαδοπούλου", "094014298", "01017012345")),
        upsert(0, "party", partyRecord(uuid(11), "Κώστας", "Αλεξίου", "123456783", "02028054321")),
    };
    for (int i = 0; i < TeamCases; ++i) {
        const std::string assignee = i < 5 ? Me : (i < 10 ? Colleague : std::string());
        json record = caseRecord(uuid(1000 + i), "CD-" + std::to_string(1000 + i), MyTeam,
            double(i % 97) / 3.0, assignee, i % 50 == 49 ? "closed" : "open", uuid(10));
        record["text"] = "Πρώτη γραμμή\nδεύτερη " + std::string(200, 'x');
        changes.push_back(upsert(0, "case", record));
    }
    changes.push_back(upsert(0, "case", caseRecord(uuid(5000), "CD-OTHER", OtherTeam, 50.0)));
    changes.push_back(upsert(0, "interaction",
        interactionRecord(uuid(20), uuid(10), uuid(1000), "older", "2024-03-01T10:00:00.000Z")));
    changes.push_back(upsert(0, "interaction",
        interactionRecord(uuid(21), uuid(10), uuid(1001), "newer", "2024-03-05T10:00:00.000Z")));
    for (std::size_t i = 0; i < changes.size(); ++i) {
        changes[i].seq = std::int64_t(i + 1);
    }
    ChangeApplier applier(*m_cache, QString::fromStdString(Me));
    QVERIFY(applier.apply(changes, std::int64_t(changes.size())).ok);

    m_repository = std::make_unique<Repository>(*m_cache, QString::fromStdString(Me));
}

void tst_Models::caseListOrdersByPriorityAndFetchesLazily()
{
    CaseListModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQueue({ QueueKey::Kind::Team, QString::fromStdString(MyTeam) });

    QCOMPARE(model.rowCount(), 200);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 400);
    model.fetchMore({});
    const int open = TeamCases - TeamCases / 50;
    QCOMPARE(model.rowCount(), open);
    QVERIFY(!model.canFetchMore({}));

    for (int row = 1; row < model.rowCount(); ++row) {
        QVERIFY(model.index(row - 1, 0).data(CaseListModel::PriorityRole).toDouble()
            >= model.index(row, 0).data(CaseListModel::PriorityRole).toDouble());
    }

    model.setIncludeClosed(true);
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(model.rowCount(), TeamCases);
}

void tst_Models::caseListDisplaysColumns()
{
    CaseListModel model(m_repository.get());
    model.setQueue({ QueueKey::Kind::Mine, {} });
    QCOMPARE(model.rowCount(), 5);
    const int row = 0;
    const QString caseId = model.caseIdAt(row);
    const auto info = m_repository->caseById(caseId);
    QVERIFY(info);

    QCOMPARE(model.index(row, CaseListModel::NumberColumn).data().toString(), info->number);
    QCOMPARE(model.index(row, CaseListModel::PriorityColumn).data().toString(),
        QString::number(info->priority, 'f', 1));
    QCOMPARE(model.index(row, CaseListModel::CategoryColumn).data().toString(), "Λακκούβες");
    QCOMPARE(model.index(row, CaseListModel::MunicipalityColumn).data().toString(), "Αθηναίων");
    QCOMPARE(model.index(row, CaseListModel::AgeColumn).data().toInt(),
        int(info->createdAt.daysTo(QDateTime::currentDateTimeUtc())));
    QVERIFY(model.index(row, CaseListModel::AgeColumn).data().toInt() > 30);
    QCOMPARE(model.index(row, CaseListModel::StatusColumn).data().toString(), "open");
    QCOMPARE(model.index(row, CaseListModel::AssigneeColumn).data().toString(), "Μαρία Κ.");
    const QString summary = model.index(row, CaseListModel::SummaryColumn).data().toString();
    QCOMPARE(summary.size(), 120);
    QVERIFY(summary.startsWith("Πρώτη γραμμή δεύτερη"));

    m_repository->setLanguage("en");
    model.reload();
    QCOMPARE(model.index(row, CaseListModel::CategoryColumn).data().toString(), "Potholes");
    m_repository->setLanguage("el");
}

void tst_Models::caseListQueues_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("teamId");
    QTest::addColumn<int>("rows");

    const int openUnassigned = (TeamCases - 10) - (TeamCases - 10) / 50;
    QTest::newRow("mine") << int(QueueKey::Kind::Mine) << QString() << 5;
    QTest::newRow("other team") << int(QueueKey::Kind::Team) << QString::fromStdString(OtherTeam)
                                << 1;
    QTest::newRow("unassigned of my teams")
        << int(QueueKey::Kind::Unassigned) << QString() << std::min(200, openUnassigned);
}

void tst_Models::caseListQueues()
{
    QFETCH(int, kind);
    QFETCH(QString, teamId);
    QFETCH(int, rows);
    CaseListModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setQueue({ QueueKey::Kind(kind), teamId });

    QCOMPARE(model.rowCount(), rows);
}

void tst_Models::queueListShowsQueuesWithCounts()
{
    QueueListModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.queueAt(0).kind, QueueKey::Kind::Mine);
    QCOMPARE(model.index(0).data(QueueListModel::OpenCountRole).toInt(), 5);
    QCOMPARE(model.index(1).data().toString(), "Οδοποιία");
    QCOMPARE(
        model.index(1).data(QueueListModel::TeamIdRole).toString(), QString::fromStdString(MyTeam));
    QCOMPARE(
        model.index(1).data(QueueListModel::OpenCountRole).toInt(), TeamCases - TeamCases / 50);
    QCOMPARE(model.index(2).data(QueueListModel::QueueKeyRole).value<QueueKey>().kind,
        QueueKey::Kind::Unassigned);
    QVERIFY(model.index(2).data().toString().isEmpty());
}

void tst_Models::timelineIsNewestFirst()
{
    TimelineModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.showParty(QString::fromStdString(uuid(10)));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data().toString(), "newer");
    QCOMPARE(model.index(0).data(TimelineModel::CaseNumberRole).toString(), "CD-1001");
    QCOMPARE(model.index(1).data(TimelineModel::KindRole).toString(), "note");
    QVERIFY(!model.index(0).data(TimelineModel::PendingRole).toBool());

    model.showCase(QString::fromStdString(uuid(1000)));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(TimelineModel::BodyRole).toString(), "older");
}

void tst_Models::partySearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");

    const QStringList eleni { "Ελένη Παπαδοπούλου" };
    QTest::newRow("exact name") << "Παπαδοπούλου" << eleni;
    QTest::newRow("no accents, capitals") << "ΠΑΠΑΔΟΠΟΥΛΟΥ" << eleni;
    QTest::newRow("part of the name") << "ελενη παπα" << eleni;
    QTest::newRow("afm prefix") << "0940" << eleni;
    QTest::newRow("amka prefix") << "020280" << QStringList { "Κώστας Αλεξίου" };
    QTest::newRow("afm not a prefix") << "4014298" << QStringList();
    QTest::newRow("like wildcard is literal") << "%" << QStringList();
    QTest::newRow("empty") << "  " << QStringList();
}

void tst_Models::partySearch()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    PartySearchModel model(m_repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.search(text);

    QStringList found;
    for (int row = 0; row < model.rowCount(); ++row) {
        found.append(model.index(row, PartySearchModel::NameColumn).data().toString());
    }
    QCOMPARE(found, names);
    if (!names.isEmpty()) {
        QCOMPARE(
            model.index(0, PartySearchModel::MunicipalityColumn).data().toString(), "Αθηναίων");
        QVERIFY(!model.partyIdAt(0).isEmpty());
    }
}

void tst_Models::recordAccessIsLogged()
{
    m_repository->recordAccess("party", QString::fromStdString(uuid(10)), "party-view");

    QCOMPARE(m_cache->exec("SELECT 1"), true);
    Statement query(*m_cache, "SELECT user_id, entity, entity_id, reason FROM access_log");
    QVERIFY(query.next());
    QCOMPARE(query.text(0), QString::fromStdString(Me));
    QCOMPARE(query.text(1), "party");
    QCOMPARE(query.text(3), "party-view");
}

QTEST_GUILESS_MAIN(tst_Models)
#include "tst_models.moc"
