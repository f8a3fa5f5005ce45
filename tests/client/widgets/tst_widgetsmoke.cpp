// Signs in through the real LoginWindow against a scripted server and opens a case and its
// citizen's 360° view through the real widgets.

#include "caseview.h"
#include "citizenwindow.h"
#include "clientwindows.h"
#include "displaytexts.h"
#include "loginwindow.h"
#include "mainwindow.h"
#include "scriptedserver.h"
#include "session/clientsession.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace CivicDesk;
using namespace civicdesk;

namespace {

constexpr auto Username = "agent";
constexpr auto Password = "correct horse battery";
constexpr auto Passphrase = "cache passphrase for tests";
constexpr auto UserId = "0b7f4a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
constexpr auto TeamId = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
constexpr auto PartyId = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a";
constexpr auto CaseId = "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b";
constexpr auto InteractionId = "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c";
constexpr auto CaseNumber = "CD-2024-000042";
constexpr auto CaseText = "Λακκούβα στο οδόστρωμα μπροστά στο σχολείο της οδού Αθηνάς.";

StaffUser demoUser()
{
    StaffUser user;
    user.id = UserId;
    user.username = Username;
    user.displayName = "Ελένη Αγγέλου";
    user.teamIds = { TeamId };
    return user;
}

template <typename Record>
protocol::Change upsert(std::int64_t seq, const std::string &entity, const Record &record)
{
    protocol::Change change;
    change.seq = seq;
    change.entity = entity;
    change.id = record.id;
    change.version = 1;
    change.data = record;
    return change;
}

Case demoCase()
{
    Case record;
    record.id = CaseId;
    record.number = CaseNumber;
    record.partyId = PartyId;
    record.channel = "portal";
    record.text = CaseText;
    record.categoryId = "road_damage";
    record.categoryConfidence = 0.87;
    record.categorySource = "model";
    record.language = "el";
    record.municipalityId = "9186";
    record.regionId = "9";
    record.status = "open";
    record.teamId = TeamId;
    record.assigneeId = UserId;
    record.routeRule = "category road_damage in Attica goes to Roads Athens";
    record.priority = 4.2;
    record.priorityFactors = { { "category", 3, 1, 3 }, { "region", 1, 0.5, 0.5 },
        { "timeOpen", 7, 0.1, 0.7 } };
    record.createdAt = "2024-04-29T08:15:00Z";
    record.updatedAt = "2024-04-29T08:15:00Z";
    return record;
}

std::vector<protocol::Change> demoChanges()
{
    const Region region { "9", "GR-I", "Αττική", "Attica" };
    const Municipality municipality { "9186", "45", "9", "Αθηναίων", "Athens" };
    const Team team { TeamId, "", "ROADS-ATH", "Οδοποιία Αθήνας", "Roads Athens", "9", false };
    const Category category { "road_damage", "Φθορές οδοστρώματος", "Road damage", 3.0 };

    Party party;
    party.id = PartyId;
    party.firstName = "Δοκιμή";
    party.lastName = "Παπαδοπούλου";
    party.afm = "090000045";
    party.amka = "01018045672";
    party.email = "dokimi@example.org";
    party.phone = "+302100000000";
    party.municipalityId = "9186";
    party.fictitious = true;
    party.createdAt = "2024-04-29T08:00:00Z";

    const Interaction interaction { InteractionId, PartyId, CaseId, "submission", "portal",
        CaseText, "", "2024-04-29T08:15:00Z" };

    return { upsert(1, "region", region), upsert(2, "municipality", municipality),
        upsert(3, "team", team), upsert(4, "user", demoUser()), upsert(5, "category", category),
        upsert(6, "party", party), upsert(7, "case", demoCase()),
        upsert(8, "interaction", interaction) };
}

template <typename Widget> Widget *child(QObject *parent, const char *name)
{
    auto *widget = parent->findChild<Widget *>(QLatin1String(name));
    if (!widget) {
        qWarning("widget %s not found", name);
    }
    return widget;
}

} // namespace

class tst_WidgetSmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serverAddressValidation_data();
    void serverAddressValidation();
    void wrongPasswordShowsError();
    void busyServerShowsNotice();
    void signInOpensCaseAndCitizen();
    void languageMenuReloadsNames();

private:
    QTemporaryDir m_dataDirectory;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<ClientSession> m_session;
    std::unique_ptr<ClientWindows> m_windows;
};

