// Measures the case list over an encrypted client cache of 1,000,000 cases, or the count given
// as the only argument. The steps are the queue list with its counts, opening each queue in a
// real QTableView, fetching pages to the end of the agent's team queue, the "Show closed
// cases" filter and a case arriving from sync. Each UI step runs the model call, processes
// the pending events and repaints the view, the way the main window does. Prints a Markdown
// table with peak memory for docs/benchmarks.md.

#include "benchcache.h"
#include "cache/statement.h"
#include "caselistproxymodel.h"
#include "data/repository.h"
#include "models/caselistmodel.h"
#include "models/queuelistmodel.h"
#include "sync/changeapplier.h"
#include "testsupport.h"

#include <QApplication>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <functional>
#include <random>

using namespace CivicDesk;
using namespace BenchCache;

namespace {

constexpr int DefaultCaseCount = 1000000;
constexpr int MaxCaseCount = 10000000;
constexpr int ClosedPagesMeasured = 20;
constexpr qint64 FirstCaseTime = 1577836800; // 2020-01-01T00:00:00Z
constexpr qint64 CaseTimeSpan = 6 * 365 * 86400;

QTextStream out(stdout);

/** Returns the status of a case drawn from a mix where most cached cases are finished. */
std::string drawStatus(std::mt19937 &random)
{
    static const std::vector<std::pair<int, std::string>> mix { { 45, "closed" },
        { 25, "resolved" }, { 10, "new" }, { 8, "open" }, { 8, "in_progress" }, { 4, "waiting" } };
    int draw = int(random() % 100);
    for (const auto &[share, status] : mix) {
        if (draw < share) {
            return status;
        }
        draw -= share;
    }
    return "new";
}

/** Returns a case of the generated mix: 40% in the agent's team, 3% of those assigned to the
 *  agent, half unassigned, priorities 0 to 100 in steps of 0.1, created over six years. */
civicdesk::Case makeCase(int number, const Reference &reference, std::mt19937 &random)
{
    civicdesk::Case record;
    record.id = TestSupport::uuid(10000000 + number);
    const qint64 created = FirstCaseTime + qint64(random() % CaseTimeSpan);
    record.number = "CD-" + std::to_string(2020 + (created - FirstCaseTime) / (365 * 86400)) + "-"
        + std::to_string(100000 + number);
    record.partyId = TestSupport::uuid(20000000 + number % 300000);
    record.channel = number % 3 == 0 ? "email" : "portal";
    record.text = requestText(number);
    record.categoryId = reference.categoryIds[random() % reference.categoryIds.size()];
    record.categoryConfidence = 0.8;
    record.categorySource = "model";
    record.language = "el";
    record.municipalityId = reference.municipalityIds[random() % reference.municipalityIds.size()];
    record.status = drawStatus(random);
    const bool myTeam = random() % 100 < 40;
    record.teamId = myTeam ? reference.teamIds.front()
                           : reference.teamIds[1 + random() % (reference.teamIds.size() - 1)];
    const int assignment = int(random() % 100);
    if (myTeam && assignment < 3) {
        record.assigneeId = reference.userId;
    } else if (assignment >= 50) {
        record.assigneeId = reference.colleagueIds[random() % reference.colleagueIds.size()];
    }
    record.priority = double(random() % 1001) / 10.0;
    record.priorityFactors = { { "category", 0.6, 0.4, 24.0 }, { "timeOpen", 0.3, 0.3, 9.0 } };
    record.createdAt = isoTime(created, int(random() % 1000));
    record.updatedAt = record.createdAt;
    record.dueAt = isoTime(created + 20 * 86400, 0);
    const bool finished = record.status == "resolved" || record.status == "closed";
    record.slaState = finished ? "stopped" : "running";
    return record;
}

/** Returns the CREATE INDEX statements of the cases table, as the schema migrations made them. */
QList<QByteArray> caseIndexes(Cache &cache)
{
    Statement query(cache,
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' "
        "AND sql IS NOT NULL");
    QList<QByteArray> statements;
    while (query.next()) {
        statements.append(query.bytes(0));
    }
    return statements;
}

bool execAll(Cache &cache, const QList<QByteArray> &statements)
{
    for (const QByteArray &statement : statements) {
        if (!cache.exec(statement.constData())) {
            out << "failed: " << statement << ": " << cache.lastErrorDetail() << Qt::endl;
            return false;
        }
    }
    return true;
}

/** Inserts one batch of cases with the columns ChangeApplier::storeCase writes. */
bool insertBatch(Cache &cache, const Reference &reference, int first, int end, std::mt19937 &random)
{
    Transaction transaction(cache);
    Statement insert(cache,
        "INSERT INTO cases (id, version, number, party_id, team_id, assignee_id, status, "
        "priority, created_at, data, server_data) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (int number = first; number < end; ++number) {
        const civicdesk::Case record = makeCase(number, reference, random);
        const QByteArray data = QByteArray::fromStdString(nlohmann::json(record).dump());
        insert.bind(1, QByteArray::fromStdString(record.id));
        insert.bind(2, QByteArray::fromStdString(record.number));
        insert.bind(3, QByteArray::fromStdString(record.partyId));
        insert.bind(4, QByteArray::fromStdString(record.teamId));
        insert.bindOptional(5, QString::fromStdString(record.assigneeId));
        insert.bind(6, QByteArray::fromStdString(record.status));
        insert.bind(7, record.priority).bind(8, QByteArray::fromStdString(record.createdAt));
        insert.bind(9, data).bind(10, data);
        if (!insert.run()) {
            out << "insert failed: " << cache.lastErrorDetail() << Qt::endl;
            return false;
        }
    }
    return transaction.commit();
}

/** Fills the cases table in batches. The secondary indexes are dropped first and built again
 *  from their own CREATE statements at the end, because building an index from a full table
 *  sorts once instead of inserting a million entries one by one. */
bool fillCases(Cache &cache, const Reference &reference, int count)
{
    constexpr int BatchSize = 50000; // commits let the WAL be checkpointed along the way
    const QList<QByteArray> indexes = caseIndexes(cache);
    QList<QByteArray> drops;
    for (const QByteArray &create : indexes) {
        drops.append("DROP INDEX " + create.split(' ').value(2));
    }
    if (!execAll(cache, drops)) {
        return false;
    }
    std::mt19937 random(42);
    for (int first = 0; first < count; first += BatchSize) {
        if (!insertBatch(cache, reference, first, std::min(count, first + BatchSize), random)) {
            return false;
        }
    }
    return execAll(cache, indexes);
}

/** Runs one UI step: the action, the events it posted, and a repaint of the visible rows. */
double timeStep(QTableView &view, const std::function<void()> &action)
{
    QElapsedTimer timer;
    timer.start();
    action();
    QCoreApplication::processEvents();
    view.viewport()->repaint();
    return milliseconds(timer);
}

void setupTable(QTableView &view, CaseListProxyModel &proxy)
{
    view.setModel(&proxy);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::SingleSelection);
    view.setAlternatingRowColors(true);
    view.setWordWrap(false);
    view.verticalHeader()->hide();
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 10);
    view.horizontalHeader()->setStretchLastSection(true);
    view.setColumnHidden(CaseListModel::MunicipalityColumn, true);
    view.setColumnHidden(CaseListModel::AssigneeColumn, true);
    view.resize(640, 700); // the case list pane of the 1366x768 main window
    view.show();
}

