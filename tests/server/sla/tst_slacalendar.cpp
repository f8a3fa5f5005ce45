#include "sla/calendar.h"
#include "sla/slaclock.h"

#include <QtTest>

using namespace civicdesk::server::sla;

namespace {

UtcSeconds at(const char *text)
{
    const auto parsed = parseUtc(text);
    if (!parsed) {
        qFatal("unreadable test time %s", text);
    }
    return *parsed;
}

QString iso(UtcSeconds instant)
{
    return QString::fromStdString(formatUtc(instant));
}

Date dateOf(int year, int month, int day)
{
    return Date { std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month))
        / std::chrono::day(static_cast<unsigned>(day)) };
}

WorkingCalendar calendarFor(const QString &municipality)
{
    if (municipality == "thessaloniki") {
        return WorkingCalendar({}, { { 10, 26, "Αγίου Δημητρίου", "St Demetrius" } });
    }
    return WorkingCalendar();
}

} // namespace

class tst_SlaCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orthodoxEasterDates_data();
    void orthodoxEasterDates();
    void nationalHolidays_data();
    void nationalHolidays();
    void athensOffsetFollowsEuRule_data();
    void athensOffsetFollowsEuRule();
    void addWorkingTime_data();
    void addWorkingTime();
    void workingSecondsBetweenSkipsClosedTime();
    void openOnlyInServiceHours_data();
    void openOnlyInServiceHours();
    void serviceHoursDaysText();
    void updateTargetDoesNotOverrideFirstResponseTarget();
    void phoneCallCountsAsFirstResponse_data();
    void phoneCallCountsAsFirstResponse();
    void clockStopsOnResolve();
    void pauseMovesResolutionDueByWorkingTimePaused();
    void shorterUpdateTargetWaitsForFirstResponse();
    void updateDueAfterPhoneReply();
    void everyReplyStartsNewUpdatePeriod();
    void pauseMovesUpdateDue();
    void replyDuringPauseCountsPauseFromReply();
    void resolveStopsUpdateClock();
    void reopenStartsNewUpdatePeriod();
    void updateDueSkipsHolidays_data();
    void updateDueSkipsHolidays();
};

void tst_SlaCalendar::orthodoxEasterDates_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("day");
    QTest::newRow("2021") << 2021 << 5 << 2;
    QTest::newRow("2023") << 2023 << 4 << 16;
    QTest::newRow("2024") << 2024 << 5 << 5;
    QTest::newRow("2025") << 2025 << 4 << 20;
    QTest::newRow("2026") << 2026 << 4 << 12;
    QTest::newRow("2027") << 2027 << 5 << 2;
}

void tst_SlaCalendar::orthodoxEasterDates()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, day);
    QCOMPARE(orthodoxEaster(year), dateOf(year, month, day));
}

void tst_SlaCalendar::nationalHolidays_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("day");
    QTest::addColumn<bool>("holiday");
    QTest::newRow("new year") << 2026 << 1 << 1 << true;
    QTest::newRow("epiphany") << 2026 << 1 << 6 << true;
    QTest::newRow("clean monday 2026") << 2026 << 2 << 23 << true;
    QTest::newRow("day after clean monday") << 2026 << 2 << 24 << false;
    QTest::newRow("independence day") << 2026 << 3 << 25 << true;
    QTest::newRow("good friday 2026") << 2026 << 4 << 10 << true;
    QTest::newRow("easter monday 2026") << 2026 << 4 << 13 << true;
    QTest::newRow("easter tuesday 2026") << 2026 << 4 << 14 << false;
    QTest::newRow("labour day") << 2026 << 5 << 1 << true;
    QTest::newRow("whit monday 2026") << 2026 << 6 << 1 << true;
    QTest::newRow("whit monday 2025") << 2025 << 6 << 9 << true;
    QTest::newRow("dormition") << 2026 << 8 << 15 << true;
    QTest::newRow("ochi day") << 2026 << 10 << 28 << true;
    QTest::newRow("st demetrius is local only") << 2026 << 10 << 26 << false;
    QTest::newRow("christmas") << 2026 << 12 << 25 << true;
    QTest::newRow("synaxis") << 2026 << 12 << 26 << true;
    QTest::newRow("ordinary day") << 2026 << 12 << 27 << false;
}

void tst_SlaCalendar::nationalHolidays()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, day);
    QFETCH(bool, holiday);
    QCOMPARE(isNationalHoliday(dateOf(year, month, day)), holiday);
}

