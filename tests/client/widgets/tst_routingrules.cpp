// The routing rules window and editor against the core tests' scripted server. Covered: the
// form's checks before sending, the mutation Save queues, the server's reply shown in the form,
// and the table and history built from the cache.

#include "../core/scriptedserver.h"
#include "../core/testsupport.h"
#include "areacompleter.h"
#include "data/repository.h"
#include "mainwindow.h"
#include "routingruleeditor.h"
#include "routingrulesdialog.h"
#include "session/clientsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace TestSupport;
using namespace std::chrono_literals;
using Field = RoutingRuleCheck::Field;

namespace {

const std::string AtticaTeam = uuid(100);
const std::string MacedoniaTeam = uuid(101);
const std::string RuleId = uuid(40);

json area(const std::string &id, const std::string &regionId, const std::string &unitId,
    const std::string &nameEl, const std::string &nameEn)
{
    return { { "id", id }, { "regionId", regionId }, { "unitId", unitId }, { "iso", "GR" },
        { "nameEl", nameEl }, { "nameEn", nameEn } };
}

json team(const std::string &id, const std::string &code, const std::string &regionId,
    const std::string &nameEn)
{
    civicdesk::Team record { id, "", code, nameEn + " (el)", nameEn, regionId, false };
    return record;
}

json category(const std::string &id, const std::string &nameEn, const std::string &parentId = {})
{
    civicdesk::Category record { id, nameEn + " (el)", nameEn, 1.0, parentId };
    return record;
}

json rule()
{
    civicdesk::RoutingRuleRecord record;
    record.id = RuleId;
    record.categoryId = "road_damage";
    record.areaLevel = "region";
    record.areaId = "1";
    record.teamId = AtticaTeam;
    record.effectiveFrom = "2026-01-01T00:00:00Z";
    record.changedAt = "2026-01-01T00:00:00Z";
    return record;
}

json history(int number, int version, const std::string &action, const json &ruleRecord,
    const std::string &changedBy, const std::string &changedAt)
{
    return { { "id", uuid(number) }, { "ruleId", RuleId }, { "ruleVersion", version },
        { "action", action }, { "rule", ruleRecord },
        { "changedBy", changedBy.empty() ? json() : json(changedBy) }, { "changedAt", changedAt } };
}

template <typename Widget>
Widget *field(QObject *editor, const char *name)
{
    auto *found = editor->findChild<Widget *>(QLatin1String(name));
    if (!found) {
        qFatal("the editor has no field named %s", name);
    }
    return found;
}

} // namespace

class tst_RoutingRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void editorRejectsInvalidRule_data();
    void editorRejectsInvalidRule();
    void saveQueuesCreateMutation();
    void serverRejectionStaysInForm();
    void offlineSaveShowsQueued();
    void editSendsUpdateOnVersion();
    void retireQueuesNote();
    void tableShowsNamesAndState();
    void historyShowsPersonAndChanges();
    void completerIgnoresAccents();
    void supervisionMenuFollowsRole_data();
    void supervisionMenuFollowsRole();

private:
    void signIn(const std::string &role);
    void fillValidRule(RoutingRuleEditor &editor);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ClientSession> m_session;
};

void tst_RoutingRules::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
}

