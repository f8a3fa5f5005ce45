// The store's write-ahead log is copied back into the database by WalCheckpointer's thread,
// not by the commit that crosses SQLite's threshold.
#include "store/sqlsession.h"
#include "store/walcheckpointer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace civicdesk::server;

namespace {

constexpr int RowBytes = 2000;

/** Writes rows of RowBytes in transactions of 100 rows. */
void writeRows(SqlSession &sql, int rows)
{
    const std::string payload(RowBytes, 'x');
    for (int done = 0; done < rows;) {
        sql.begin();
        for (int i = 0; i < 100 && done < rows; ++i, ++done) {
            sql.exec("INSERT INTO rows (payload) VALUES (?)", { payload });
        }
        sql.commit();
    }
}

bool waitFor(const std::function<bool()> &condition, int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > milliseconds) {
            return false;
        }
        QThread::msleep(10);
    }
    return true;
}

/** A WAL database in a temporary folder with one table, watched by a checkpointer. */
struct WatchedStore
{
    WatchedStore()
        : path(dir.filePath("store.sqlite").toStdString())
        , writer(path)
    {
        writer.query("PRAGMA journal_mode = WAL");
        writer.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT)");
        checkpointer = std::make_unique<WalCheckpointer>(path);
        checkpointer->watch(writer);
    }
    // The writer's hook points into the checkpointer, so it is removed first.
    ~WatchedStore() { writer.setWalHook({}); }

    QTemporaryDir dir;
    std::string path;
    SqlSession writer;
    std::unique_ptr<WalCheckpointer> checkpointer;
};

} // namespace

class tst_WalCheckpointer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threadCopiesLogIntoDatabase();
    void smallLogLeftAlone();
    void logBoundedUnderConstantWrites();
};

void tst_WalCheckpointer::threadCopiesLogIntoDatabase()
{
    WatchedStore store;
    SqlSession &writer = store.writer;
    WalCheckpointer &checkpointer = *store.checkpointer;
    const std::string &path = store.path;

    // About twice the threshold in pages.
    writeRows(writer, WalCheckpointer::ThresholdPages * 4);

    QVERIFY(waitFor([&] { return checkpointer.checkpointsRun() > 0; }, 10000));
    // The rows reached the database file itself, which starts at a few pages.
    QVERIFY(waitFor(
        [&] {
            return QFileInfo(QString::fromStdString(path)).size()
                > WalCheckpointer::ThresholdPages * 4096LL;
        },
        10000));
}

void tst_WalCheckpointer::smallLogLeftAlone()
{
    WatchedStore store;
    SqlSession &writer = store.writer;
    WalCheckpointer &checkpointer = *store.checkpointer;

    writeRows(writer, 200); // about 100 pages, far under the threshold
    QThread::msleep(200);
    QCOMPARE(checkpointer.checkpointsRun(), 0);
}

void tst_WalCheckpointer::logBoundedUnderConstantWrites()
{
    WatchedStore store;
    SqlSession &writer = store.writer;
    const std::string &path = store.path;

    // Commits without pause, so the thread rarely finds the log fully copied between two of
    // them and SQLite cannot start the log again from its beginning. Past MaxPages the
    // writer copies it itself, after which the next transaction restarts the log.
    const qint64 bound = (WalCheckpointer::MaxPages + 1000) * 4200LL;
    const QString wal = QString::fromStdString(path + "-wal");
    for (int round = 0; round < 14; ++round) {
        writeRows(writer, WalCheckpointer::ThresholdPages * 2);
        QVERIFY2(QFileInfo(wal).size() < bound,
            qPrintable(QStringLiteral("log of %1 bytes").arg(QFileInfo(wal).size())));
    }
}

QTEST_GUILESS_MAIN(tst_WalCheckpointer)
#include "tst_walcheckpointer.moc"
