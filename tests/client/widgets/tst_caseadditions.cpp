// The case view's additions against the core tests' scripted server. Covers why a case is
// in its queue, the duplicate link with its Unlink action and the linked-report count on an
// original. Also covers the category correction, which queues recategorise and shows the
// agent as the source.

#include "../core/scriptedserver.h"
#include "../core/testsupport.h"
#include "caseview.h"
#include "data/repository.h"
#include "displaytexts.h"
#include "session/clientsession.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace CivicDesk;
using namespace TestSupport;
using namespace std::chrono_literals;

namespace {

const std::string RoadsTeam = uuid(100);
const std::string OriginalId = uuid(1);
const std::string DuplicateId = uuid(2);

json category(const std::string &id, const std::string &nameEn, const std::string &parentId = {})
{
    civicdesk::Category record { id, nameEn + " (el)", nameEn, 1.0, parentId };
    return record;
}

template <typename Widget> Widget *named(QObject *parent, const char *name)
{
    return parent->findChild<Widget *>(QLatin1String(name));
}

// Runs action on the next modal dialog once it is shown, for the exec() the test triggers.
void whenModalShown(std::function<void(QWidget *)> action)
{
    QTimer::singleShot(0, qApp, [action] {
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        action(QApplication::activeModalWidget());
    });
}

} // namespace

class tst_CaseAdditions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsWhyCaseIsInQueue();
    void duplicateLinksToOriginalAndUnlinks();
    void originalCountsLinkedReports();
    void changeCategoryQueuesRecategorise();
    void showsReplyDueOfCurrentTarget();

private:
    void signIn();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ClientSession> m_session;
};

void tst_CaseAdditions::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
}

void tst_CaseAdditions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    civicdesk::Team team { RoadsTeam, "", "ROADS-ATH", "Οδοποιία", "Roads Athens", "1", false };
    m_server->append(upsert(0, "team", json(team)));
    m_server->append(upsert(0, "category", category("road_damage", "Road damage")));
    m_server->append(upsert(0, "category", category("pothole", "Pothole", "road_damage")));
    m_server->append(upsert(0, "category", category("lighting", "Street lighting")));
    json original = caseRecord(OriginalId, "CD-2026-000001", RoadsTeam, 5, {}, "open");
    original["categoryId"] = "road_damage";
    original["duplicateCount"] = 1;
    original["assignmentReason"] = "team queue: the team works by claiming";
    original["slaState"] = "running";
    original["firstResponseDueAt"] = "2026-03-02T10:00:00.000Z";
    json duplicate = caseRecord(DuplicateId, "CD-2026-000002", RoadsTeam, 4, {}, "open");
    duplicate["categoryId"] = "road_damage";
    duplicate["duplicateOf"] = OriginalId;
    duplicate["assignmentReason"] = "claimed by agent1";
    duplicate["slaState"] = "running";
    duplicate["firstResponseDueAt"] = "2026-03-02T10:00:00.000Z";
    duplicate["firstResponseAt"] = "2026-03-02T08:00:00.000Z";
    duplicate["updateDueAt"] = "2026-03-03T09:00:00.000Z";
    m_server->append(upsert(0, "case", original));
    m_server->append(upsert(0, "case", duplicate));
}

void tst_CaseAdditions::cleanup()
{
    m_session.reset();
    m_server.reset();
}

void tst_CaseAdditions::signIn()
{
    m_server->user.displayName = "Agent One";
    m_server->user.teamIds = { RoadsTeam };
    m_session = signInToScriptedServer(*m_server, m_dir->path());
    QVERIFY(m_session);
}

void tst_CaseAdditions::showsWhyCaseIsInQueue()
{
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    CaseView view(m_session.get());

    view.showCase(QString::fromStdString(DuplicateId));
    QCOMPARE(
        named<QLabel>(&view, "caseAssignmentLabel")->text(), QStringLiteral("Claimed by agent1"));

    view.showCase(QString::fromStdString(OriginalId));
    QCOMPARE(named<QLabel>(&view, "caseAssignmentLabel")->text(),
        QStringLiteral("Team queue: the team claims its cases"));
}