void tst_RoutingRules::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_server->append(upsert(0, "region", area("1", "", "", "Αττική", "Attica")));
    m_server->append(upsert(0, "region", area("2", "", "", "Κεντρική Μακεδονία", "Central Macedonia")));
    m_server->append(upsert(0, "regionalUnit", area("47", "1", "", "Κεντρικού Τομέα Αθηνών", "Central Athens")));
    m_server->append(upsert(0, "municipality", area("9186", "1", "47", "Αθηναίων", "Athens")));
    m_server->append(upsert(0, "municipality", area("9999", "2", "", "Θεσσαλονίκης", "Thessaloniki")));
    m_server->append(upsert(0, "team", team(AtticaTeam, "ROADS-ATH", "1", "Roads Athens")));
    m_server->append(upsert(0, "team", team(MacedoniaTeam, "ROADS-THE", "2", "Roads Thessaloniki")));
    m_server->append(upsert(0, "category", category("road_damage", "Road damage")));
    m_server->append(upsert(0, "category", category("pothole", "Pothole", "road_damage")));
    m_server->append(upsert(0, "category", category("lighting", "Street lighting")));
    m_server->append(upsert(0, "routingRule", rule(), 3));
    json changed = rule();
    changed["precedence"] = 5;
    changed["note"] = "night shift";
    m_server->append(upsert(0, "routingRuleHistory",
        history(50, 1, "create", rule(), {}, "2026-01-01T00:00:00Z")));
    m_server->append(upsert(0, "routingRuleHistory",
        history(51, 2, "update", changed, uuid(1), "2026-02-01T00:00:00Z")));
}

void tst_RoutingRules::cleanup()
{
    m_session.reset();
    m_server.reset();
}

void tst_RoutingRules::signIn(const std::string &role)
{
    m_server->user.displayName = "Μαρία Supervisor";
    civicdesk::roleFromString(role, m_server->user.role);
    m_server->user.teamIds = { AtticaTeam };
    m_session = signInToScriptedServer(*m_server, m_dir->path());
    QVERIFY(m_session);
}

void tst_RoutingRules::fillValidRule(RoutingRuleEditor &editor)
{
    auto *categoryCombo = field<QComboBox>(&editor, "category");
    categoryCombo->setCurrentIndex(categoryCombo->findData(QStringLiteral("lighting")));
    auto *levelCombo = field<QComboBox>(&editor, "areaLevel");
    levelCombo->setCurrentIndex(levelCombo->findData(QStringLiteral("municipality")));
    field<QLineEdit>(&editor, "area")->setText(QStringLiteral("ΑΘΗΝΑΙΩΝ"));
    field<QRadioButton>(&editor, "byCode")->setChecked(true);
    field<QLineEdit>(&editor, "teamCode")->setText(QStringLiteral("ROADS-ATH"));
    field<QSpinBox>(&editor, "precedence")->setValue(5);
    field<QPlainTextEdit>(&editor, "note")->setPlainText(QStringLiteral("lights go to roads"));
}

void tst_RoutingRules::editorRejectsInvalidRule_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("problemField");

    QTest::newRow("no category") << "no category" << int(Field::Category);
    QTest::newRow("unknown area") << "unknown area" << int(Field::Area);
    QTest::newRow("area outside scope") << "other region" << int(Field::Area);
    QTest::newRow("any area as supervisor") << "any area" << int(Field::Area);
    QTest::newRow("no team") << "no team" << int(Field::Team);
    QTest::newRow("code of another region") << "other code" << int(Field::Team);
    QTest::newRow("end before start") << "end before start" << int(Field::Period);
    QTest::newRow("note too long") << "long note" << int(Field::Note);
    QTest::newRow("overlap with a rule") << "overlap" << int(Field::Precedence);
}

