#include "protocol/accesslog.h"

#include <QTest>

namespace protocol = civicdesk::protocol;

namespace {

protocol::AccessEntry validEntry()
{
    return { "0f1e2d3c-4b5a-4697-8877-665544332211", "case", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
        "case-view", "2026-03-01T09:30:00.000Z" };
}

} // namespace

/** The value checks of accessLog entries that the server applies before storing any. */
class tst_AccessLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validEntryAccepted_data();
    void validEntryAccepted();
    void invalidEntryRejected_data();
    void invalidEntryRejected();
    void tooManyEntriesRejected();
    void problemNamesEntry();
};

void tst_AccessLog::validEntryAccepted_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("readAt");

    QTest::newRow("case read") << "case"
                               << "case-view"
                               << "2026-03-01T09:30:00.000Z";
    QTest::newRow("party read") << "party"
                                << "citizen-360"
                                << "2026-03-01T09:30:00Z";
    QTest::newRow("greek reason at the limit")
        << "party" << QString(int(protocol::MaxAccessReasonCharacters), QChar(0x03B1))
        << "2026-12-31T23:59:59.123456Z";
}

void tst_AccessLog::validEntryAccepted()
{
    QFETCH(QString, entity);
    QFETCH(QString, reason);
    QFETCH(QString, readAt);
    protocol::AccessEntry entry = validEntry();
    entry.entity = entity.toStdString();
    entry.reason = reason.toStdString();
    entry.readAt = readAt.toStdString();

    const std::string problem = protocol::accessEntryProblem(entry);

    QVERIFY2(problem.empty(), problem.c_str());
}

void tst_AccessLog::invalidEntryRejected_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty id") << "id"
                              << ""
                              << "id must be a UUID";
    QTest::newRow("id not a uuid") << "id"
                                   << "entry-1"
                                   << "id must be a UUID";
    QTest::newRow("unknown entity") << "entity"
                                    << "routingRule"
                                    << "entity must be case or party";
    QTest::newRow("empty entity id") << "entityId"
                                     << ""
                                     << "entityId must be the UUID";
    QTest::newRow("entity id not a uuid") << "entityId"
                                          << "CD-2019-1"
                                          << "entityId must be";
    QTest::newRow("empty reason") << "reason"
                                  << ""
                                  << "reason is empty";
    QTest::newRow("blank reason") << "reason"
                                  << "   "
                                  << "reason is empty";
    QTest::newRow("over-long reason")
        << "reason" << QString(int(protocol::MaxAccessReasonCharacters) + 1, QLatin1Char('x'))
        << "longer than 200";
    QTest::newRow("control character") << "reason"
                                       << "case\nview"
                                       << "control character";
    QTest::newRow("empty time") << "readAt"
                                << ""
                                << "readAt must be";
    QTest::newRow("time without zone") << "readAt"
                                       << "2026-03-01T09:30:00"
                                       << "readAt must be";
    QTest::newRow("time with offset") << "readAt"
                                      << "2026-03-01T09:30:00+02:00"
                                      << "readAt";
    QTest::newRow("month 13") << "readAt"
                              << "2026-13-01T09:30:00Z"
                              << "readAt must be";
}

void tst_AccessLog::invalidEntryRejected()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, mentions);
    protocol::AccessEntry entry = validEntry();
    std::string *target = field == QLatin1String("id") ? &entry.id
        : field == QLatin1String("entity")             ? &entry.entity
        : field == QLatin1String("entityId")           ? &entry.entityId
        : field == QLatin1String("reason")             ? &entry.reason
                                                       : &entry.readAt;
    *target = value.toStdString();

    const QString problem = QString::fromStdString(protocol::accessEntryProblem(entry));

    QVERIFY2(problem.contains(mentions), qPrintable(problem));
}

void tst_AccessLog::tooManyEntriesRejected()
{
    protocol::AccessLog log;
    log.entries.assign(protocol::MaxAccessEntries, validEntry());
    QVERIFY(protocol::accessLogProblem(log).empty());

    log.entries.push_back(validEntry());
    const QString problem = QString::fromStdString(protocol::accessLogProblem(log));

    QVERIFY2(problem.contains(QLatin1String("at most 200 entries")), qPrintable(problem));
}

void tst_AccessLog::problemNamesEntry()
{
    protocol::AccessLog log;
    log.entries = { validEntry(), validEntry() };
    log.entries[1].entity = "user";

    const QString problem = QString::fromStdString(protocol::accessLogProblem(log));

    QVERIFY2(problem.startsWith(QLatin1String("entry 2 (id \"0f1e2d3c")), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_AccessLog)
#include "tst_accesslog.moc"
