#include "importer/csvreader.h"
#include "intake/languagedetector.h"
#include "intake/textnormalizer.h"

#include <QtTest>

using namespace civicdesk::server;

class tst_TextNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data();
    void normalize();
    void detectLanguage_data();
    void detectLanguage();
    void languageAccuracyOnShippedRows();
};

void tst_TextNormalizer::normalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("accented Greek") << "Οδός Αθηνάς" << "οδοσ αθηνασ";
    QTest::newRow("capital Greek") << "ΟΔΟΣ ΑΘΗΝΑΣ" << "οδοσ αθηνασ";
    QTest::newRow("diaeresis") << "Προϋπόθεση ΐ" << "προυποθεση ι";
    QTest::newRow("final sigma inside text") << "τους δρόμους." << "τουσ δρομουσ";
    QTest::newRow("English case and punctuation")
        << "Car PARKED, on the sidewalk!!" << "car parked on the sidewalk";
    QTest::newRow("whitespace collapses") << "  a \t\n b   c  " << "a b c";
    QTest::newRow("AFM") << "ΑΦΜ: 123456789." << "αφμ __afm__";
    QTest::newRow("AMKA") << "amka 01019012345" << "amka __amka__";
    QTest::newRow("case number") << "για την CD-2026-000123;" << "για την __casenumber__";
    QTest::newRow("case number inside a word stays split")
        << "xcd-2026-000123" << "xcd __num__ __num__";
    QTest::newRow("short case number is numbers") << "CD-2026-123" << "cd __num__ __num__";
    QTest::newRow("other numbers") << "Οδός Πατησίων 12, 3 μέρες" << "οδοσ πατησιων __num__ __num__ μερεσ";
    QTest::newRow("ten digits is a number") << "1234567890" << "__num__";
    QTest::newRow("letters and digits stay one token") << "ΙΚΥ1234 on A4" << "ικυ1234 on a4";
    QTest::newRow("Greeklish stays Latin") << "To pezodromio einai 8ameno" << "to pezodromio einai 8ameno";
    QTest::newRow("label marker cannot pass through") << "__label__other text" << "label other text";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("only punctuation") << "!!! ..." << "";
}

void tst_TextNormalizer::normalize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(normalizeText(input.toStdString())), expected);
}

void tst_TextNormalizer::detectLanguage_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Greek") << "Σπασμένο φανάρι στη γωνία" << "el";
    QTest::newRow("Greek without accents, caps") << "ΣΠΑΣΜΕΝΟ ΦΑΝΑΡΙ" << "el";
    QTest::newRow("one Greek word in Latin text") << "parking στο Μαρούσι" << "el";
    QTest::newRow("Greeklish") << "den exoun mazepsei ta skoupidia stin odo" << "el";
    QTest::newRow("Greeklish with endings") << "parkaroun panta mprosta stin eisodo" << "el";
    QTest::newRow("English") << "The car has been parked on the street for weeks" << "en";
    QTest::newRow("English without function words") << "Abandoned Honda, flat tires" << "en";
    QTest::newRow("numbers only") << "12345" << "en";
    QTest::newRow("empty") << "" << "en";
}

void tst_TextNormalizer::detectLanguage()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(civicdesk::server::detectLanguage(input.toStdString())),
        expected);
}

void tst_TextNormalizer::languageAccuracyOnShippedRows()
{
    const std::string resources = CIVICDESK_SOURCE_DIR "/resources";
    const CsvTable greek = CsvTable::load(resources + "/training/greek_requests_team_written.csv");
    int greeklish = 0;
    int greeklishRight = 0;
    for (const auto &row : greek.rows()) {
        if (greek.field(row, "script") == "greeklish") {
            ++greeklish;
            greeklishRight += civicdesk::server::detectLanguage(greek.field(row, "text")) == "el";
        }
    }
    const CsvTable boston = CsvTable::load(resources + "/data/requests/boston_bos311_sample.csv");
    int english = 0;
    int englishRight = 0;
    for (const auto &row : boston.rows()) {
        const std::string text = boston.field(row, "description");
        if (boston.field(row, "is_templated") == "0" && !normalizeText(text).empty()) {
            ++english;
            englishRight += civicdesk::server::detectLanguage(text) == "en";
        }
    }

    const double greeklishAccuracy = double(greeklishRight) / greeklish;
    const double englishAccuracy = double(englishRight) / english;
    qInfo("Greeklish rows as el: %d/%d (%.3f); Boston rows as en: %d/%d (%.3f)",
        greeklishRight, greeklish, greeklishAccuracy, englishRight, english, englishAccuracy);
    QVERIFY(greeklish > 300);
    QVERIFY(english > 3000);
    QVERIFY2(greeklishAccuracy >= 0.95, "Greeklish recall below 95%");
    QVERIFY2(englishAccuracy >= 0.97, "English recall below 97%");
}

QTEST_GUILESS_MAIN(tst_TextNormalizer)
#include "tst_textnormalizer.moc"
