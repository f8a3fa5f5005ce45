// The priority weights window against the core tests' scripted server: the validator's
// message in the form, the mutation Save queues on the cached version, a conflict that
// keeps the person's edits, and a replay that shows a case changing rank.

#include "../core/scriptedserver.h"
#include "../core/testsupport.h"
#include "data/repository.h"
#include "priority/priority.h"
#include "priorityreplaywidget.h"
#include "priorityweightsdialog.h"
#include "session/clientsession.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;
using namespace std::chrono_literals;

namespace {

const std::string RoadsTeam = uuid(100);
constexpr qint64 WeightsVersion = 3;

json category(const std::string &id, const std::string &nameEn)
{
    civicdesk::Category record { id, nameEn + " (el)", nameEn, 1.0, {} };
    return record;
}

json serverWeights()
{
    civicdesk::PriorityWeights weights = civicdesk::priority::defaultWeights();
    weights.categoryValues = { { "road_damage", 3 }, { "lighting", 1 } };
    return weights;
}

// Created two days ago, so the replay's default window of 30 days contains it.
json recentCase(int number, const std::string &categoryId)
{
    json record = caseRecord(
        uuid(number), "CD-2026-00000" + std::to_string(number), RoadsTeam, 1, {}, "open");
    record["categoryId"] = categoryId;
    record["createdAt"] = QDateTime::currentDateTimeUtc()
                              .addDays(-2)
                              .addSecs(number)
                              .toString(Qt::ISODate)
                              .toStdString();
    return record;
}

QTableWidgetItem *valueItem(QTableWidget *table, const QString &key)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->data(Qt::UserRole).toString() == key) {
            return table->item(row, 1);
        }
    }
    return nullptr;
}

template <typename Widget> Widget *named(QObject *parent, const char *name)
{
    return parent->findChild<Widget *>(QLatin1String(name));
}

} // namespace

class tst_PriorityWeights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void invalidValueShowsValidatorMessage();
    void saveQueuesWeightsOnCachedVersion();
    void conflictKeepsEdits();
    void replayShowsMovedCase();

private:
    void signIn();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ClientSession> m_session;
};

void tst_PriorityWeights::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
}

void tst_PriorityWeights::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    civicdesk::Team team { RoadsTeam, "", "ROADS-ATH", "Οδοποιία", "Roads Athens", "1", false };
    m_server->append(upsert(0, "team", json(team)));
    m_server->append(upsert(0, "category", category("road_damage", "Road damage")));
    m_server->append(upsert(0, "category", category("lighting", "Street lighting")));
    m_server->append(upsert(0, "priorityWeights", serverWeights(), WeightsVersion));
    m_server->append(upsert(0, "case", recentCase(1, "road_damage")));
    m_server->append(upsert(0, "case", recentCase(2, "lighting")));
}

void tst_PriorityWeights::cleanup()
{
    m_session.reset();
    m_server.reset();
}

void tst_PriorityWeights::signIn()
{
    m_server->user.displayName = "Μαρία Supervisor";
    m_server->user.role = civicdesk::Role::Supervisor;
    m_server->user.teamIds = { RoadsTeam };
    m_session = signInToScriptedServer(*m_server, m_dir->path());
    QVERIFY(m_session);
}

void tst_PriorityWeights::invalidValueShowsValidatorMessage()
{
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    PriorityWeightsDialog dialog(m_session.get());
    dialog.show();
    QTableWidgetItem *lighting =
        valueItem(named<QTableWidget>(&dialog, "categoryValuesTable"), QStringLiteral("lighting"));
    QVERIFY(lighting);

    lighting->setData(Qt::EditRole, -2.0);

    QVERIFY(!dialog.save());
    const QString status = named<QLabel>(&dialog, "weightsStatusLabel")->text();
    QVERIFY2(status.contains(QStringLiteral("categoryValues.lighting")), qPrintable(status));
    QVERIFY(m_server->mutations.empty());
}

void tst_PriorityWeights::saveQueuesWeightsOnCachedVersion()
{
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    PriorityWeightsDialog dialog(m_session.get());
    dialog.show();
    QCOMPARE(dialog.baseVersion(), WeightsVersion);
    named<QSpinBox>(&dialog, "categoryWeight")->setValue(40);

    QTest::mouseClick(named<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);

    QTRY_COMPARE(m_server->mutations.size(), std::size_t(1));
    const civicdesk::protocol::Mutation &mutation = m_server->mutations.front();
    QCOMPARE(mutation.entity, std::string("priorityWeights"));
    QCOMPARE(mutation.entityId, std::string("current"));
    QCOMPARE(mutation.op, std::string("set"));
    QCOMPARE(mutation.baseVersion, WeightsVersion);
    QCOMPARE(mutation.args.at("factorWeights").at("category").get<double>(), 40.0);
    QCOMPARE(mutation.args.at("categoryValues").at("road_damage").get<double>(), 3.0);
    QVERIFY(!mutation.args.contains("id"));
    QVERIFY(!mutation.args.contains("changedBy"));
    QTRY_VERIFY(named<QLabel>(&dialog, "weightsStatusLabel")->text().startsWith("Saved."));
}

void tst_PriorityWeights::conflictKeepsEdits()
{
    m_server->rejectMutations = true;
    m_server->rejectCode = civicdesk::protocol::ErrorCode::MutationConflict;
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    PriorityWeightsDialog dialog(m_session.get());
    dialog.show();
    named<QSpinBox>(&dialog, "duplicatesWeight")->setValue(77);

    QVERIFY(dialog.save());

    auto *status = named<QLabel>(&dialog, "weightsStatusLabel");
    QTRY_VERIFY(status->text().contains(QStringLiteral("Someone else changed the weights")));
    QVERIFY2(status->text().contains(QStringLiteral("the case changed on the server")),
        qPrintable(status->text()));
    QCOMPARE(named<QSpinBox>(&dialog, "duplicatesWeight")->value(), 77);
    QVERIFY(named<QPushButton>(&dialog, "saveButton")->isEnabled());
    QCOMPARE(m_session->rejectedCount(), 0);
}

void tst_PriorityWeights::replayShowsMovedCase()
{
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    PriorityWeightsDialog dialog(m_session.get());
    dialog.show();
    // Both cases share every fact but the category: 3 against 1 now, 3 against 5 edited.
    valueItem(named<QTableWidget>(&dialog, "categoryValuesTable"), QStringLiteral("lighting"))
        ->setData(Qt::EditRole, 5.0);

    QTest::mouseClick(named<QPushButton>(&dialog, "replayButton"), Qt::LeftButton);

    auto *queues = named<QTableWidget>(&dialog, "replayQueueTable");
    QCOMPARE(queues->rowCount(), 1);
    QCOMPARE(queues->item(0, 0)->text(), QStringLiteral("Roads Athens"));
    QCOMPARE(queues->item(0, 2)->data(Qt::DisplayRole).toInt(), 2);
    auto *cases = named<QTableWidget>(&dialog, "replayCaseTable");
    QCOMPARE(cases->rowCount(), 2);
    // Sorted by new rank: the lighting case now comes first, up from second.
    QCOMPARE(cases->item(0, 0)->text(), QStringLiteral("CD-2026-000002"));
    QCOMPARE(cases->item(0, 2)->data(Qt::DisplayRole).toInt(), 2);
    QCOMPARE(cases->item(0, 3)->data(Qt::DisplayRole).toInt(), 1);
    QCOMPARE(cases->item(0, 4)->data(Qt::DisplayRole).toInt(), 1);
}

QTEST_MAIN(tst_PriorityWeights)
#include "tst_priorityweights.moc"