void tst_WidgetSmoke::initTestCase()
{
    qputenv("CIVICDESK_NO_KEYCHAIN", "1");
    QVERIFY(m_dataDirectory.isValid());
}

void tst_WidgetSmoke::serverAddressValidation_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("ws address") << "ws://127.0.0.1:8080/ws" << true;
    QTest::newRow("wss address") << "wss://civicdesk.example.org/ws" << true;
    QTest::newRow("http address") << "http://127.0.0.1:8080/ws" << false;
    QTest::newRow("no host") << "ws:///ws" << false;
    QTest::newRow("not a url") << "127.0.0.1 8080" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_WidgetSmoke::serverAddressValidation()
{
    QFETCH(QString, address);
    QFETCH(bool, accepted);

    QTemporaryDir directory;
    ClientSession session(directory.path());
    LoginWindow login(&session);
    login.show();
    child<QLineEdit>(&login, "serverEdit")->setText(address);
    QTest::keyClicks(child<QLineEdit>(&login, "usernameEdit"), QStringLiteral("agent"));
    QTest::keyClicks(child<QLineEdit>(&login, "passwordEdit"), QStringLiteral("secret"));
    QTest::keyClicks(child<QLineEdit>(&login, "passphraseEdit"), QStringLiteral("phrase"));

    QCOMPARE(child<QPushButton>(&login, "signInButton")->isEnabled(), accepted);
    QCOMPARE(child<QLabel>(&login, "serverError")->isVisible(), !accepted);
}

void tst_WidgetSmoke::wrongPasswordShowsError()
{
    ScriptedServer server(Username, Password, demoUser(), demoChanges());
    QVERIFY(server.listen());
    QTemporaryDir directory;
    ClientSession session(directory.path());
    LoginWindow login(&session);
    login.show();
    login.setServerAddress(server.url().toString());
    login.setUsername(QString::fromUtf8(Username));
    login.setSecrets(QStringLiteral("wrong password"), QString::fromUtf8(Passphrase));

    QSignalSpy failed(&session, &ClientSession::signInFailed);
    QVERIFY(login.submit());
    QVERIFY(!child<QPushButton>(&login, "signInButton")->isEnabled());
    QVERIFY(failed.wait(15000));

    QCOMPARE(failed.first().first().value<ClientSession::ErrorCode>(),
        ClientSession::ErrorCode::InvalidCredentials);
    QCOMPARE(child<QLabel>(&login, "statusLabel")->text(),
        DisplayTexts::signInError(ClientSession::ErrorCode::InvalidCredentials));
    QVERIFY(child<QPushButton>(&login, "signInButton")->isEnabled());
}

