#include "http/handlerfactory.h"
#include "importer/referencedata.h"
#include "intake/classifiertraining.h"
#include "intake/intakeservice.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <QTemporaryDir>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

struct Reply
{
    int status = 0;
    nlohmann::json body;
};

} // namespace

class tst_RequestSubmit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void validSubmissionCreatesCase();
    void citizenCategoryIsUsed();
    void invalidSubmissionStoresNothing_data();
    void invalidSubmissionStoresNothing();
    void partyReusedBySameAfm();
    void sameAfmOtherNameKeepsContact();
    void healthReportsHead();
    void unknownPathAndMethod();

private:
    Reply send(const std::string &method, const std::string &path, const std::string &body = {},
        const std::string &contentType = "application/json");
    static nlohmann::json validBody();

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<TextClassifier> m_classifier;
    std::unique_ptr<IntakeService> m_intake;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    std::uint16_t m_port = 0;
};

void tst_RequestSubmit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::string resources = CIVICDESK_SOURCE_DIR "/resources";
    const std::string dataDir = m_dir.path().toStdString();
    m_store = SqliteStore::openFile(dataDir + "/civicdesk.sqlite");
    m_store->writeReferenceData(loadReferenceData(resources));
    ensureCategoryModel(resources, dataDir);
    m_classifier = TextClassifier::load(dataDir);
    m_intake = std::make_unique<IntakeService>(*m_store, *m_classifier);

    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_port = socket.address().port();
    m_server = std::make_unique<Poco::Net::HTTPServer>(
        new HandlerFactory(*m_store, *m_intake, {}), socket, new Poco::Net::HTTPServerParams);
    m_server->start();
}

void tst_RequestSubmit::cleanupTestCase()
{
    m_server->stopAll(true);
}

nlohmann::json tst_RequestSubmit::validBody()
{
    return { { "text", "Abandoned car with flat tyres parked on our street for three months" },
        { "municipalityId", "9186" },
        { "contact", { { "firstName", "Άννα" }, { "lastName", "Κωστή" } } } };
}

Reply tst_RequestSubmit::send(const std::string &method, const std::string &path,
    const std::string &body, const std::string &contentType)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", m_port);
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!body.empty()) {
        request.setContentType(contentType);
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;

    Poco::Net::HTTPResponse response;
    std::string text;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
    return { response.getStatus(), nlohmann::json::parse(text, nullptr, false) };
}

void tst_RequestSubmit::validSubmissionCreatesCase()
{
    const std::int64_t cases = m_store->countRows("cases");

    const Reply reply = send("POST", "/api/v1/requests", validBody().dump());

    QCOMPARE(reply.status, 201);
    const std::string caseId = reply.body.at("caseId").get<std::string>();
    QVERIFY(
        QString::fromStdString(reply.body.at("caseNumber").get<std::string>()).startsWith("CD-20"));
    QVERIFY(!reply.body.at("teamName").get<std::string>().empty());
    QVERIFY(reply.body.at("priority").get<double>() > 0);
    QCOMPARE(m_store->countRows("cases"), cases + 1);

    const auto stored = m_store->findCase(caseId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->kase.categorySource, std::string("model"));
    QCOMPARE(stored->kase.modelVersion, m_classifier->modelVersion());
    QCOMPARE(stored->kase.categoryId, reply.body.at("categoryId").get<std::string>());
    QCOMPARE(stored->kase.regionId, std::string("9"));
    QCOMPARE(stored->kase.status, std::string("new"));
}

void tst_RequestSubmit::citizenCategoryIsUsed()
{
    nlohmann::json body = validBody();
    body["category"] = "dangerous_condition";
    body["subcategoryId"] = "dangerous_condition.potholes";

    const Reply reply = send("POST", "/api/v1/requests", body.dump());

    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.body.at("categoryId").get<std::string>(), std::string("dangerous_condition"));
    QCOMPARE(reply.body.at("categoryConfidence").get<double>(), 1.0);
    const auto team = m_store->findTeam(reply.body.at("teamId").get<std::string>());
    QCOMPARE(team->code, std::string("POLICY_PROTECTION_DEPARTMENT"));
    QCOMPARE(team->regionId, std::string("9"));
    const auto stored = m_store->findCase(reply.body.at("caseId").get<std::string>());
    QCOMPARE(stored->kase.subcategoryId, std::string("dangerous_condition.potholes"));
}

