#include "intake/assigner.h"

#include <QtTest>

using namespace civicdesk;
using namespace civicdesk::server;

namespace {

/** A team member; profile is "<role>;<languages>;<skills>;<capacity>;<open cases>". */
TeamMemberLoad member(const QString &username, const QString &profile)
{
    const QStringList parts = profile.split(';');
    TeamMemberLoad load;
    load.user.id = "id-" + username.toStdString();
    load.user.username = username.toStdString();
    roleFromString(parts[0].toStdString(), load.user.role);
    for (const QString &language : parts[1].split(',', Qt::SkipEmptyParts)) {
        load.user.languages.push_back(language.toStdString());
    }
    for (const QString &skill : parts[2].split(',', Qt::SkipEmptyParts)) {
        load.user.skills.push_back(skill.toStdString());
    }
    load.user.capacity = parts[3].toInt();
    load.openCases = parts[4].toInt();
    return load;
}

} // namespace

class tst_Assigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void assign_data();
    void assign();
};

void tst_Assigner::assign_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("members"); // "username=profile", see member()
    QTest::addColumn<QString>("assignee");
    QTest::addColumn<QString>("reason");

    QTest::newRow("fewest open cases wins")
        << "push"
        << "el" << QStringList { "maria=agent;el,en;;40;5", "giorgos=agent;el;;30;2" } << "giorgos"
        << "assigned to giorgos: fewest open cases (2 of 30) among 2 agents who speak el and "
           "handle illegal_parking";
    QTest::newRow("only speakers of the language")
        << "push"
        << "en" << QStringList { "maria=agent;el,en;;40;5", "giorgos=agent;el;;30;2" } << "maria"
        << "assigned to maria: fewest open cases (5 of 40) among 1 agents who speak en and "
           "handle illegal_parking";
    QTest::newRow("skills limit categories")
        << "push"
        << "el"
        << QStringList { "maria=agent;el;illegal_parking;0;9", "giorgos=agent;el;other;0;0" }
        << "maria"
        << "assigned to maria: fewest open cases (9 of no limit) among 1 agents who speak el "
           "and handle illegal_parking";
    QTest::newRow("empty skills handle every category")
        << "push"
        << "el" << QStringList { "maria=agent;el;other;0;0", "giorgos=agent;el;;0;4" } << "giorgos"
        << "assigned to giorgos: fewest open cases (4 of no limit) among 1 agents who speak el "
           "and handle illegal_parking";
    QTest::newRow("agent at capacity skipped")
        << "push"
        << "el" << QStringList { "maria=agent;el;;3;3", "giorgos=agent;el;;30;7" } << "giorgos"
        << "assigned to giorgos: fewest open cases (7 of 30) among 2 agents who speak el and "
           "handle illegal_parking";
    QTest::newRow("tie broken by username")
        << "push"
        << "el" << QStringList { "nikos=agent;el;;0;1", "anna=agent;el;;0;1", "zoe=agent;el;;0;1" }
        << "anna"
        << "assigned to anna: fewest open cases (1 of no limit) among 3 agents who speak el and "
           "handle illegal_parking";
    QTest::newRow("supervisors are not pushed cases")
        << "push"
        << "el" << QStringList { "eleni=supervisor;el;;0;0", "giorgos=agent;el;;30;12" }
        << "giorgos"
        << "assigned to giorgos: fewest open cases (12 of 30) among 1 agents who speak el and "
           "handle illegal_parking";
    QTest::newRow("everyone at capacity")
        << "push"
        << "el" << QStringList { "maria=agent;el;;3;3", "giorgos=agent;el;;1;4" } << ""
        << "team queue: no agent speaks el, handles illegal_parking and is under capacity";
    QTest::newRow("nobody speaks the language")
        << "push"
        << "en" << QStringList { "giorgos=agent;el;;30;0" } << ""
        << "team queue: no agent speaks en, handles illegal_parking and is under capacity";
    QTest::newRow("team without members")
        << "push"
        << "el" << QStringList {} << ""
        << "team queue: no agent speaks el, handles illegal_parking and is under capacity";
    QTest::newRow("claim mode keeps the queue")
        << "claim"
        << "el" << QStringList { "giorgos=agent;el;;30;0" } << ""
        << "team queue: the team works by claiming";
}

void tst_Assigner::assign()
{
    QFETCH(QString, mode);
    QFETCH(QString, language);
    QFETCH(QStringList, members);
    QFETCH(QString, assignee);
    QFETCH(QString, reason);
    Team team { "t", "a", "SHARED_SPACE_DEPARTMENT", "Κ", "S", "9", false, mode.toStdString() };
    std::vector<TeamMemberLoad> loads;
    for (const QString &entry : members) {
        loads.push_back(member(entry.section('=', 0, 0), entry.section('=', 1)));
    }

    const Assignment assignment =
        assignCase(team, language.toStdString(), "illegal_parking", loads);

    QCOMPARE(QString::fromStdString(assignment.assigneeId),
        assignee.isEmpty() ? QString() : "id-" + assignee);
    QCOMPARE(QString::fromStdString(assignment.reason), reason);
}

QTEST_GUILESS_MAIN(tst_Assigner)
#include "tst_assigner.moc"
