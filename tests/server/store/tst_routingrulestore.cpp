#include "domain/ids.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

using protocol::ErrorCode;

QString codeName(ErrorCode code)
{
    const std::string_view name = protocol::toString(code);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

/** A valid rule in region 9 of the fixture, starting in 2026 with no end. */
nlohmann::json regionRuleArgs()
{
    return { { "categoryId", "abandoned_vehicle" }, { "subcategoryId", nullptr },
        { "areaLevel", "region" }, { "areaId", "9" }, { "teamId", nullptr },
        { "teamCode", "SHARED_SPACE_DEPARTMENT" }, { "precedence", 0 },
        { "effectiveFrom", "2026-01-01T00:00:00Z" }, { "effectiveTo", nullptr }, { "note", "" } };
}

} // namespace

class tst_RoutingRuleStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createWritesRuleHistoryAndChanges();
    void invalidRuleRejected_data();
    void invalidRuleRejected();
    void overlapRejectedNamingRule();
    void overlapAllowedWhenDistinct_data();
    void overlapAllowedWhenDistinct();
    void roleAndAreaChecked_data();
    void roleAndAreaChecked();
    void supervisorCannotEditOtherRegion();
    void staleVersionConflicts();
    void versionRulesRejected();
    void retiredRuleCannotChange();
    void replayReturnsSameOutcome();

private:
    AccessScope scope(const std::string &username) { return m_fixture->scope(username); }
    MutationOutcome apply(const std::string &username, const std::string &op,
        const std::string &ruleId, std::int64_t baseVersion, nlohmann::json args);
    std::vector<protocol::Change> changesOf(const std::string &entity);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreFixture> m_fixture;
    std::string m_teamC;
};

void tst_RoutingRuleStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<StoreFixture>(m_dir->filePath("store.sqlite").toStdString());

    // A second region with one team, a subcategory, another category and an administrator.
    ReferenceData more;
    more.regions = { { "2", "GR-G", "Δυτικής Ελλάδας", "Western Greece" } };
    more.units = { { "20", "2", "Αχαΐας", "Achaea" } };
    more.municipalities = { { { "9134", "20", "2", "Πατρέων", "Patras" }, 215922 } };
    more.agencies = { { { generateUuid(), "Υπηρεσίες", "Services" }, "2" } };
    m_teamC = generateUuid();
    more.teams = { { m_teamC, more.agencies[0].agency.id, "SPECIAL_TEAM", "Γ", "C", "2", false } };
    more.categories = { { "other", "Άλλο", "Other", 1.0 },
        { "abandoned_on_sidewalk", "Σε πεζοδρόμιο", "On the sidewalk", 1.0, "abandoned_vehicle" } };
    more.users = { { { generateUuid(), "admin", "Νίκος", Role::Admin, {} }, "pw-admin" } };
    m_fixture->store->writeReferenceData(more);
}

void tst_RoutingRuleStore::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

MutationOutcome tst_RoutingRuleStore::apply(const std::string &username, const std::string &op,
    const std::string &ruleId, std::int64_t baseVersion, nlohmann::json args)
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entity = "routingRule";
    mutation.entityId = ruleId;
    mutation.baseVersion = baseVersion;
    mutation.op = op;
    mutation.args = std::move(args);
    mutation.createdAt = utcNowIso();
    return m_fixture->store->applyMutation(scope(username), mutation);
}

std::vector<protocol::Change> tst_RoutingRuleStore::changesOf(const std::string &entity)
{
    // An agent receives the public scope, as every client does.
    const ChangePage page = m_fixture->store->changesSince(scope("agent"), 0, 2000);
    std::vector<protocol::Change> found;
    for (const protocol::Change &change : page.changes) {
        if (change.entity == entity) {
            found.push_back(change);
        }
    }
    return found;
}