void tst_SlaCalendar::athensOffsetFollowsEuRule_data()
{
    QTest::addColumn<QString>("instant");
    QTest::addColumn<int>("offset");
    QTest::newRow("winter") << "2026-01-15T12:00:00Z" << 7200;
    QTest::newRow("before spring change") << "2026-03-29T00:59:59Z" << 7200;
    QTest::newRow("at spring change") << "2026-03-29T01:00:00Z" << 10800;
    QTest::newRow("summer") << "2026-07-01T12:00:00Z" << 10800;
    QTest::newRow("before autumn change") << "2026-10-25T00:59:59Z" << 10800;
    QTest::newRow("at autumn change") << "2026-10-25T01:00:00Z" << 7200;
    QTest::newRow("2027 spring change") << "2027-03-28T01:00:00Z" << 10800;
}

void tst_SlaCalendar::athensOffsetFollowsEuRule()
{
    QFETCH(QString, instant);
    QFETCH(int, offset);
    QCOMPARE(athensOffsetSeconds(at(instant.toUtf8().constData())), offset);
}

void tst_SlaCalendar::addWorkingTime_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<double>("hours");
    QTest::addColumn<QString>("municipality");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same day") << "2026-03-03T07:00:00Z" << 2.0 << "athens"
                              << "2026-03-03T09:00:00.000Z";
    QTest::newRow("before opening") << "2026-03-02T05:00:00Z" << 1.0 << "athens"
                                    << "2026-03-02T07:00:00.000Z";
    QTest::newRow("after closing") << "2026-03-03T14:00:00Z" << 1.0 << "athens"
                                   << "2026-03-04T07:00:00.000Z";
    QTest::newRow("skips weekend and clean monday")
        << "2026-02-20T10:00:00Z" << 4.0 << "athens" << "2026-02-24T07:00:00.000Z";
    QTest::newRow("summer time") << "2026-07-01T06:00:00Z" << 7.0 << "athens"
                                 << "2026-07-02T06:00:00.000Z";
    QTest::newRow("across spring change") << "2026-03-27T12:00:00Z" << 2.0 << "athens"
                                          << "2026-03-30T06:00:00.000Z";
    QTest::newRow("athens works on st demetrius")
        << "2026-10-23T10:00:00Z" << 3.0 << "athens" << "2026-10-26T07:00:00.000Z";
    QTest::newRow("thessaloniki skips st demetrius")
        << "2026-10-23T10:00:00Z" << 3.0 << "thessaloniki" << "2026-10-27T07:00:00.000Z";
    QTest::newRow("whole working week") << "2026-03-02T06:00:00Z" << 35.0 << "athens"
                                        << "2026-03-06T13:00:00.000Z";
}

void tst_SlaCalendar::addWorkingTime()
{
    QFETCH(QString, start);
    QFETCH(double, hours);
    QFETCH(QString, municipality);
    QFETCH(QString, expected);
    const WorkingCalendar calendar = calendarFor(municipality);
    const UtcSeconds due = calendar.addWorkingSeconds(
        at(start.toUtf8().constData()), static_cast<std::int64_t>(hours * 3600));
    QCOMPARE(iso(due), expected);
}

void tst_SlaCalendar::workingSecondsBetweenSkipsClosedTime()
{
    const WorkingCalendar calendar;
    QCOMPARE(calendar.workingSecondsBetween(
                 at("2026-02-20T10:00:00Z"), at("2026-02-24T07:00:00Z")),
        std::int64_t { 4 * 3600 });
    QCOMPARE(calendar.workingSecondsBetween(
                 at("2026-02-24T07:00:00Z"), at("2026-02-20T10:00:00Z")),
        std::int64_t { 0 });
}

void tst_SlaCalendar::openOnlyInServiceHours_data()
{
    QTest::addColumn<QString>("instant");
    QTest::addColumn<bool>("open");
    QTest::newRow("tuesday morning") << "2026-02-24T08:00:00Z" << true;
    QTest::newRow("clean monday") << "2026-02-23T08:00:00Z" << false;
    QTest::newRow("saturday") << "2026-02-21T08:00:00Z" << false;
    QTest::newRow("before 08:00 athens") << "2026-02-24T05:59:59Z" << false;
    QTest::newRow("at 08:00 athens") << "2026-02-24T06:00:00Z" << true;
    QTest::newRow("at 15:00 athens") << "2026-02-24T13:00:00Z" << false;
    QTest::newRow("summer 14:30 athens") << "2026-07-01T11:30:00Z" << true;
    QTest::newRow("summer 15:30 athens") << "2026-07-01T12:30:00Z" << false;
}

