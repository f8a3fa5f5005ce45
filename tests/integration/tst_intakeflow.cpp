// Intake end to end. Requests POSTed to the real server in Greek, unaccented Greek, Greeklish
// and English reach the signed-in supervisor's cache with their category, confidence, routing
// explanation, priority breakdown and due time. A routing rule and the priority weights
// changed from the client take effect on the server and come back to the client.
#include "data/repository.h"
#include "domain/ids.h"
#include "priority/priority.h"
#include "serverprocess.h"
#include "session/clientsession.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <nlohmann/json.hpp>

using CivicDesk::ClientSession;

namespace {

constexpr int ImportedRows = 300;
constexpr int SyncTimeoutMs = 90000;
constexpr int PushTimeoutMs = 20000;
const QString Athens = QStringLiteral("9186");

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

struct Created
{
    int status = 0;
    nlohmann::json body;
};

} // namespace

class tst_IntakeFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requestReachesQueueExplained_data();
    void requestReachesQueueExplained();
    void ruleFromClientRoutesNextRequest();
    void invalidRuleRejectedWithReason();
    void weightsFromClientRescoreCases();
    void cleanupTestCase();

private:
    Created submit(const QString &text, const QString &category = {});
    std::optional<CivicDesk::CaseInfo> waitForCase(const QString &caseId);

    QTemporaryDir m_serverDir;
    QTemporaryDir m_clientDir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ClientSession> m_session;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};

void tst_IntakeFlow::initTestCase()
{
    QVERIFY(m_serverDir.isValid());
    QVERIFY(m_clientDir.isValid());
    m_server = std::make_unique<ServerProcess>(m_serverDir.path());
    QVERIFY2(m_server->importData(ImportedRows), qPrintable(m_server->errorString()));
    m_port = freeLoopbackPort();
    QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorString()));

    m_session = std::make_unique<ClientSession>(m_clientDir.path());
    QSignalSpy synced(m_session.get(), &ClientSession::syncFinished);
    QSignalSpy failed(m_session.get(), &ClientSession::signInFailed);
    m_session->signIn({ QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)),
        QStringLiteral("supervisor"), QStringLiteral("civicdesk-supervisor"),
        QStringLiteral("intake-flow-passphrase") });
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty() || !failed.isEmpty(), SyncTimeoutMs);
    QVERIFY2(failed.isEmpty(), "the supervisor's sign-in failed");
}

Created tst_IntakeFlow::submit(const QString &text, const QString &category)
{
    nlohmann::json body = { { "text", text.toStdString() },
        { "municipalityId", Athens.toStdString() },
        { "contact", { { "firstName", "Ελένη" }, { "lastName", "Δοκιμαστική" } } } };
    if (!category.isEmpty()) {
        body["category"] = category.toStdString();
    }
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/requests").arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network.post(request, QByteArray::fromStdString(body.dump()));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Created created;
    created.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    created.body = nlohmann::json::parse(reply->readAll().toStdString(), nullptr, false);
    reply->deleteLater();
    return created;
}

std::optional<CivicDesk::CaseInfo> tst_IntakeFlow::waitForCase(const QString &caseId)
{
    std::optional<CivicDesk::CaseInfo> found;
    QTest::qWaitFor(
        [&] {
            found = m_session->repository()->caseById(caseId);
            return found.has_value();
        },
        PushTimeoutMs);
    return found;
}