void tst_RoutingRuleStore::createWritesRuleHistoryAndChanges()
{
    const std::string ruleId = generateUuid();

    const MutationOutcome created = apply("supervisor", "create", ruleId, 0, regionRuleArgs());
    nlohmann::json update = regionRuleArgs();
    update["precedence"] = 7;
    const MutationOutcome updated = apply("supervisor", "update", ruleId, 1, update);
    const MutationOutcome retired =
        apply("supervisor", "retire", ruleId, 2, { { "note", "replaced by the unit rule" } });

    QVERIFY2(created.applied, created.message.c_str());
    QVERIFY2(updated.applied, updated.message.c_str());
    QVERIFY2(retired.applied, retired.message.c_str());
    QCOMPARE(retired.version, 3);
    QCOMPARE(m_fixture->store->countRows("routing_rule_history"), 3);

    const auto rules = changesOf("routingRule");
    QCOMPARE(rules.size(), std::size_t(3));
    QCOMPARE(rules.back().version, 3);
    QCOMPARE(rules.back().seq, retired.seq);
    const RoutingRuleRecord last = rules.back().data.get<RoutingRuleRecord>();
    QVERIFY(last.retired);
    QCOMPARE(last.precedence, 7);
    QCOMPARE(QString::fromStdString(last.note), QString("replaced by the unit rule"));
    QCOMPARE(last.changedBy, scope("supervisor").userId);

    const auto history = changesOf("routingRuleHistory");
    QCOMPARE(history.size(), std::size_t(3));
    QStringList actions;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const nlohmann::json &row = history[i].data;
        actions << QString::fromStdString(row.at("action").get<std::string>());
        QCOMPARE(row.at("ruleId").get<std::string>(), ruleId);
        QCOMPARE(row.at("ruleVersion").get<std::int64_t>(), std::int64_t(i + 1));
        QCOMPARE(row.at("rule").at("precedence").get<int>(), i == 0 ? 0 : 7);
    }
    QCOMPARE(actions, QStringList({ "create", "update", "retire" }));

    const auto stored = m_fixture->store->routingRules();
    QCOMPARE(stored.size(), std::size_t(1));
    QVERIFY(stored.front().retired);
}

void tst_RoutingRuleStore::invalidRuleRejected_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value"); // JSON
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown category") << "categoryId"
                                      << R"("potholes")"
                                      << R"(args.categoryId "potholes" is not a known category)";
    QTest::newRow("subcategory as category")
        << "categoryId"
        << R"("abandoned_on_sidewalk")"
        << R"(args.categoryId "abandoned_on_sidewalk" is a subcategory of "abandoned_vehicle"; )"
           R"(set args.categoryId to "abandoned_vehicle" and args.subcategoryId to )"
           R"("abandoned_on_sidewalk")";
    QTest::newRow("subcategory of another category")
        << "subcategoryId"
        << R"("other")"
        << R"(args.subcategoryId "other" is not a subcategory of "abandoned_vehicle")";
    QTest::newRow("category wrong type") << "categoryId"
                                         << "5"
                                         << "args.categoryId must be a string or null";
    QTest::newRow("unknown area level")
        << "areaLevel"
        << R"("country")"
        << R"(args.areaLevel must be any, region, unit or municipality, not "country")";
    QTest::newRow("unknown region") << "areaId"
                                    << R"("99")"
                                    << R"(args.areaId "99" is not a known region)";
    QTest::newRow("team code not in region")
        << "teamCode"
        << R"("SPECIAL_TEAM")"
        << R"(args.teamCode "SPECIAL_TEAM" names no team in region 9, the region of the rule's area)";
    QTest::newRow("team id and team code")
        << "teamId"
        << R"("00000000-0000-4000-8000-000000000001")"
        << "exactly one of args.teamId and args.teamCode must be set";
    QTest::newRow("neither team id nor code")
        << "teamCode"
        << "null"
        << "exactly one of args.teamId and args.teamCode must be set";
    QTest::newRow("start not a time")
        << "effectiveFrom"
        << R"("2026-01-01")"
        << R"(args.effectiveFrom "2026-01-01" must be an ISO 8601 UTC time such as )"
           R"(2027-01-01T00:00:00Z)";
    QTest::newRow("start not UTC")
        << "effectiveFrom"
        << R"("2026-01-01T00:00:00+02:00")"
        << R"(args.effectiveFrom "2026-01-01T00:00:00+02:00" must be an ISO 8601 UTC time )"
           R"(such as 2027-01-01T00:00:00Z)";
    QTest::newRow("end not a time")
        << "effectiveTo"
        << R"("soon")"
        << R"(args.effectiveTo "soon" must be null or an ISO 8601 UTC time such as )"
           R"(2027-01-01T00:00:00Z)";
    QTest::newRow("end equal to start") << "effectiveTo"
                                        << R"("2026-01-01T00:00:00.000Z")"
                                        << "args.effectiveTo must be later than args.effectiveFrom";
    QTest::newRow("end before start") << "effectiveTo"
                                      << R"("2025-06-01T00:00:00Z")"
                                      << "args.effectiveTo must be later than args.effectiveFrom";
    QTest::newRow("precedence too high") << "precedence"
                                         << "1001"
                                         << "args.precedence must be an integer from -1000 to 1000";
    QTest::newRow("precedence too low") << "precedence"
                                        << "-1001"
                                        << "args.precedence must be an integer from -1000 to 1000";
    QTest::newRow("precedence not integer")
        << "precedence"
        << "2.5"
        << "args.precedence must be an integer from -1000 to 1000";
    QTest::newRow("note too long") << "note" << QString("\"%1\"").arg(QString(501, QChar(u'α')))
                                   << "args.note must have at most 500 characters";
}