struct Bench
{
    CaseListModel &model;
    QTableView &view;
};

void measureQueues(Bench &bench, QueueListModel &queues)
{
    QElapsedTimer timer;
    timer.start();
    queues.reload();
    out << "| queue list with open-case counts | " << queues.rowCount() << " queues | "
        << milliseconds(timer) << " |" << Qt::endl;
    for (int row = 0; row < queues.rowCount(); ++row) {
        const QueueKey key = queues.queueAt(row);
        const double step = timeStep(bench.view, [&] { bench.model.setQueue(key); });
        const int open = queues.index(row).data(QueueListModel::OpenCountRole).toInt();
        out << "| open queue " << row << " (" << open << " open cases), first page shown | "
            << bench.model.rowCount() << " rows | " << step << " |" << Qt::endl;
    }
}

/** Scrolls to the bottom until the model has no more rows; returns false when stuck. */
bool scrollToEnd(Bench &bench, int maxPages, QList<double> *steps)
{
    while (bench.model.canFetchMore({}) && steps->size() < maxPages) {
        const int before = bench.model.rowCount();
        steps->append(timeStep(bench.view, [&] { bench.view.scrollToBottom(); }));
        if (bench.model.rowCount() == before && bench.model.canFetchMore({})) {
            out << "scrolling to the bottom fetched nothing at row " << before << Qt::endl;
            return false;
        }
    }
    return true;
}

void printSteps(const char *name, const Bench &bench, const QList<double> &steps, double total)
{
    out << "| " << name << ", " << steps.size() << " pages: median / max per page | "
        << bench.model.rowCount() << " rows | " << median(steps) << " / " << maximum(steps)
        << " (total " << total / 1000.0 << " s) |" << Qt::endl;
}

/** Toggles the closed-case filter as MainWindow does. */
void showClosed(Bench &bench, bool includeClosed)
{
    bench.view.scrollToTop();
    bench.model.setIncludeClosed(includeClosed);
}

