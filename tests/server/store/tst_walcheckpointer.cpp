// The store's write-ahead log is copied back into the database by WalCheckpointer's thread,
// not by the commit that crosses SQLite's threshold.
#include "store/sqlsession.h"
#include "store/walcheckpointer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

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
    QTemporaryDir dir;
    const std::string path = dir.filePath("store.sqlite").toStdString();
    SqlSession writer(path);
    writer.query("PRAGMA journal_mode = WAL");
    writer.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT)");
    WalCheckpointer checkpointer(path);
    checkpointer.watch(writer);

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
    writer.setWalHook({});
}

void tst_WalCheckpointer::smallLogLeftAlone()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("store.sqlite").toStdString();
    SqlSession writer(path);
    writer.query("PRAGMA journal_mode = WAL");
    writer.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT)");
    WalCheckpointer checkpointer(path);
    checkpointer.watch(writer);

    writeRows(writer, 200); // about 100 pages, far under the threshold
    QThread::msleep(200);
    QCOMPARE(checkpointer.checkpointsRun(), 0);
    writer.setWalHook({});
}

void tst_WalCheckpointer::logBoundedUnderConstantWrites()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("store.sqlite").toStdString();
    SqlSession writer(path);
    writer.query("PRAGMA journal_mode = WAL");
    writer.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT)");
    WalCheckpointer checkpointer(path);
    checkpointer.watch(writer);

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
    writer.setWalHook({});
}

QTEST_GUILESS_MAIN(tst_WalCheckpointer)
#include "tst_walcheckpointer.moc"
