// The conflicts window against the core tests' scripted server: both versions of the
// selected edit, keep mine for a selection, take the server's, a merged note, live updates,
// and opening the window from the status bar and the File menu.

#include "../core/scriptedserver.h"
#include "../core/testsupport.h"
#include "conflictlistmodel.h"
#include "conflictmergedialog.h"
#include "conflictsdialog.h"
#include "mainwindow.h"
#include "session/clientsession.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace CivicDesk;
using namespace TestSupport;

namespace {

const std::string TeamId = uuid(100);

QString id(int number)
{
    return QString::fromStdString(uuid(number));
}

template <typename Widget> Widget *named(QObject *parent, const char *name)
{
    return parent->findChild<Widget *>(QLatin1String(name));
}

QPushButton *button(QObject *dialog, const char *name)
{
    return named<QPushButton>(dialog, name);
}

} // namespace

class tst_ConflictsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsBothVersions();
    void keepMineForSelection();
    void takeServerDropsEdit();
    void mergeSendsEditedNote();
    void followsNewRejections();
    void forbiddenEditOffersDismiss();
    void opensFromStatusBarAndMenu();

private:
    /** Runs edit while the server rejects it with code, and returns its mutation id. */
    QString rejected(const std::function<QString()> &edit,
        civicdesk::protocol::ErrorCode code = civicdesk::protocol::ErrorCode::MutationConflict);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ClientSession> m_session;
};

void tst_ConflictsDialog::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
}

void tst_ConflictsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_server->user.teamIds = { TeamId };
    m_server->append(upsert(0, "team", teamRecord(TeamId, "Τεχνικές υπηρεσίες", "Technical")));
    m_server->append(upsert(0, "case", caseRecord(uuid(30), "CD-30", TeamId, 4.0, {}, "open")));
    m_server->append(upsert(0, "case", caseRecord(uuid(31), "CD-31", TeamId, 3.0, {}, "open")));
    m_session = signInToScriptedServer(*m_server, m_dir->path());
    QVERIFY(m_session);
}

void tst_ConflictsDialog::cleanup()
{
    m_session.reset();
    m_server.reset();
}

QString tst_ConflictsDialog::rejected(
    const std::function<QString()> &edit, civicdesk::protocol::ErrorCode code)
{
    m_server->rejectMutations = true;
    m_server->rejectCode = code;
    QSignalSpy spy(m_session.get(), &ClientSession::editRejected);
    const QString mutationId = edit();
    if (mutationId.isEmpty() || !spy.wait(5000)) {
        return {};
    }
    m_server->rejectMutations = false;
    return mutationId;
}

void tst_ConflictsDialog::showsBothVersions()
{
    const QString status =
        rejected([this] { return m_session->setCaseStatus(id(30), "resolved"); });
    QVERIFY(!status.isEmpty());
    ConflictsDialog dialog(m_session.get());
    dialog.show();
    auto *list = named<QTableView>(&dialog, "conflictList");
    QAbstractItemModelTester tester(list->model());

    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, ConflictListModel::RecordColumn).data().toString(),
        QStringLiteral("Case CD-30"));
    QCOMPARE(list->model()->index(0, ConflictListModel::ChangeColumn).data().toString(),
        QStringLiteral("Status change"));
    QCOMPARE(list->model()->index(0, ConflictListModel::FieldsColumn).data().toString(),
        QStringLiteral("Status"));
    QCOMPARE(dialog.selectedMutationIds(), QStringList { status });
    auto *fields = named<QTableWidget>(&dialog, "conflictFieldsTable");
    QCOMPARE(fields->rowCount(), 1);
    QCOMPARE(fields->item(0, 0)->text(), QStringLiteral("Status"));
    QCOMPARE(fields->item(0, 1)->text(), QStringLiteral("Resolved"));
    QCOMPARE(fields->item(0, 2)->text(), QStringLiteral("Open"));
    QVERIFY(fields->item(0, 1)->font().bold());
    const QString reason = named<QLabel>(&dialog, "conflictReasonLabel")->text();
    QVERIFY2(reason.contains(QStringLiteral("someone else changed the case")), qPrintable(reason));
    QVERIFY(reason.contains(QStringLiteral("the case changed on the server")));
    QVERIFY(named<QLabel>(&dialog, "conflictObstacleLabel")->isHidden());
    QVERIFY(button(&dialog, "keepMineButton")->isEnabled());
    QVERIFY(!button(&dialog, "mergeButton")->isEnabled());
}

void tst_ConflictsDialog::keepMineForSelection()
{
    const QString first = rejected([this] { return m_session->setCaseStatus(id(30), "resolved"); });
    const QString second = rejected([this] { return m_session->claimCase(id(31)); });
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    ConflictsDialog dialog(m_session.get());
    dialog.show();
    dialog.selectMutations({ first, second });

    QTest::mouseClick(button(&dialog, "keepMineButton"), Qt::LeftButton);

    QTRY_COMPARE(m_server->mutations.size(), std::size_t(4));
    QCOMPARE(m_server->mutations.at(2).op, std::string("status"));
    QCOMPARE(m_server->mutations.at(3).op, std::string("claim"));
    QCOMPARE(named<QTableView>(&dialog, "conflictList")->model()->rowCount(), 0);
    QCOMPARE(m_session->rejectedCount(), 0);
    QVERIFY(!button(&dialog, "keepMineButton")->isEnabled());
    QVERIFY(named<QLabel>(&dialog, "conflictsStatusLabel")->text().isEmpty());
}