void tst_RoutingRules::editorRejectsInvalidRule()
{
    QFETCH(QString, change);
    QFETCH(int, problemField);
    signIn("supervisor");
    QVERIFY(!QTest::currentTestFailed());
    RoutingRuleEditor editor(m_session.get());
    fillValidRule(editor);
    auto *categoryCombo = field<QComboBox>(&editor, "category");
    auto *levelCombo = field<QComboBox>(&editor, "areaLevel");
    auto *areaEdit = field<QLineEdit>(&editor, "area");

    if (change == QLatin1String("no category")) {
        categoryCombo->setCurrentIndex(0);
    } else if (change == QLatin1String("unknown area")) {
        areaEdit->setText(QStringLiteral("Atlantis"));
    } else if (change == QLatin1String("other region")) {
        areaEdit->setText(QStringLiteral("thessaloniki"));
    } else if (change == QLatin1String("any area")) {
        levelCombo->setCurrentIndex(levelCombo->findData(QStringLiteral("any")));
    } else if (change == QLatin1String("no team")) {
        field<QRadioButton>(&editor, "byTeam")->setChecked(true);
    } else if (change == QLatin1String("other code")) {
        field<QLineEdit>(&editor, "teamCode")->setText(QStringLiteral("ROADS-THE"));
    } else if (change == QLatin1String("end before start")) {
        field<QCheckBox>(&editor, "ends")->setChecked(true);
        auto *from = field<QDateTimeEdit>(&editor, "effectiveFrom");
        field<QDateTimeEdit>(&editor, "effectiveTo")->setDateTime(from->dateTime().addSecs(-3600));
    } else if (change == QLatin1String("long note")) {
        field<QPlainTextEdit>(&editor, "note")->setPlainText(QString(501, QLatin1Char('x')));
    } else if (change == QLatin1String("overlap")) {
        categoryCombo->setCurrentIndex(categoryCombo->findData(QStringLiteral("road_damage")));
        levelCombo->setCurrentIndex(levelCombo->findData(QStringLiteral("region")));
        areaEdit->setText(QStringLiteral("Attica"));
        field<QSpinBox>(&editor, "precedence")->setValue(0);
    }

    QVERIFY(editor.save().isEmpty());

    QVERIFY(!editor.problemText(Field(problemField)).isEmpty());
    QVERIFY(!editor.isWaiting());
    QCOMPARE(m_session->pendingCount(), 0);
    QVERIFY(m_server->mutations.empty());
}

void tst_RoutingRules::saveQueuesCreateMutation()
{
    signIn("supervisor");
    QVERIFY(!QTest::currentTestFailed());
    RoutingRuleEditor editor(m_session.get());
    editor.show();
    fillValidRule(editor);
    QSignalSpy saved(&editor, &RoutingRuleEditor::saved);

    const QString mutationId = editor.save();

    QVERIFY2(!mutationId.isEmpty(), qPrintable(editor.statusText()));
    QVERIFY(editor.isWaiting());
    QVERIFY(saved.wait(5000));
    QVERIFY(!editor.isVisible());
    QCOMPARE(m_server->mutations.size(), std::size_t(1));
    const auto &sent = m_server->mutations.front();
    QCOMPARE(QString::fromStdString(sent.entity), QStringLiteral("routingRule"));
    QCOMPARE(QString::fromStdString(sent.op), QStringLiteral("create"));
    QCOMPARE(qint64(sent.baseVersion), 0);
    QCOMPARE(saved.first().at(0).toString(), QString::fromStdString(sent.entityId));
    QCOMPARE(textOf(sent.args["categoryId"]), QStringLiteral("lighting"));
    QVERIFY(sent.args["subcategoryId"].is_null());
    QCOMPARE(textOf(sent.args["areaLevel"]), QStringLiteral("municipality"));
    QCOMPARE(textOf(sent.args["areaId"]), QStringLiteral("9186"));
    QCOMPARE(textOf(sent.args["teamCode"]), QStringLiteral("ROADS-ATH"));
    QVERIFY(sent.args["teamId"].is_null());
    QCOMPARE(textOf(sent.args["precedence"]), QStringLiteral("5"));
    QVERIFY(sent.args["effectiveTo"].is_null());
    QCOMPARE(textOf(sent.args["note"]), QStringLiteral("lights go to roads"));
    QVERIFY(!sent.args.contains("id"));
    QVERIFY(!sent.args.contains("changedBy"));
}