void tst_CaseAdditions::duplicateLinksToOriginalAndUnlinks()
{
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    CaseView view(m_session.get());
    view.show();
    view.showCase(QString::fromStdString(DuplicateId));
    auto *label = named<QLabel>(&view, "caseDuplicateLabel");
    QVERIFY2(
        label->text().contains(QStringLiteral(">CD-2026-000001</a>")), qPrintable(label->text()));
    auto *unlink = named<QPushButton>(&view, "unlinkDuplicateButton");
    QVERIFY(unlink->isVisible());

    QSignalSpy requested(&view, &CaseView::caseRequested);
    Q_EMIT label->linkActivated(QStringLiteral("case"));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), QString::fromStdString(OriginalId));

    whenModalShown([](QWidget *question) {
        auto *box = qobject_cast<QMessageBox *>(question);
        QVERIFY(box);
        box->buttons().constFirst()->click();
    });
    QTest::mouseClick(unlink, Qt::LeftButton);

    QTRY_COMPARE(m_server->mutations.size(), std::size_t(1));
    QCOMPARE(m_server->mutations.front().op, std::string("unlink_duplicate"));
    QCOMPARE(m_server->mutations.front().entityId, DuplicateId);
}

void tst_CaseAdditions::originalCountsLinkedReports()
{
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    CaseView view(m_session.get());
    view.show();

    view.showCase(QString::fromStdString(OriginalId));

    QCOMPARE(
        named<QLabel>(&view, "caseDuplicateLabel")->text(), QStringLiteral("1 linked report(s)"));
    QVERIFY(!named<QPushButton>(&view, "unlinkDuplicateButton")->isVisible());
}

void tst_CaseAdditions::changeCategoryQueuesRecategorise()
{
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    CaseView view(m_session.get());
    view.show();
    view.showCase(QString::fromStdString(OriginalId));

    whenModalShown([](QWidget *dialog) {
        auto *categories = named<QComboBox>(dialog, "categoryCombo");
        auto *subcategories = named<QComboBox>(dialog, "subcategoryCombo");
        QVERIFY(categories && subcategories);
        // Road damage offers its pothole subcategory, but lighting has none.
        QCOMPARE(subcategories->findData(QStringLiteral("pothole")), 1);
        categories->setCurrentIndex(categories->findData(QStringLiteral("lighting")));
        QCOMPARE(subcategories->count(), 1);
        qobject_cast<QDialog *>(dialog)->accept();
    });
    QTest::mouseClick(named<QPushButton>(&view, "changeCategoryButton"), Qt::LeftButton);

    QTRY_COMPARE(m_server->mutations.size(), std::size_t(1));
    const civicdesk::protocol::Mutation &mutation = m_server->mutations.front();
    QCOMPARE(mutation.op, std::string("recategorise"));
    QCOMPARE(mutation.args.at("categoryId").get<std::string>(), std::string("lighting"));
    const auto stored = m_session->repository()->caseById(QString::fromStdString(OriginalId));
    QVERIFY(stored);
    QCOMPARE(stored->categorySource, QStringLiteral("agent"));
    QVERIFY(named<QLabel>(&view, "caseCategoryLabel")->text().startsWith("Street lighting ("));
}

void tst_CaseAdditions::showsReplyDueOfCurrentTarget()
{
    signIn();
    QVERIFY(!QTest::currentTestFailed());
    CaseView view(m_session.get());
    auto *title = named<QLabel>(&view, "caseReplyDueTitle");
    auto *value = named<QLabel>(&view, "caseReplyDueLabel");

    // Before the first response, its due time is shown and no update is due.
    view.showCase(QString::fromStdString(OriginalId));
    QVERIFY(!title->isHidden());
    QCOMPARE(title->text(), QStringLiteral("First response due:"));
    const QDateTime firstResponseDue(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
    QVERIFY2(value->text().startsWith(DisplayTexts::dateTime(firstResponseDue)),
        qPrintable(value->text()));

    // After it, the next update's due time replaces it.
    view.showCase(QString::fromStdString(DuplicateId));
    QCOMPARE(title->text(), QStringLiteral("Next update due:"));
    const QDateTime updateDue(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC);
    QVERIFY2(
        value->text().startsWith(DisplayTexts::dateTime(updateDue)), qPrintable(value->text()));
}

QTEST_MAIN(tst_CaseAdditions)
#include "tst_caseadditions.moc"