bool measurePaging(Bench &bench, const QueueKey &team)
{
    bench.model.setQueue(team);
    QList<double> steps;
    QElapsedTimer total;
    total.start();
    if (!scrollToEnd(bench, MaxCaseCount, &steps)) {
        return false;
    }
    printSteps("scroll to the end of the team queue", bench, steps, milliseconds(total));
    out << "| peak memory after scrolling to the end | | " << peakMemoryMib() << " MiB |"
        << Qt::endl;

    double step = timeStep(bench.view, [&] { showClosed(bench, true); });
    out << "| filter: show closed cases | " << bench.model.rowCount() << " rows | " << step << " |"
        << Qt::endl;
    steps.clear();
    total.restart();
    scrollToEnd(bench, ClosedPagesMeasured, &steps);
    printSteps("next pages with closed cases", bench, steps, milliseconds(total));
    step = timeStep(bench.view, [&] { showClosed(bench, false); });
    out << "| filter: hide closed cases | " << bench.model.rowCount() << " rows | " << step << " |"
        << Qt::endl;
    step = timeStep(bench.view, [&] { showClosed(bench, true); });
    out << "| filter: show closed cases again | " << bench.model.rowCount() << " rows | " << step
        << " |" << Qt::endl;
    step = timeStep(bench.view, [&] { showClosed(bench, false); });
    out << "| filter: hide closed cases again | " << bench.model.rowCount() << " rows | " << step
        << " |" << Qt::endl;
    return true;
}

/** Applies one new case through ChangeApplier that sorts first in the team queue, then
 *  reloads as MainWindow does on cacheChanged. */
bool measureSyncArrival(Bench &bench, Cache &cache, const Reference &reference)
{
    nlohmann::json record = TestSupport::caseRecord(TestSupport::uuid(9999999), "CD-2026-999999",
        reference.teamIds.front(), 100.0, {}, "new", TestSupport::uuid(20000000));
    // Older than every generated case, so it sorts first among the cases of priority 100.
    record["createdAt"] = isoTime(FirstCaseTime - 86400, 0);
    ChangeApplier applier(cache, QString::fromStdString(reference.userId));
    const std::int64_t seq = 1000000; // after the reference data's change numbers
    if (!applier.apply({ TestSupport::upsert(seq, "case", record) }, seq).ok) {
        out << "applying the new case failed: " << cache.lastErrorDetail() << Qt::endl;
        return false;
    }
    const double step = timeStep(bench.view, [&] { bench.model.reload(); });
    const QString newId = QString::fromStdString(TestSupport::uuid(9999999));
    const bool onTop = bench.model.caseIdAt(0) == newId;
    out << "| new case from sync, reload (case on top: " << (onTop ? "yes" : "no") << ") | "
        << bench.model.rowCount() << " rows | " << step << " |" << Qt::endl;
    return onTop;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    bool countOk = false;
    const int count = countArgument(app.arguments(), DefaultCaseCount, MaxCaseCount, &countOk);
    if (!countOk) {
        out << "usage: bench_caselist [CASES], CASES from 1 to " << MaxCaseCount << " (default "
            << DefaultCaseCount << "); invalid: " << app.arguments().value(1) << Qt::endl;
        return 2;
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.cdcache"));
    const QByteArray key = TestSupport::randomKey();
    const Reference reference = makeReference();
    QElapsedTimer timer;
    timer.start();
    {
        auto cache = BenchCache::open(path, key);
        if (!cache || !storeReferenceData(*cache, reference)
            || !fillCases(*cache, reference, count)) {
            return 1;
        }
    }
    out << "filled a cache with " << count << " cases in " << milliseconds(timer) / 1000.0
        << " s; peak memory " << peakMemoryMib() << " MiB" << Qt::endl;

    timer.restart();
    auto cache = BenchCache::open(path, key);
    if (!cache) {
        return 1;
    }
    out << "| step | rows | time (ms) |" << Qt::endl << "| --- | --- | --- |" << Qt::endl;
    out << "| open the encrypted cache | | " << milliseconds(timer) << " |" << Qt::endl;

    Repository repository(*cache, QString::fromStdString(reference.userId));
    QueueListModel queues(&repository);
    CaseListModel model(&repository);
    CaseListProxyModel proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    setupTable(view, proxy);
    Bench bench { model, view };

    measureQueues(bench, queues);
    const QueueKey team { QueueKey::Kind::Team, QString::fromStdString(reference.teamIds.front()) };
    if (!measurePaging(bench, team) || !measureSyncArrival(bench, *cache, reference)) {
        return 1;
    }
    out << "| peak memory of the whole run | | " << peakMemoryMib() << " MiB |" << Qt::endl;
    return 0;
}
