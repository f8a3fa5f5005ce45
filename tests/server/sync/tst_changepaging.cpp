// Cutting change pages so that a batch or push stays within the protocol's message limit.
#include "changepaging.h"
#include "protocol/codec.h"

#include <QTest>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

/** Returns a page of count changes whose records carry bodyBytes of text each. */
ChangePage pageOf(int count, std::size_t bodyBytes)
{
    ChangePage page;
    for (int i = 1; i <= count; ++i) {
        protocol::Change change;
        change.seq = i * 10;
        change.entity = "case";
        change.id = "case-" + std::to_string(i);
        change.version = 1;
        change.data = { { "text", std::string(bodyBytes, 'x') } };
        page.changes.push_back(change);
    }
    page.cursor = count * 10;
    page.more = false;
    return page;
}

} // namespace

class tst_ChangePaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsPage_data();
    void fitsPage();
    void encodedPushStaysWithinLimit();
};

void tst_ChangePaging::fitsPage_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("bodyBytes");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("keptCount");
    QTest::addColumn<bool>("more");
    QTest::addColumn<bool>("fits");

    QTest::newRow("small page unchanged") << 5 << 10 << 10000 << 5 << false << true;
    QTest::newRow("empty page unchanged") << 0 << 10 << 10000 << 0 << false << true;
    QTest::newRow("cut to what fits") << 10 << 1000 << 5000 << 4 << true << true;
    QTest::newRow("one change too large") << 3 << 20000 << 5000 << 1 << true << false;
}

void tst_ChangePaging::fitsPage()
{
    QFETCH(int, count);
    QFETCH(int, bodyBytes);
    QFETCH(int, limit);
    QFETCH(int, keptCount);
    QFETCH(bool, more);
    QFETCH(bool, fits);
    ChangePage page = pageOf(count, std::size_t(bodyBytes));
    const std::int64_t originalCursor = page.cursor;

    const bool result = fitPageToMessageLimit(page, std::size_t(limit));

    QCOMPARE(result, fits);
    QCOMPARE(int(page.changes.size()), keptCount);
    QCOMPARE(page.more, more);
    if (keptCount < count) {
        QCOMPARE(page.cursor, page.changes.back().seq);
    } else {
        QCOMPARE(page.cursor, originalCursor);
    }
}

void tst_ChangePaging::encodedPushStaysWithinLimit()
{
    ChangePage page = pageOf(3000, 600);

    fitPageToMessageLimit(page, protocol::MaxMessageBytes);
    const std::string text =
        protocol::encode(protocol::Push { 0, page.cursor, std::move(page.changes) });

    QVERIFY(text.size() <= protocol::MaxMessageBytes);
    QVERIFY(text.size() > protocol::MaxMessageBytes - 2000);
}

QTEST_APPLESS_MAIN(tst_ChangePaging)
#include "tst_changepaging.moc"