void tst_IntakeFlow::requestReachesQueueExplained_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("language");

    QTest::newRow("greek")
        << QStringLiteral("Ένα αυτοκίνητο είναι παρατημένο στον δρόμο μας εδώ και δύο μήνες, "
                          "σκουριασμένο και χωρίς πινακίδες.")
        << QStringLiteral("abandoned_vehicle") << QStringLiteral("el");
    QTest::newRow("greek without accents")
        << QStringLiteral("ενα αυτοκινητο ειναι παρατημενο στον δρομο μας εδω και δυο μηνες, "
                          "σκουριασμενο και χωρις πινακιδες")
        << QStringLiteral("abandoned_vehicle") << QStringLiteral("el");
    QTest::newRow("greeklish")
        << QStringLiteral("Ena autokinito einai paratimeno ston dromo mas edw kai dyo mines, "
                          "skouriasmeno kai xwris pinakides")
        << QStringLiteral("abandoned_vehicle") << QStringLiteral("el");
    QTest::newRow("english")
        << QStringLiteral("A car has been parked on the sidewalk blocking the wheelchair ramp "
                          "every day this week, please ticket it.")
        << QStringLiteral("illegal_parking") << QStringLiteral("en");
}

void tst_IntakeFlow::requestReachesQueueExplained()
{
    QFETCH(QString, text);
    QFETCH(QString, category);
    QFETCH(QString, language);

    const Created created = submit(text);
    QCOMPARE(created.status, 201);
    const QString caseId = QString::fromStdString(created.body.at("caseId").get<std::string>());
    const auto cached = waitForCase(caseId);
    QVERIFY2(cached, "the new case did not reach the supervisor's cache");

    QCOMPARE(cached->categoryId, category);
    QCOMPARE(cached->language, language);
    QVERIFY(cached->categoryConfidence > 0 && cached->categoryConfidence <= 1);
    QCOMPARE(cached->teamId, QString::fromStdString(created.body.at("teamId").get<std::string>()));
    QVERIFY2(cached->routeRule.contains(category) || cached->routeRule.contains("triage"),
        qPrintable(cached->routeRule));
    QVERIFY(cached->dueAt.isValid());

    // The breakdown lists every factor and adds up to the score.
    QCOMPARE(cached->priorityFactors.size(), int(civicdesk::priority::factorNames().size()));
    double sum = 0;
    for (const CivicDesk::PriorityFactorInfo &factor : cached->priorityFactors) {
        sum += factor.contribution;
    }
    QVERIFY2(qAbs(sum - cached->priority) < 0.01,
        qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(cached->priority)));
}

void tst_IntakeFlow::ruleFromClientRoutesNextRequest()
{
    // A request with a chosen category shows where it goes before the new rule.
    const QString text = QStringLiteral("Εγκαταλελειμμένο όχημα στην οδό Πατησίων %1")
                             .arg(QString::fromStdString(civicdesk::generateUuid()).left(8));
    const Created before = submit(text, QStringLiteral("abandoned_vehicle"));
    QCOMPARE(before.status, 201);
    const auto first = waitForCase(QString::fromStdString(before.body.at("caseId").get<std::string>()));
    QVERIFY(first);

    // Choose another team of the same region that is not a triage team.
    const QList<CivicDesk::TeamInfo> teams = m_session->repository()->teams();
    QString region;
    for (const CivicDesk::TeamInfo &team : teams) {
        if (team.id == first->teamId) {
            region = team.regionId;
        }
    }
    QString otherTeam;
    for (const CivicDesk::TeamInfo &team : teams) {
        if (team.id != first->teamId && team.regionId == region && !team.triage) {
            otherTeam = team.id;
            break;
        }
    }
    QVERIFY2(!otherTeam.isEmpty(), "no second team in the case's region");

    QSignalSpy acknowledged(m_session.get(), &ClientSession::editAcknowledged);
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    const nlohmann::json rule = { { "categoryId", "abandoned_vehicle" },
        { "subcategoryId", nullptr }, { "areaLevel", "municipality" },
        { "areaId", Athens.toStdString() }, { "teamId", otherTeam.toStdString() },
        { "teamCode", nullptr }, { "precedence", 5 },
        { "effectiveFrom", "2020-01-01T00:00:00Z" }, { "effectiveTo", nullptr },
        { "retired", false }, { "note", "Athens abandoned vehicles go to the second team" } };
    const QString mutationId = m_session->saveRoutingRule(QStringLiteral("create"), {}, 0, rule);
    QVERIFY(!mutationId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!acknowledged.isEmpty() || !rejected.isEmpty(), PushTimeoutMs);
    QVERIFY2(rejected.isEmpty(),
        rejected.isEmpty() ? "" : qPrintable(rejected.first().at(4).toString()));

    const Created after = submit(text + QStringLiteral(" ξανά"), QStringLiteral("abandoned_vehicle"));
    QCOMPARE(after.status, 201);
    QCOMPARE(QString::fromStdString(after.body.at("teamId").get<std::string>()), otherTeam);
    const auto second = waitForCase(QString::fromStdString(after.body.at("caseId").get<std::string>()));
    QVERIFY(second);
    QVERIFY2(second->routeRule.contains(QStringLiteral("in municipality 9186")),
        qPrintable(second->routeRule));
    QVERIFY(m_session->repository()->routingRules().size() > 0);
}