void tst_RoutingRules::serverRejectionStaysInForm()
{
    m_server->rejectMutations = true;
    m_server->rejectCode = civicdesk::protocol::ErrorCode::MutationInvalid;
    signIn("supervisor");
    QVERIFY(!QTest::currentTestFailed());
    RoutingRuleEditor editor(m_session.get());
    editor.show();
    fillValidRule(editor);

    QVERIFY(!editor.save().isEmpty());

    QTRY_VERIFY(!editor.isWaiting());
    QVERIFY(editor.isVisible());
    QVERIFY2(editor.statusText().contains(QStringLiteral("the case changed on the server")),
        qPrintable(editor.statusText()));
    QCOMPARE(QString::fromStdString(editor.draft().categoryId), QStringLiteral("lighting"));
    QCOMPARE(QString::fromStdString(editor.draft().note), QStringLiteral("lights go to roads"));
    QCOMPARE(m_session->rejectedCount(), 0);
}

void tst_RoutingRules::offlineSaveShowsQueued()
{
    signIn("supervisor");
    QVERIFY(!QTest::currentTestFailed());
    m_server->shutDown();
    QTRY_COMPARE(m_session->state(), ClientSession::State::Offline);
    RoutingRuleEditor editor(m_session.get());
    fillValidRule(editor);

    QVERIFY(!editor.save().isEmpty());

    QVERIFY(editor.isWaiting());
    QVERIFY2(editor.statusText().contains(QStringLiteral("offline")), qPrintable(editor.statusText()));
    QCOMPARE(m_session->pendingCount(), 1);
}

void tst_RoutingRules::editSendsUpdateOnVersion()
{
    signIn("supervisor");
    QVERIFY(!QTest::currentTestFailed());
    RoutingRulesDialog dialog(m_session.get());
    RoutingRuleEditor *editor = dialog.openEditor(QString::fromStdString(RuleId));
    QCOMPARE(QString::fromStdString(editor->draft().categoryId), QStringLiteral("road_damage"));
    QCOMPARE(QString::fromStdString(editor->draft().areaId), QStringLiteral("1"));
    QCOMPARE(QString::fromStdString(editor->draft().teamId), QString::fromStdString(AtticaTeam));
    field<QSpinBox>(editor, "precedence")->setValue(7);

    QVERIFY2(!editor->save().isEmpty(), qPrintable(editor->statusText()));

    QTRY_COMPARE(m_server->mutations.size(), std::size_t(1));
    const auto &sent = m_server->mutations.front();
    QCOMPARE(QString::fromStdString(sent.op), QStringLiteral("update"));
    QCOMPARE(QString::fromStdString(sent.entityId), QString::fromStdString(RuleId));
    QCOMPARE(qint64(sent.baseVersion), 3);
    QCOMPARE(textOf(sent.args["precedence"]), QStringLiteral("7"));
}

void tst_RoutingRules::retireQueuesNote()
{
    signIn("supervisor");
    QVERIFY(!QTest::currentTestFailed());
    RoutingRulesDialog dialog(m_session.get());
    QVERIFY(dialog.retireRule(QString::fromStdString(RuleId), QString()).isEmpty());
    QVERIFY(dialog.statusText().contains(QStringLiteral("note")));

    QVERIFY(!dialog.retireRule(QString::fromStdString(RuleId), QStringLiteral("merged")).isEmpty());

    QTRY_COMPARE(m_server->mutations.size(), std::size_t(1));
    const auto &sent = m_server->mutations.front();
    QCOMPARE(QString::fromStdString(sent.op), QStringLiteral("retire"));
    QCOMPARE(qint64(sent.baseVersion), 3);
    QCOMPARE(textOf(sent.args["note"]), QStringLiteral("merged"));
    QTRY_COMPARE(dialog.statusText(), QStringLiteral("The server retired the rule."));
}

