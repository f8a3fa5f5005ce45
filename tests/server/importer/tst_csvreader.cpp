#include "importer/csvreader.h"

#include <QtTest>
#include <sstream>

using namespace civicdesk::server;

class tst_CsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readRecords_data();
    void readRecords();
    void unterminatedQuoteIsError();
    void recordLineCountsQuotedNewlines();
};

void tst_CsvReader::readRecords_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected"); // records joined with '|'

    QTest::newRow("plain") << QByteArray("a,b,c\n1,2,3\n") << QStringList { "a|b|c", "1|2|3" };
    QTest::newRow("no final newline") << QByteArray("a,b") << QStringList { "a|b" };
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QStringList { "a|b", "1|2" };
    QTest::newRow("quoted comma") << QByteArray("\"x, y\",z\n") << QStringList { "x, y|z" };
    QTest::newRow("doubled quote")
        << QByteArray("\"say \"\"hi\"\"\",2\n") << QStringList { "say \"hi\"|2" };
    QTest::newRow("newline in field") << QByteArray("\"line 1\nline 2\",x\nnext,y\n")
                                      << QStringList { "line 1\nline 2|x", "next|y" };
    QTest::newRow("empty fields") << QByteArray(",,\n") << QStringList { "||" };
    QTest::newRow("greek utf-8") << QByteArray("Αττικής,\"Τμήμα, Οδοποιίας\"\n")
                                 << QStringList { "Αττικής|Τμήμα, Οδοποιίας" };
}

void tst_CsvReader::readRecords()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    std::istringstream stream(input.toStdString());
    CsvReader reader(stream);
    QStringList records;
    while (const auto record = reader.readRecord()) {
        QVERIFY(reader.error().empty());
        QStringList fields;
        for (const std::string &field : *record) {
            fields << QString::fromStdString(field);
        }
        records << fields.join('|');
    }

    QCOMPARE(records, expected);
}

void tst_CsvReader::unterminatedQuoteIsError()
{
    std::istringstream stream("a,\"open\n");
    CsvReader reader(stream);

    QVERIFY(reader.readRecord().has_value());
    QCOMPARE(reader.error(), std::string("unterminated quoted field"));
}

void tst_CsvReader::recordLineCountsQuotedNewlines()
{
    std::istringstream stream("h\n\"a\nb\nc\"\nnext\n");
    CsvReader reader(stream);
    reader.readRecord();
    reader.readRecord();
    QCOMPARE(reader.recordLine(), 2);
    reader.readRecord();

    QCOMPARE(reader.recordLine(), 5);
}

QTEST_GUILESS_MAIN(tst_CsvReader)
#include "tst_csvreader.moc"