void tst_IntakeFlow::invalidRuleRejectedWithReason()
{
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    const nlohmann::json rule = { { "categoryId", "abandoned_vehicle" },
        { "areaLevel", "municipality" }, { "areaId", Athens.toStdString() },
        { "teamId", civicdesk::generateUuid() }, { "precedence", 6 },
        { "effectiveFrom", "2020-01-01T00:00:00Z" }, { "retired", false }, { "note", "" } };
    QVERIFY(!m_session->saveRoutingRule(QStringLiteral("create"), {}, 0, rule).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!rejected.isEmpty(), PushTimeoutMs);
    QCOMPARE(rejected.first().at(3).toString(), QStringLiteral("mutation.invalid"));
    QVERIFY2(rejected.first().at(4).toString().contains(QStringLiteral("team")),
        qPrintable(rejected.first().at(4).toString()));
}

void tst_IntakeFlow::weightsFromClientRescoreCases()
{
    const auto current = m_session->repository()->priorityWeights();
    QVERIFY2(current, "the priority weights did not reach the client");
    civicdesk::PriorityWeights weights = current->first;
    const double newCategoryWeight = weights.factorWeights["category"] + 7;
    weights.factorWeights["category"] = newCategoryWeight;

    nlohmann::json args = weights;
    args.erase("id");
    args.erase("changedBy");
    args.erase("changedAt");
    QSignalSpy acknowledged(m_session.get(), &ClientSession::editAcknowledged);
    QSignalSpy rejected(m_session.get(), &ClientSession::editRejected);
    QVERIFY(!m_session->savePriorityWeights(current->second, args).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!acknowledged.isEmpty() || !rejected.isEmpty(), PushTimeoutMs);
    QVERIFY2(rejected.isEmpty(),
        rejected.isEmpty() ? "" : qPrintable(rejected.first().at(4).toString()));

    // The server re-scores open cases and pushes them: the category factor's weight changes.
    const Created created = submit(QStringLiteral("Παρκαρισμένο αυτοκίνητο πάνω στη ράμπα αναπήρων"),
        QStringLiteral("illegal_parking"));
    QCOMPARE(created.status, 201);
    const auto kase = waitForCase(QString::fromStdString(created.body.at("caseId").get<std::string>()));
    QVERIFY(kase);
    bool seen = false;
    for (const CivicDesk::PriorityFactorInfo &factor : kase->priorityFactors) {
        if (factor.factor == QLatin1String("category")) {
            QCOMPARE(factor.weight, newCategoryWeight);
            seen = true;
        }
    }
    QVERIFY(seen);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->repository()->priorityWeights()->second,
        current->second + 1, PushTimeoutMs);
}

void tst_IntakeFlow::cleanupTestCase()
{
    m_session.reset();
    m_server.reset();
}

QTEST_GUILESS_MAIN(tst_IntakeFlow)
#include "tst_intakeflow.moc"