void tst_RoutingRuleStore::invalidRuleRejected()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    nlohmann::json args = regionRuleArgs();
    args[field.toStdString()] = nlohmann::json::parse(value.toStdString());

    const MutationOutcome outcome = apply("supervisor", "create", generateUuid(), 0, args);

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(ErrorCode::MutationInvalid));
    QCOMPARE(QString::fromStdString(outcome.message), message);
    QCOMPARE(m_fixture->store->countRows("routing_rules"), 0);
}

void tst_RoutingRuleStore::overlapRejectedNamingRule()
{
    const std::string first = generateUuid();
    nlohmann::json later = regionRuleArgs();
    later["effectiveFrom"] = "2026-06-01T00:00:00Z";
    QVERIFY(apply("supervisor", "create", first, 0, regionRuleArgs()).applied);

    const MutationOutcome outcome = apply("supervisor", "create", generateUuid(), 0, later);

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(ErrorCode::MutationInvalid));
    QCOMPARE(QString::fromStdString(outcome.message),
        QString::fromStdString("routing rule " + first
            + " already applies to the same category, subcategory, area and precedence in an "
              "overlapping period; change args.precedence or the effective dates"));
}

void tst_RoutingRuleStore::overlapAllowedWhenDistinct_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");

    QTest::newRow("other precedence") << "precedence"
                                      << "1";
    QTest::newRow("other subcategory") << "subcategoryId"
                                       << R"("abandoned_on_sidewalk")";
    QTest::newRow("other area") << "areaId"
                                << R"("9")";
    QTest::newRow("earlier period") << "effectiveFrom"
                                    << R"("2025-01-01T00:00:00Z")";
}

void tst_RoutingRuleStore::overlapAllowedWhenDistinct()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    nlohmann::json first = regionRuleArgs();
    first["areaLevel"] = "unit";
    first["areaId"] = "51";
    if (field == "effectiveFrom") {
        first = regionRuleArgs();
        first["effectiveFrom"] = "2024-01-01T00:00:00Z";
        first["effectiveTo"] = "2025-01-01T00:00:00Z";
    }
    QVERIFY(apply("supervisor", "create", generateUuid(), 0, first).applied);
    nlohmann::json second = first;
    second[field.toStdString()] = nlohmann::json::parse(value.toStdString());
    if (field == "areaId") {
        second["areaLevel"] = "region";
    }
    if (field == "effectiveFrom") {
        second["effectiveTo"] = nullptr;
    }

    const MutationOutcome outcome = apply("supervisor", "create", generateUuid(), 0, second);

    QVERIFY2(outcome.applied, outcome.message.c_str());
    QCOMPARE(m_fixture->store->countRows("routing_rules"), 2);
}