void tst_RoutingRules::tableShowsNamesAndState()
{
    signIn("supervisor");
    QVERIFY(!QTest::currentTestFailed());
    RoutingRulesDialog dialog(m_session.get());
    const QAbstractItemModel *model = dialog.rulesView()->model();

    QCOMPARE(model->rowCount(), 1);
    const int row = dialog.rowOfRule(QString::fromStdString(RuleId));
    QCOMPARE(row, 0);
    const auto cell = [model, row](int column) { return model->index(row, column).data().toString(); };
    QCOMPARE(cell(RoutingRulesDialog::CategoryColumn), QStringLiteral("Road damage"));
    QVERIFY(cell(RoutingRulesDialog::SubcategoryColumn).isEmpty());
    QCOMPARE(cell(RoutingRulesDialog::AreaLevelColumn), QStringLiteral("Region"));
    QCOMPARE(cell(RoutingRulesDialog::AreaColumn), QStringLiteral("Attica"));
    QCOMPARE(cell(RoutingRulesDialog::TeamColumn), QStringLiteral("Roads Athens"));
    QCOMPARE(cell(RoutingRulesDialog::PrecedenceColumn), QStringLiteral("0"));
    QCOMPARE(cell(RoutingRulesDialog::StateColumn), QStringLiteral("Active"));

    json retired = rule();
    retired["retired"] = true;
    m_server->sendPush(m_server->log.back().seq,
        { m_server->append(upsert(0, "routingRule", retired, 4)) });
    QTRY_COMPARE(model->index(0, RoutingRulesDialog::StateColumn).data().toString(),
        QStringLiteral("Retired"));
}

void tst_RoutingRules::historyShowsPersonAndChanges()
{
    signIn("supervisor");
    QVERIFY(!QTest::currentTestFailed());
    RoutingRulesDialog dialog(m_session.get());
    const QAbstractItemModel *model = dialog.historyView()->model();

    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Μαρία Supervisor"));
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("Changed"));
    const QString changes = model->index(0, 4).data().toString();
    QVERIFY2(changes.contains(QStringLiteral("precedence: 0 → 5")), qPrintable(changes));
    QVERIFY2(changes.contains(QStringLiteral("night shift")), qPrintable(changes));
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("Importer"));
    QCOMPARE(model->index(1, 2).data().toString(), QStringLiteral("Created"));
}

void tst_RoutingRules::completerIgnoresAccents()
{
    AreaCompleter completer;
    completer.setAreas({ { "9186", "Athens", "Αθηναίων", "Athens", "1", "47" },
                           { "9187", "Piraeus", "Πειραιώς", "Piraeus", "1", "48" } },
        QStringLiteral("en"));

    QCOMPARE(completer.areaIdForText(QStringLiteral("ΑΘΗΝΑΙΩΝ")), QStringLiteral("9186"));
    QCOMPARE(completer.areaIdForText(QStringLiteral("athens")), QStringLiteral("9186"));
    QCOMPARE(completer.areaIdForText(QStringLiteral("Piraeus (Πειραιώς)")), QStringLiteral("9187"));
    QVERIFY(completer.areaIdForText(QStringLiteral("αθην")).isEmpty());
    completer.setCompletionPrefix(QStringLiteral("πειραι"));
    QCOMPARE(completer.completionCount(), 1);
    QCOMPARE(completer.currentCompletion(), QStringLiteral("Piraeus (Πειραιώς)"));
    completer.setCompletionPrefix(QStringLiteral("ATH"));
    QCOMPARE(completer.completionCount(), 1);
}

void tst_RoutingRules::supervisionMenuFollowsRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("visible");

    QTest::newRow("agent") << "agent" << false;
    QTest::newRow("supervisor") << "supervisor" << true;
    QTest::newRow("admin") << "admin" << true;
}

void tst_RoutingRules::supervisionMenuFollowsRole()
{
    QFETCH(QString, role);
    QFETCH(bool, visible);
    signIn(role.toStdString());
    QVERIFY(!QTest::currentTestFailed());

    MainWindow window(m_session.get(), QStringLiteral("en"));

    bool found = false;
    for (QAction *action : window.menuBar()->actions()) {
        if (action->text() == QLatin1String("&Supervision")) {
            found = true;
            QCOMPARE(action->isVisible(), visible);
        }
    }
    QVERIFY(found);
}

QTEST_MAIN(tst_RoutingRules)
#include "tst_routingrules.moc"
