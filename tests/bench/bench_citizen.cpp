// Measures opening the citizen 360° window for a party with 10,000 timeline events (or the
// count given as the only argument) over an encrypted client cache, under the offscreen
// platform: from the constructor call to the window shown and painted with its cases and
// the first timeline entries. Also times scrolling the timeline to its end and, for
// comparison, reading the whole timeline in one query. Prints a Markdown table.

#include "benchcache.h"
#include "citizenwindow.h"
#include "data/repository.h"
#include "models/timelinemodel.h"
#include "sync/changeapplier.h"
#include "testsupport.h"
#include "timelineview.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTextStream>
#include <random>

using namespace CivicDesk;
using namespace BenchCache;

namespace {

constexpr int DefaultEventCount = 10000;
constexpr int MaxEventCount = 1000000;
constexpr int PartyCaseCount = 200;
constexpr int OtherPartyCount = 2000;
constexpr int OtherEventCount = 40000;
constexpr int Openings = 7;
constexpr qint64 FirstEventTime = 1577836800; // 2020-01-01T00:00:00Z
constexpr qint64 EventTimeSpan = 6 * 365 * 86400;

QTextStream out(stdout);

const std::string PartyId = TestSupport::uuid(30000000);

std::string caseIdOf(int partyNumber, int caseNumber)
{
    return TestSupport::uuid(40000000 + partyNumber * PartyCaseCount + caseNumber);
}

/** Returns an event of one of the party's cases. Every tenth event has the time of the one
 *  before it, so the timeline has ties that its order breaks by id. */
civicdesk::Interaction makeEvent(
    int number, int partyNumber, const Reference &reference, std::mt19937 &random, qint64 *time)
{
    static const char *const Kinds[] = { "submission", "note", "status", "assignment", "call",
        "email", "chat", "visit" };
    if (number % 10 != 0) {
        *time = FirstEventTime + qint64(random() % EventTimeSpan);
    }
    civicdesk::Interaction event;
    event.id = TestSupport::uuid(50000000 + partyNumber * 100000 + number);
    event.partyId = partyNumber == 0 ? PartyId : TestSupport::uuid(30000000 + partyNumber);
    event.caseId = caseIdOf(partyNumber, number % PartyCaseCount);
    event.kind = Kinds[number % 8];
    event.channel = number % 8 >= 4 ? event.kind : "internal";
    event.body = requestText(number);
    if (event.kind != "submission") {
        event.authorId = reference.colleagueIds[random() % reference.colleagueIds.size()];
    }
    event.createdAt = isoTime(*time, 0);
    return event;
}

/** Stores the party, its cases, its events and other parties' events through ChangeApplier. */
bool fillCitizen(Cache &cache, const Reference &reference, int eventCount)
{
    std::mt19937 random(7);
    std::vector<civicdesk::protocol::Change> changes;
    changes.push_back(TestSupport::upsert(0, "party",
        TestSupport::partyRecord(PartyId, "Ελένη", "Παπαδοπούλου", "094014298", "01017012345")));
    for (int number = 0; number < PartyCaseCount; ++number) {
        changes.push_back(TestSupport::upsert(0, "case",
            TestSupport::caseRecord(caseIdOf(0, number),
                "CD-2024-" + std::to_string(300000 + number), reference.teamIds.front(),
                double(number % 100), {}, "closed", PartyId)));
    }
    qint64 time = FirstEventTime;
    for (int number = 0; number < eventCount; ++number) {
        changes.push_back(
            TestSupport::upsert(0, "interaction", makeEvent(number, 0, reference, random, &time)));
    }
    for (int number = 0; number < OtherEventCount; ++number) {
        const int party = 1 + number % OtherPartyCount;
        changes.push_back(TestSupport::upsert(
            0, "interaction", makeEvent(number, party, reference, random, &time)));
    }
    const std::int64_t firstSeq = 1000; // after the reference data's change numbers
    for (std::size_t i = 0; i < changes.size(); ++i) {
        changes[i].seq = firstSeq + std::int64_t(i);
    }
    ChangeApplier applier(cache, QString::fromStdString(reference.userId));
    return applier.apply(changes, firstSeq + std::int64_t(changes.size())).ok;
}

/** Opens, shows and paints a citizen window; returns the time in ms, or -1 without data. */
double openCitizen(Repository &repository, CitizenWindow **window)
{
    QElapsedTimer timer;
    timer.start();
    *window = new CitizenWindow(&repository, QString::fromStdString(PartyId));
    (*window)->show();
    QCoreApplication::processEvents();
    (*window)->repaint();
    const double elapsed = milliseconds(timer);

    auto *timeline = (*window)->findChild<TimelineView *>();
    const bool shown = timeline && timeline->model()->rowCount() > 0
        && timeline->indexAt(QPoint(10, 10)).row() == 0;
    return shown ? elapsed : -1;
}

bool measureOpenings(Repository &repository)
{
    // The main window is on screen before anyone opens a citizen, so fonts and style are
    // loaded by then: one window of another party loads them here.
    auto *other =
        new CitizenWindow(&repository, QString::fromStdString(TestSupport::uuid(30000001)));
    other->show();
    QCoreApplication::processEvents();
    other->repaint();
    delete other;

    QList<double> warm;
    for (int opening = 0; opening < Openings; ++opening) {
        CitizenWindow *window = nullptr;
        const double elapsed = openCitizen(repository, &window);
        if (elapsed < 0) {
            out << "the citizen window showed no timeline entry at its top" << Qt::endl;
            delete window;
            return false;
        }
        if (opening == 0) {
            out << "| open the citizen window, first time | "
                << window->findChild<TimelineView *>()->model()->rowCount() << " entries | "
                << elapsed << " |" << Qt::endl;
        } else {
            warm.append(elapsed);
        }
        delete window;
    }
    out << "| open the citizen window again, median / max of " << warm.size() << " | | "
        << median(warm) << " / " << maximum(warm) << " |" << Qt::endl;
    return true;
}

/** Times the cache reads a window opening makes, to tell them from widget work. */
void measureReads(Repository &repository)
{
    const QString partyId = QString::fromStdString(PartyId);
    QElapsedTimer timer;
    timer.start();
    const int cases = int(repository.casesOfParty(partyId).size());
    out << "| of which: the party's cases | " << cases << " cases | " << milliseconds(timer) << " |"
        << Qt::endl;
    timer.restart();
    const int entries = int(repository.timelinePageOfParty(partyId, {}, 100).items.size());
    out << "| of which: the first timeline page | " << entries << " entries | "
        << milliseconds(timer) << " |" << Qt::endl;
    timer.restart();
    repository.recordAccess(QStringLiteral("party"), partyId, QStringLiteral("citizen-360"));
    out << "| of which: the access log entry (a committed write) | | " << milliseconds(timer)
        << " |" << Qt::endl;
}

void measureScrolling(Repository &repository)
{
    CitizenWindow window(&repository, QString::fromStdString(PartyId));
    window.show();
    QCoreApplication::processEvents();
    auto *timeline = window.findChild<TimelineView *>();
    QAbstractItemModel *model = timeline->model();
    QList<double> steps;
    QElapsedTimer total;
    total.start();
    while (model->canFetchMore({})) {
        const int before = model->rowCount();
        QElapsedTimer step;
        step.start();
        timeline->scrollToBottom();
        QCoreApplication::processEvents();
        timeline->viewport()->repaint();
        steps.append(milliseconds(step));
        if (model->rowCount() == before && model->canFetchMore({})) {
            out << "scrolling to the bottom fetched nothing at row " << before << Qt::endl;
            return;
        }
    }
    out << "| scroll the timeline to its end, " << steps.size()
        << " pages: median / max per page | " << model->rowCount() << " entries | " << median(steps)
        << " / " << maximum(steps) << " (total " << milliseconds(total) / 1000.0 << " s) |"
        << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    bool countOk = false;
    const int count = countArgument(app.arguments(), DefaultEventCount, MaxEventCount, &countOk);
    if (!countOk) {
        out << "usage: bench_citizen [EVENTS], EVENTS from 1 to " << MaxEventCount << " (default "
            << DefaultEventCount << "); invalid: " << app.arguments().value(1) << Qt::endl;
        return 2;
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.cdcache"));
    const QByteArray key = TestSupport::randomKey();
    const Reference reference = makeReference();
    {
        auto cache = BenchCache::open(path, key);
        if (!cache || !storeReferenceData(*cache, reference)
            || !fillCitizen(*cache, reference, count)) {
            out << "filling the cache failed" << Qt::endl;
            return 1;
        }
    }
    auto cache = BenchCache::open(path, key);
    if (!cache) {
        return 1;
    }
    Repository repository(*cache, QString::fromStdString(reference.userId));
    out << "| step | rows shown | time (ms) |" << Qt::endl << "| --- | --- | --- |" << Qt::endl;

    if (!measureOpenings(repository)) {
        return 1;
    }
    measureReads(repository);
    measureScrolling(repository);

    QElapsedTimer timer;
    timer.start();
    const int all = int(repository.timelineOfParty(QString::fromStdString(PartyId)).size());
    out << "| for comparison: read the whole timeline in one query | " << all << " entries | "
        << milliseconds(timer) << " |" << Qt::endl;
    out << "| peak memory of the whole run | | " << peakMemoryMib() << " MiB |" << Qt::endl;
    return 0;
}