void tst_RoutingRuleStore::roleAndAreaChecked_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("areaLevel");
    QTest::addColumn<QString>("areaId");
    QTest::addColumn<QString>("teamCode");
    QTest::addColumn<bool>("applied");
    QTest::addColumn<QString>("message");

    QTest::newRow("agent may not write rules")
        << "agent"
        << "region"
        << "9"
        << "SHARED_SPACE_DEPARTMENT" << false
        << "only supervisors and administrators may edit routing rules";
    QTest::newRow("supervisor in a region of their teams")
        << "supervisor"
        << "region"
        << "9"
        << "SHARED_SPACE_DEPARTMENT" << true << "";
    QTest::newRow("supervisor in a municipality of their region")
        << "supervisor"
        << "municipality"
        << "9186"
        << "SHARED_SPACE_DEPARTMENT" << true << "";
    QTest::newRow("supervisor in another region")
        << "supervisor"
        << "region"
        << "2"
        << "SPECIAL_TEAM" << false
        << "routing rule area region 2 lies in region 2, where none of your teams works";
    QTest::newRow("supervisor in a unit of another region")
        << "supervisor"
        << "unit"
        << "20"
        << "SPECIAL_TEAM" << false
        << "routing rule area unit 20 lies in region 2, where none of your teams works";
    QTest::newRow("supervisor for any area")
        << "supervisor"
        << "any"
        << ""
        << "SHARED_SPACE_DEPARTMENT" << false
        << "only administrators may write routing rules for any area";
    QTest::newRow("admin for any area") << "admin"
                                        << "any"
                                        << ""
                                        << "SPECIAL_TEAM" << true << "";
    QTest::newRow("admin in another region") << "admin"
                                             << "unit"
                                             << "20"
                                             << "SPECIAL_TEAM" << true << "";
}

void tst_RoutingRuleStore::roleAndAreaChecked()
{
    QFETCH(QString, username);
    QFETCH(QString, areaLevel);
    QFETCH(QString, areaId);
    QFETCH(QString, teamCode);
    QFETCH(bool, applied);
    QFETCH(QString, message);
    nlohmann::json args = regionRuleArgs();
    args["areaLevel"] = areaLevel.toStdString();
    args["areaId"] = areaId.isEmpty() ? nlohmann::json() : nlohmann::json(areaId.toStdString());
    args["teamCode"] = teamCode.toStdString();

    const MutationOutcome outcome =
        apply(username.toStdString(), "create", generateUuid(), 0, args);

    QCOMPARE(outcome.applied, applied);
    QCOMPARE(QString::fromStdString(outcome.message), message);
    if (!applied) {
        QCOMPARE(codeName(outcome.code), codeName(ErrorCode::MutationForbidden));
    }
}

void tst_RoutingRuleStore::supervisorCannotEditOtherRegion()
{
    const std::string ruleId = generateUuid();
    nlohmann::json patras = regionRuleArgs();
    patras["areaId"] = "2";
    patras["teamCode"] = "SPECIAL_TEAM";
    QVERIFY(apply("admin", "create", ruleId, 0, patras).applied);

    const MutationOutcome retire = apply("supervisor", "retire", ruleId, 1, { { "note", "" } });
    patras["areaId"] = "9";
    patras["teamCode"] = "SHARED_SPACE_DEPARTMENT";
    const MutationOutcome moveHome = apply("supervisor", "update", ruleId, 1, patras);

    QCOMPARE(codeName(retire.code), codeName(ErrorCode::MutationForbidden));
    QCOMPARE(codeName(moveHome.code), codeName(ErrorCode::MutationForbidden));
    QVERIFY(!retire.applied);
    QVERIFY(!moveHome.applied);
}