void tst_SlaCalendar::openOnlyInServiceHours()
{
    QFETCH(QString, instant);
    QFETCH(bool, open);
    QCOMPARE(WorkingCalendar().isOpen(at(instant.toUtf8().constData())), open);
}

void tst_SlaCalendar::serviceHoursDaysText()
{
    QCOMPARE(ServiceHours().daysText(), std::string("1111100"));
    QVERIFY(ServiceHours::parseDays("1111110").has_value());
    QVERIFY(!ServiceHours::parseDays("111111").has_value());
    QVERIFY(!ServiceHours::parseDays("11111x0").has_value());
}

void tst_SlaCalendar::updateTargetDoesNotOverrideFirstResponseTarget()
{
    const WorkingCalendar calendar;
    const SlaTargets targets { "dangerous_condition", 4, 24, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "new", targets, calendar);
    QCOMPARE(iso(clock.firstResponseDueAt), QString("2026-03-02T10:00:00.000Z"));

    recordInteraction(clock, "note", at("2026-03-02T07:00:00Z"), targets, calendar);
    applyStatus(clock, "open", {}, at("2026-03-02T07:30:00Z"), targets, calendar);
    recordInteraction(clock, "email", at("2026-03-02T09:00:00Z"), targets, calendar);

    QCOMPARE(iso(clock.firstResponseDueAt), QString("2026-03-02T10:00:00.000Z"));
    QCOMPARE(iso(clock.firstResponseAt), QString("2026-03-02T07:00:00.000Z"));
    QCOMPARE(iso(clock.resolutionDueAt), QString("2026-03-09T11:00:00.000Z"));
}

void tst_SlaCalendar::phoneCallCountsAsFirstResponse_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("counts");
    QTest::newRow("phone call") << "call" << true;
    QTest::newRow("note") << "note" << true;
    QTest::newRow("e-mail") << "email" << true;
    QTest::newRow("chat") << "chat" << true;
    QTest::newRow("visit") << "visit" << true;
    QTest::newRow("status change") << "status" << false;
    QTest::newRow("assignment") << "assignment" << false;
    QTest::newRow("citizen submission") << "submission" << false;
    QTest::newRow("notification") << "notification" << false;
}

void tst_SlaCalendar::phoneCallCountsAsFirstResponse()
{
    QFETCH(QString, kind);
    QFETCH(bool, counts);
    const SlaTargets targets;
    const WorkingCalendar calendar;
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "new", targets, calendar);
    recordInteraction(clock, kind.toStdString(), at("2026-03-02T08:00:00Z"), targets, calendar);
    QCOMPARE(clock.firstResponseAt != 0, counts);
    QCOMPARE(clock.updatePeriodStart != 0, counts);
    QCOMPARE(clock.updateDueAt != 0, counts);
}

void tst_SlaCalendar::clockStopsOnResolve()
{
    const WorkingCalendar calendar;
    const SlaTargets targets;
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    const UtcSeconds due = clock.resolutionDueAt;

    applyStatus(clock, "resolved", {}, at("2026-03-03T06:00:00Z"), targets, calendar);
    QCOMPARE(clock.state, std::string(StateStopped));
    applyStatus(clock, "closed", {}, at("2026-03-04T06:00:00Z"), targets, calendar);
    QCOMPARE(clock.state, std::string(StateStopped));
    QCOMPARE(clock.resolutionDueAt, due);
    QCOMPARE(startClock(at("2026-03-02T06:00:00Z"), "closed", targets, calendar).state,
        std::string(StateStopped));
}