void tst_WidgetSmoke::busyServerShowsNotice()
{
    ScriptedServer server(Username, Password, demoUser(), demoChanges());
    QVERIFY(server.listen());
    server.setBusyLogins(1);
    QTemporaryDir directory;
    ClientSession session(directory.path());
    LoginWindow login(&session);
    login.show();
    login.setServerAddress(server.url().toString());
    login.setUsername(QString::fromUtf8(Username));
    login.setSecrets(QString::fromUtf8(Password), QString::fromUtf8(Passphrase));

    QSignalSpy busy(&session, &ClientSession::serverBusyChanged);
    QSignalSpy signedIn(&session, &ClientSession::signedIn);
    QSignalSpy failed(&session, &ClientSession::signInFailed);
    QVERIFY(login.submit());
    QVERIFY(busy.wait(15000));

    auto *status = child<QLabel>(&login, "statusLabel");
    QCOMPARE(status->text(), DisplayTexts::serverBusyNotice());
    QVERIFY(!child<QPushButton>(&login, "signInButton")->isEnabled());
    // The server's retryAfter of 1 s passes, and the second login succeeds.
    QVERIFY(signedIn.wait(15000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(server.loginCount(), 2);
    QVERIFY(status->text().isEmpty());
}

void tst_WidgetSmoke::signInOpensCaseAndCitizen()
{
    m_server = std::make_unique<ScriptedServer>(Username, Password, demoUser(), demoChanges());
    ScriptedServer &server = *m_server;
    QVERIFY(server.listen());

    m_session = std::make_unique<ClientSession>(m_dataDirectory.path());
    QVERIFY(!m_session->keychainAvailable());
    m_windows = std::make_unique<ClientWindows>(m_session.get());
    ClientWindows &windows = *m_windows;
    windows.start();
    LoginWindow *login = windows.loginWindow();
    QVERIFY(QTest::qWaitForWindowExposed(login));

    auto *passphraseEdit = child<QLineEdit>(login, "passphraseEdit");
    QVERIFY(passphraseEdit->isVisible());
    auto *serverEdit = child<QLineEdit>(login, "serverEdit");
    serverEdit->clear();
    QTest::keyClicks(serverEdit, server.url().toString());
    QTest::keyClicks(child<QLineEdit>(login, "usernameEdit"), QString::fromUtf8(Username));
    QTest::keyClicks(child<QLineEdit>(login, "passwordEdit"), QString::fromUtf8(Password));
    QTest::keyClicks(passphraseEdit, QString::fromUtf8(Passphrase));
    auto *signInButton = child<QPushButton>(login, "signInButton");
    QVERIFY(signInButton->isEnabled());
    QTest::mouseClick(signInButton, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(windows.mainWindow() != nullptr, 15000);
    QCOMPARE(server.loginCount(), 1);
    MainWindow *mainWindow = windows.mainWindow();
    auto *caseTable = child<QTableView>(mainWindow, "caseTable");
    QTRY_COMPARE_WITH_TIMEOUT(caseTable->model()->rowCount(), 1, 15000);

    const QRect firstRow = caseTable->visualRect(caseTable->model()->index(0, 0));
    QTest::mouseClick(caseTable->viewport(), Qt::LeftButton, {}, firstRow.center());
    QTRY_COMPARE(mainWindow->caseView()->caseId(), QString::fromLatin1(CaseId));
    QCOMPARE(child<QLabel>(mainWindow, "caseNumberLabel")->text(), QString::fromLatin1(CaseNumber));
    QCOMPARE(child<QPlainTextEdit>(mainWindow, "caseRequestText")->toPlainText(),
        QString::fromUtf8(CaseText));

    auto *timeline = child<QListView>(mainWindow->caseView(), "timelineView");
    QTRY_COMPARE(timeline->model()->rowCount(), 1);
    QTest::keyClicks(
        child<QPlainTextEdit>(mainWindow, "noteEdit"), QStringLiteral("Called the citizen back."));
    QTest::mouseClick(child<QPushButton>(mainWindow, "addNoteButton"), Qt::LeftButton);
    QTRY_COMPARE(timeline->model()->rowCount(), 2);
    QVERIFY(child<QPlainTextEdit>(mainWindow, "noteEdit")->toPlainText().isEmpty());

    QTest::mouseClick(child<QPushButton>(mainWindow, "citizenButton"), Qt::LeftButton);
    CitizenWindow *citizen = nullptr;
    QTRY_VERIFY((citizen = mainWindow->findChild<CitizenWindow *>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(citizen));
    QCOMPARE(
        child<QLabel>(citizen, "partyNameLabel")->text(), QStringLiteral("Δοκιμή Παπαδοπούλου"));
    QVERIFY(child<QLabel>(citizen, "fictitiousBadge")->isVisible());
    auto *casesTable = child<QTableWidget>(citizen, "partyCasesTable");
    QCOMPARE(casesTable->rowCount(), 1);
    QCOMPARE(casesTable->item(0, 0)->text(), QString::fromLatin1(CaseNumber));
    QTRY_COMPARE(child<QListView>(citizen, "timelineView")->model()->rowCount(), 2);
}

void tst_WidgetSmoke::languageMenuReloadsNames()
{
    QVERIFY(m_windows && m_windows->mainWindow());
    MainWindow *mainWindow = m_windows->mainWindow();
    auto *categoryLabel = child<QLabel>(mainWindow->caseView(), "caseCategoryLabel");
    QVERIFY(categoryLabel->text().contains(QStringLiteral("Φθορές οδοστρώματος")));

    QAction *english = nullptr;
    for (QAction *action : mainWindow->findChildren<QAction *>()) {
        if (action->text() == QLatin1String("English")) {
            english = action;
        }
    }
    QVERIFY(english);
    QSignalSpy requested(m_windows.get(), &ClientWindows::languageChangeRequested);
    english->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("en"));

    // The app installs its translator at this point, and the windows then show English names.
    m_windows->setLanguage(QStringLiteral("en"));
    QVERIFY(english->isChecked());
    QVERIFY(categoryLabel->text().contains(QStringLiteral("Road damage")));
    m_windows.reset();
    m_session.reset();
}

QTEST_MAIN(tst_WidgetSmoke)
#include "tst_widgetsmoke.moc"