void tst_RequestSubmit::invalidSubmissionStoresNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    const auto with = [](const char *pointer, nlohmann::json value) {
        nlohmann::json body = validBody();
        body[nlohmann::json::json_pointer(pointer)] = std::move(value);
        return QByteArray::fromStdString(body.dump());
    };
    const QByteArray json = "application/json";
    QTest::newRow("afm check digit")
        << with("/contact/afm", "123456789") << json << 400 << "contact.afm";
    QTest::newRow("unknown municipality")
        << with("/municipalityId", "1234") << json << 400 << "municipalityId";
    QTest::newRow("unknown category") << with("/category", "potholes") << json << 400 << "category";
    QTest::newRow("subcategory as category")
        << with("/category", "other.lighting") << json << 400 << "category";
    QTest::newRow("subcategory without category")
        << with("/subcategoryId", "other.lighting") << json << 400 << "subcategoryId";
    nlohmann::json otherParent = validBody();
    otherParent["category"] = "illegal_parking";
    otherParent["subcategoryId"] = "other.lighting";
    QTest::newRow("subcategory of another category")
        << QByteArray::fromStdString(otherParent.dump()) << json << 400 << "subcategoryId";
    QTest::newRow("missing last name")
        << with("/contact/lastName", nullptr) << json << 400 << "contact.lastName";
    QTest::newRow("NUL in text")
        << with("/text", std::string("broken light\0 on the corner", 28)) << json << 400 << "text";
    QTest::newRow("escape character in name")
        << with("/contact/firstName", "An\x1bna") << json << 400 << "contact.firstName";
    QTest::newRow("not json") << QByteArray("{\"text\":") << json << 400 << "";
    QTest::newRow("text/plain") << with("/language", "el") << QByteArray("text/plain") << 415 << "";
    QTest::newRow("body over 64 KiB")
        << with("/text", std::string(70 * 1024, 'a')) << json << 413 << "";
}

void tst_RequestSubmit::invalidSubmissionStoresNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, field);
    const std::int64_t cases = m_store->countRows("cases");
    const std::int64_t parties = m_store->countRows("parties");
    const std::int64_t head = m_store->headSeq();

    const Reply reply =
        send("POST", "/api/v1/requests", body.toStdString(), contentType.toStdString());

    QCOMPARE(reply.status, status);
    QVERIFY(reply.body.at("error").at("message").is_string());
    QCOMPARE(QString::fromStdString(reply.body.at("error").value("field", std::string())), field);
    QCOMPARE(m_store->countRows("cases"), cases);
    QCOMPARE(m_store->countRows("parties"), parties);
    QCOMPARE(m_store->headSeq(), head);
}

void tst_RequestSubmit::partyReusedBySameAfm()
{
    nlohmann::json body = validBody();
    body["contact"]["afm"] = "090000045";

    const Reply first = send("POST", "/api/v1/requests", body.dump());
    body["contact"]["firstName"] = "ΑΝΝΑ";
    body["contact"]["lastName"] = "κωστη";
    body["contact"]["afm"] = "EL090000045";
    const Reply second = send("POST", "/api/v1/requests", body.dump());

    QCOMPARE(first.status, 201);
    QCOMPARE(second.status, 201);
    const auto firstCase = m_store->findCase(first.body.at("caseId").get<std::string>());
    const auto secondCase = m_store->findCase(second.body.at("caseId").get<std::string>());
    QCOMPARE(secondCase->kase.partyId, firstCase->kase.partyId);
    QVERIFY(firstCase->kase.number != secondCase->kase.number);
}

void tst_RequestSubmit::sameAfmOtherNameKeepsContact()
{
    nlohmann::json body = validBody();
    body["contact"]["afm"] = "011111111";
    const Reply first = send("POST", "/api/v1/requests", body.dump());
    body["contact"]["firstName"] = "Άλλος";
    body["contact"]["lastName"] = "Άνθρωπος";
    const Reply second = send("POST", "/api/v1/requests", body.dump());

    QCOMPARE(first.status, 201);
    QCOMPARE(second.status, 201);
    const auto firstCase = m_store->findCase(first.body.at("caseId").get<std::string>());
    const auto secondCase = m_store->findCase(second.body.at("caseId").get<std::string>());
    QVERIFY(secondCase->kase.partyId != firstCase->kase.partyId);
}

void tst_RequestSubmit::healthReportsHead()
{
    const Reply reply = send("GET", "/health");

    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body.at("status").get<std::string>(), std::string("ok"));
    QCOMPARE(reply.body.at("epoch").get<std::string>(), m_store->epoch());
    QCOMPARE(reply.body.at("headSeq").get<std::int64_t>(), m_store->headSeq());
}

void tst_RequestSubmit::unknownPathAndMethod()
{
    QCOMPARE(send("GET", "/api/v1/nothing").status, 404);
    QCOMPARE(send("GET", "/api/v1/requests").status, 405);
    QCOMPARE(send("POST", "/health", "{}").status, 405);
    QCOMPARE(send("GET", "/ws").status, 426);
}

QTEST_GUILESS_MAIN(tst_RequestSubmit)
#include "tst_requestsubmit.moc"