void tst_RoutingRuleStore::staleVersionConflicts()
{
    const std::string ruleId = generateUuid();
    QVERIFY(apply("supervisor", "create", ruleId, 0, regionRuleArgs()).applied);
    nlohmann::json first = regionRuleArgs();
    first["precedence"] = 3;
    QVERIFY(apply("supervisor", "update", ruleId, 1, first).applied);

    nlohmann::json stale = regionRuleArgs();
    stale["precedence"] = 9;
    const MutationOutcome outcome = apply("admin", "update", ruleId, 1, stale);

    QVERIFY(!outcome.applied);
    QCOMPARE(codeName(outcome.code), codeName(ErrorCode::MutationConflict));
    QCOMPARE(QString::fromStdString(outcome.message),
        QString::fromStdString(
            "routing rule " + ruleId + " is at version 2, not 1; edit the current rule again"));
    QCOMPARE(outcome.current.at("id").get<std::string>(), ruleId);
    QCOMPARE(outcome.current.at("precedence").get<int>(), 3);
}

void tst_RoutingRuleStore::versionRulesRejected()
{
    const std::string ruleId = generateUuid();

    const MutationOutcome newWithVersion = apply("admin", "create", ruleId, 1, regionRuleArgs());
    const MutationOutcome missing = apply("admin", "update", ruleId, 1, regionRuleArgs());
    const MutationOutcome notUuid = apply("admin", "create", "rule-1", 0, regionRuleArgs());
    QVERIFY(apply("admin", "create", ruleId, 0, regionRuleArgs()).applied);
    const MutationOutcome again = apply("admin", "create", ruleId, 0, regionRuleArgs());
    const MutationOutcome badOp = apply("admin", "delete", ruleId, 1, {});

    QCOMPARE(codeName(newWithVersion.code), codeName(ErrorCode::MutationInvalid));
    QCOMPARE(QString::fromStdString(newWithVersion.message),
        QString("mutation.baseVersion must be 0 for a new routing rule"));
    QCOMPARE(codeName(missing.code), codeName(ErrorCode::MutationNotFound));
    QCOMPARE(codeName(notUuid.code), codeName(ErrorCode::MutationInvalid));
    QCOMPARE(codeName(again.code), codeName(ErrorCode::MutationConflict));
    QCOMPARE(again.current.at("id").get<std::string>(), ruleId);
    QCOMPARE(codeName(badOp.code), codeName(ErrorCode::MutationInvalid));
    QCOMPARE(QString::fromStdString(badOp.message),
        QString("mutation.op \"delete\" is not create, update or retire"));
}

void tst_RoutingRuleStore::retiredRuleCannotChange()
{
    const std::string ruleId = generateUuid();
    QVERIFY(apply("supervisor", "create", ruleId, 0, regionRuleArgs()).applied);
    QVERIFY(apply("supervisor", "retire", ruleId, 1, nlohmann::json::object()).applied);

    const MutationOutcome update = apply("supervisor", "update", ruleId, 2, regionRuleArgs());
    const MutationOutcome replacement =
        apply("supervisor", "create", generateUuid(), 0, regionRuleArgs());

    QCOMPARE(codeName(update.code), codeName(ErrorCode::MutationInvalid));
    QCOMPARE(QString::fromStdString(update.message),
        QString::fromStdString(
            "routing rule " + ruleId + " is retired; create a new rule instead"));
    QVERIFY2(replacement.applied, replacement.message.c_str());
}

void tst_RoutingRuleStore::replayReturnsSameOutcome()
{
    protocol::Mutation mutation;
    mutation.id = generateUuid();
    mutation.entity = "routingRule";
    mutation.entityId = generateUuid();
    mutation.op = "create";
    mutation.args = regionRuleArgs();

    const MutationOutcome first = m_fixture->store->applyMutation(scope("supervisor"), mutation);
    const MutationOutcome replay = m_fixture->store->applyMutation(scope("supervisor"), mutation);

    QVERIFY(first.applied);
    QVERIFY(replay.applied);
    QCOMPARE(replay.version, first.version);
    QCOMPARE(replay.seq, first.seq);
    QCOMPARE(m_fixture->store->countRows("routing_rule_history"), 1);
    QCOMPARE(changesOf("routingRule").size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(tst_RoutingRuleStore)
#include "tst_routingrulestore.moc"