void tst_SlaCalendar::pauseMovesResolutionDueByWorkingTimePaused()
{
    const WorkingCalendar calendar;
    const SlaTargets targets { "illegal_parking", 8, 24, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    QCOMPARE(iso(clock.resolutionDueAt), QString("2026-03-09T11:00:00.000Z"));

    // Paused from Tuesday 12:00 to Wednesday 12:00 Athens time: 7 working hours.
    applyStatus(clock, "waiting", ReasonReferred, at("2026-03-03T10:00:00Z"), targets, calendar);
    QCOMPARE(clock.state, std::string(StatePaused));
    QCOMPARE(clock.pausedReason, std::string(ReasonReferred));
    applyStatus(clock, "open", {}, at("2026-03-04T10:00:00Z"), targets, calendar);

    QCOMPARE(clock.state, std::string(StateRunning));
    QVERIFY(clock.pausedReason.empty());
    QCOMPARE(clock.pausedSeconds, std::int64_t { 7 * 3600 });
    QCOMPARE(iso(clock.resolutionDueAt), QString("2026-03-10T11:00:00.000Z"));
}

void tst_SlaCalendar::shorterUpdateTargetWaitsForFirstResponse()
{
    // An update target of 2 hours must not bring the 8-hour first response forward.
    const WorkingCalendar calendar;
    const SlaTargets targets { "illegal_parking", 8, 2, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "new", targets, calendar);
    QCOMPARE(clock.updateDueAt, UtcSeconds { 0 });
    QCOMPARE(iso(clock.firstResponseDueAt), QString("2026-03-03T07:00:00.000Z"));

    applyStatus(clock, "open", {}, at("2026-03-02T07:00:00Z"), targets, calendar);
    applyStatus(clock, "waiting", {}, at("2026-03-02T08:00:00Z"), targets, calendar);
    applyStatus(clock, "in_progress", {}, at("2026-03-02T09:00:00Z"), targets, calendar);
    computeDueTimes(clock, targets, calendar);
    QCOMPARE(clock.updateDueAt, UtcSeconds { 0 });
    QCOMPARE(clock.updatePeriodStart, UtcSeconds { 0 });
    QCOMPARE(iso(clock.firstResponseDueAt), QString("2026-03-03T07:00:00.000Z"));
}

void tst_SlaCalendar::updateDueAfterPhoneReply()
{
    // A call on Monday 2 March 2026 at 10:00 Athens. Of the 8 working hours to the next
    // update, 5 fall on Monday and 3 on Tuesday.
    const WorkingCalendar calendar;
    const SlaTargets targets { "illegal_parking", 4, 8, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    recordInteraction(clock, "call", at("2026-03-02T08:00:00Z"), targets, calendar);

    QCOMPARE(iso(clock.firstResponseAt), QString("2026-03-02T08:00:00.000Z"));
    QCOMPARE(iso(clock.updatePeriodStart), QString("2026-03-02T08:00:00.000Z"));
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-03T09:00:00.000Z"));
    QCOMPARE(iso(clock.firstResponseDueAt), QString("2026-03-02T10:00:00.000Z"));
}

void tst_SlaCalendar::everyReplyStartsNewUpdatePeriod()
{
    const WorkingCalendar calendar;
    const SlaTargets targets { "illegal_parking", 4, 8, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    recordInteraction(clock, "call", at("2026-03-02T08:00:00Z"), targets, calendar);

    // Kinds that are no reply leave the period alone.
    recordInteraction(clock, "status", at("2026-03-03T06:30:00Z"), targets, calendar);
    recordInteraction(clock, "notification", at("2026-03-03T06:40:00Z"), targets, calendar);
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-03T09:00:00.000Z"));

    // An e-mail on Tuesday at 09:00 Athens: 6 hours on Tuesday, 2 on Wednesday.
    recordInteraction(clock, "email", at("2026-03-03T07:00:00Z"), targets, calendar);
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-04T08:00:00.000Z"));
    QCOMPARE(iso(clock.firstResponseAt), QString("2026-03-02T08:00:00.000Z"));

    // A chat on Wednesday at 08:30 Athens.
    recordInteraction(clock, "chat", at("2026-03-04T06:30:00Z"), targets, calendar);
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-05T07:30:00.000Z"));
}

void tst_SlaCalendar::pauseMovesUpdateDue()
{
    const WorkingCalendar calendar;
    const SlaTargets targets { "illegal_parking", 4, 8, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    recordInteraction(clock, "call", at("2026-03-02T08:00:00Z"), targets, calendar);
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-03T09:00:00.000Z"));

    // Paused from Monday 12:00 to Tuesday 12:00 Athens time: 7 working hours.
    applyStatus(clock, "waiting", ReasonReferred, at("2026-03-02T10:00:00Z"), targets, calendar);
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-03T09:00:00.000Z"));
    applyStatus(clock, "open", {}, at("2026-03-03T10:00:00Z"), targets, calendar);

    QCOMPARE(clock.updatePausedSeconds, std::int64_t { 7 * 3600 });
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-04T09:00:00.000Z"));

    // The next reply starts a period without the earlier pause.
    recordInteraction(clock, "note", at("2026-03-04T06:00:00Z"), targets, calendar);
    QCOMPARE(clock.updatePausedSeconds, std::int64_t { 0 });
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-05T07:00:00.000Z"));
}

void tst_SlaCalendar::replyDuringPauseCountsPauseFromReply()
{
    const WorkingCalendar calendar;
    const SlaTargets targets { "illegal_parking", 4, 8, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    applyStatus(clock, "waiting", {}, at("2026-03-02T10:00:00Z"), targets, calendar);

    // A call on Tuesday at 08:00 Athens while paused. The pause ends at 12:00, so 4 of its
    // working hours fall in the new period, which ends 8 + 4 working hours after the call.
    recordInteraction(clock, "call", at("2026-03-03T06:00:00Z"), targets, calendar);
    applyStatus(clock, "in_progress", {}, at("2026-03-03T10:00:00Z"), targets, calendar);

    QCOMPARE(clock.updatePausedSeconds, std::int64_t { 4 * 3600 });
    QCOMPARE(clock.pausedSeconds, std::int64_t { 7 * 3600 });
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-04T11:00:00.000Z"));
}

void tst_SlaCalendar::resolveStopsUpdateClock()
{
    const WorkingCalendar calendar;
    const SlaTargets targets { "illegal_parking", 4, 8, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    recordInteraction(clock, "call", at("2026-03-02T08:00:00Z"), targets, calendar);
    QVERIFY(clock.updateDueAt != 0);

    applyStatus(clock, "resolved", {}, at("2026-03-02T09:00:00Z"), targets, calendar);
    QCOMPARE(clock.state, std::string(StateStopped));
    QCOMPARE(clock.updateDueAt, UtcSeconds { 0 });

    // A reply on a resolved case and a recomputation leave the update clock stopped.
    recordInteraction(clock, "email", at("2026-03-02T10:00:00Z"), targets, calendar);
    computeDueTimes(clock, targets, calendar);
    applyStatus(clock, "closed", {}, at("2026-03-02T11:00:00Z"), targets, calendar);
    QCOMPARE(clock.updateDueAt, UtcSeconds { 0 });
}

void tst_SlaCalendar::reopenStartsNewUpdatePeriod()
{
    const WorkingCalendar calendar;
    const SlaTargets targets { "illegal_parking", 4, 8, 40 };
    SlaClock clock = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    recordInteraction(clock, "call", at("2026-03-02T08:00:00Z"), targets, calendar);
    applyStatus(clock, "resolved", {}, at("2026-03-02T09:00:00Z"), targets, calendar);

    // Reopened on Wednesday at 09:00 Athens: 6 hours on Wednesday, 2 on Thursday.
    applyStatus(clock, "open", {}, at("2026-03-04T07:00:00Z"), targets, calendar);
    QCOMPARE(clock.state, std::string(StateRunning));
    QCOMPARE(iso(clock.updatePeriodStart), QString("2026-03-04T07:00:00.000Z"));
    QCOMPARE(iso(clock.updateDueAt), QString("2026-03-05T08:00:00.000Z"));

    // A case resolved before any reply owes a first response, not an update, when reopened.
    SlaClock unanswered = startClock(at("2026-03-02T06:00:00Z"), "open", targets, calendar);
    applyStatus(unanswered, "resolved", {}, at("2026-03-02T07:00:00Z"), targets, calendar);
    applyStatus(unanswered, "open", {}, at("2026-03-04T07:00:00Z"), targets, calendar);
    QCOMPARE(unanswered.updateDueAt, UtcSeconds { 0 });
}

void tst_SlaCalendar::updateDueSkipsHolidays_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("municipality");
    QTest::addColumn<QString>("due");
    // Replies on a Friday with 8 working hours to the next update. 20 February: 3 hours on
    // Friday, 5 on Tuesday after Clean Monday. 23 October (summer time): 2 hours on Friday, 6
    // on the next working day, after the change to winter time.
    QTest::newRow("weekend and clean monday")
        << "2026-02-20T10:00:00Z" << "athens" << "2026-02-24T11:00:00.000Z";
    QTest::newRow("athens works on st demetrius")
        << "2026-10-23T10:00:00Z" << "athens" << "2026-10-26T12:00:00.000Z";
    QTest::newRow("thessaloniki skips st demetrius")
        << "2026-10-23T10:00:00Z" << "thessaloniki" << "2026-10-27T12:00:00.000Z";
}

void tst_SlaCalendar::updateDueSkipsHolidays()
{
    QFETCH(QString, reply);
    QFETCH(QString, municipality);
    QFETCH(QString, due);
    const WorkingCalendar calendar = calendarFor(municipality);
    const SlaTargets targets { "illegal_parking", 4, 8, 40 };
    const UtcSeconds replyAt = at(reply.toLatin1().constData());
    SlaClock clock = startClock(replyAt - 3600, "open", targets, calendar);

    recordInteraction(clock, "visit", replyAt, targets, calendar);

    QCOMPARE(iso(clock.updateDueAt), due);
}

QTEST_GUILESS_MAIN(tst_SlaCalendar)
#include "tst_slacalendar.moc"