void tst_ConflictsDialog::takeServerDropsEdit()
{
    const QString status =
        rejected([this] { return m_session->setCaseStatus(id(30), "resolved"); });
    QVERIFY(!status.isEmpty());
    ConflictsDialog dialog(m_session.get());
    dialog.show();
    dialog.selectMutations({ status });

    QTest::mouseClick(button(&dialog, "takeServerButton"), Qt::LeftButton);

    QCOMPARE(m_session->rejectedCount(), 0);
    QCOMPARE(m_session->pendingCount(), 0);
    QCOMPARE(named<QTableView>(&dialog, "conflictList")->model()->rowCount(), 0);
    QCOMPARE(m_server->mutations.size(), std::size_t(1));
}

void tst_ConflictsDialog::mergeSendsEditedNote()
{
    const QString note = rejected([this] { return m_session->addCaseNote(id(30), "First draft"); },
        civicdesk::protocol::ErrorCode::MutationInvalid);
    QVERIFY(!note.isEmpty());
    ConflictsDialog dialog(m_session.get());
    dialog.show();
    dialog.selectMutations({ note });
    QVERIFY(button(&dialog, "mergeButton")->isEnabled());

    QString offeredText;
    QTimer::singleShot(0, &dialog, [&dialog, &offeredText] {
        auto *merge = dialog.findChild<ConflictMergeDialog *>();
        auto *text = merge ? named<QPlainTextEdit>(merge, "merged_text") : nullptr;
        if (!text) {
            if (merge) {
                merge->reject();
            }
            return;
        }
        offeredText = text->toPlainText();
        text->setPlainText(QStringLiteral("Second draft"));
        QTest::mouseClick(button(merge, "sendMergeButton"), Qt::LeftButton);
    });
    QTest::mouseClick(button(&dialog, "mergeButton"), Qt::LeftButton);

    QCOMPARE(offeredText, QStringLiteral("First draft"));
    QTRY_COMPARE(m_server->mutations.size(), std::size_t(2));
    QCOMPARE(m_server->mutations.at(1).op, std::string("note"));
    QCOMPARE(
        m_server->mutations.at(1).args.at("text").get<std::string>(), std::string("Second draft"));
    QCOMPARE(named<QTableView>(&dialog, "conflictList")->model()->rowCount(), 0);
}

void tst_ConflictsDialog::followsNewRejections()
{
    ConflictsDialog dialog(m_session.get());
    dialog.show();
    auto *list = named<QTableView>(&dialog, "conflictList");
    QCOMPARE(list->model()->rowCount(), 0);
    QVERIFY(named<QLabel>(&dialog, "conflictSummaryLabel")->text().startsWith("No rejected"));

    QVERIFY(!rejected([this] { return m_session->setCaseStatus(id(30), "resolved"); }).isEmpty());
    QCOMPARE(list->model()->rowCount(), 1);
    QVERIFY(!rejected([this] { return m_session->setCaseStatus(id(31), "waiting"); }).isEmpty());
    QCOMPARE(list->model()->rowCount(), 2);

    m_session->dismissRejectedEdit(m_session->rejectedEdits().first().mutationId);
    QCOMPARE(list->model()->rowCount(), 1);
}

void tst_ConflictsDialog::forbiddenEditOffersDismiss()
{
    const QString status = rejected([this] { return m_session->setCaseStatus(id(30), "resolved"); },
        civicdesk::protocol::ErrorCode::MutationForbidden);
    QVERIFY(!status.isEmpty());
    ConflictsDialog dialog(m_session.get());
    dialog.show();

    QVERIFY(!button(&dialog, "keepMineButton")->isEnabled());
    QVERIFY(!button(&dialog, "mergeButton")->isEnabled());
    QCOMPARE(button(&dialog, "takeServerButton")->text(), QStringLiteral("&Dismiss"));
    QVERIFY(named<QLabel>(&dialog, "conflictObstacleLabel")->isVisible());
    QVERIFY(
        named<QLabel>(&dialog, "conflictObstacleLabel")->text().contains("no longer have access"));

    QTest::mouseClick(button(&dialog, "takeServerButton"), Qt::LeftButton);
    QCOMPARE(m_session->rejectedCount(), 0);
}

void tst_ConflictsDialog::opensFromStatusBarAndMenu()
{
    QVERIFY(!rejected([this] { return m_session->setCaseStatus(id(30), "resolved"); }).isEmpty());
    MainWindow window(m_session.get(), QStringLiteral("en"));
    window.show();
    auto *count = named<QLabel>(&window, "rejectedLabel");
    QVERIFY(count->isVisible());
    QCOMPARE(count->text(), QStringLiteral("1 change(s) rejected"));

    QTest::mouseClick(count, Qt::LeftButton);

    auto *dialog = window.findChild<ConflictsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->close();

    QAction *menuItem = nullptr;
    for (QAction *action : window.menuBar()->actions().first()->menu()->actions()) {
        if (action->text() == QStringLiteral("&Conflicts…")) {
            menuItem = action;
        }
    }
    QVERIFY(menuItem);
    menuItem->trigger();
    QVERIFY(dialog->isVisible());
    QCOMPARE(window.findChildren<ConflictsDialog *>().size(), 1);

    QTest::mouseClick(button(dialog, "takeServerButton"), Qt::LeftButton);
    QVERIFY(count->isHidden());
}

QTEST_MAIN(tst_ConflictsDialog)
#include "tst_conflictsdialog.moc"
