// Menus, translations and the secondary windows of MainWindow.

#include "caselistproxymodel.h"
#include "citizenwindow.h"
#include "conflictsdialog.h"
#include "mainwindow.h"
#include "partysearchdialog.h"
#include "priorityweightsdialog.h"
#include "queuelistproxymodel.h"
#include "routingrulesdialog.h"
#include "session/clientsession.h"

#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QEvent>
#include <QMenuBar>
#include <QMessageBox>

namespace CivicDesk {

void MainWindow::setupMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_conflictsAction = m_fileMenu->addAction(QString(), this, [this] { openConflicts(); });
    m_fileMenu->addSeparator();
    m_signOutAction = m_fileMenu->addAction(QString(), this, &MainWindow::signOutRequested);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto *languages = new QActionGroup(this);
    // Language names stay in their own language so anyone can find theirs.
    m_greekAction = m_languageMenu->addAction(QStringLiteral("Ελληνικά"));
    m_englishAction = m_languageMenu->addAction(QStringLiteral("English"));
    for (QAction *action : { m_greekAction, m_englishAction }) {
        action->setCheckable(true);
        languages->addAction(action);
    }
    m_greekAction->setChecked(m_language == QLatin1String("el"));
    m_englishAction->setChecked(m_language == QLatin1String("en"));
    connect(m_greekAction, &QAction::triggered, this,
        [this] { Q_EMIT languageChangeRequested(QStringLiteral("el")); });
    connect(m_englishAction, &QAction::triggered, this,
        [this] { Q_EMIT languageChangeRequested(QStringLiteral("en")); });

    m_citizenMenu = menuBar()->addMenu(QString());
    m_findCitizenAction = m_citizenMenu->addAction(QString(), this, &MainWindow::showPartySearch);
    m_findCitizenAction->setShortcut(QKeySequence::Find);

    // Shown to supervisors and administrators only. The server rejects rule edits from
    // agents too.
    m_supervisionMenu = menuBar()->addMenu(QString());
    m_routingRulesAction =
        m_supervisionMenu->addAction(QString(), this, &MainWindow::showRoutingRules);
    m_priorityWeightsAction =
        m_supervisionMenu->addAction(QString(), this, &MainWindow::showPriorityWeights);
    m_supervisionMenu->menuAction()->setVisible(maySupervise());

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("CivicDesk"));
    m_fileMenu->setTitle(tr("&File"));
    //: Menu item opening the list of edits the server rejected, to resolve them.
    m_conflictsAction->setText(tr("&Conflicts…"));
    m_signOutAction->setText(tr("Sign &Out"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    //: Menu holding the search for citizens and organisations.
    m_citizenMenu->setTitle(tr("&Citizen"));
    m_findCitizenAction->setText(tr("&Find Citizen…"));
    //: Menu of the tools for supervisors and administrators.
    m_supervisionMenu->setTitle(tr("&Supervision"));
    m_routingRulesAction->setText(tr("&Routing Rules…"));
    m_priorityWeightsAction->setText(tr("&Priority Weights…"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About CivicDesk"));
    m_showClosedBox->setText(tr("Show &closed cases"));
    m_queueProxy->retranslate();
    m_caseProxy->retranslate();
}

CitizenWindow *MainWindow::openCitizen(const QString &partyId)
{
    if (partyId.isEmpty()) {
        return nullptr;
    }

    QPointer<CitizenWindow> window = m_citizenWindows.value(partyId);
    if (!window) {
        window = new CitizenWindow(m_session->repository(), partyId, this);
        connect(window, &CitizenWindow::caseRequested, this, &MainWindow::openCase);
        m_citizenWindows.insert(partyId, window);
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void MainWindow::showPartySearch()
{
    if (!m_partySearch) {
        m_partySearch = new PartySearchDialog(m_session->repository(), this);
        connect(m_partySearch, &PartySearchDialog::partyRequested, this, &MainWindow::openCitizen);
    }
    m_partySearch->show();
    m_partySearch->raise();
    m_partySearch->activateWindow();
}

bool MainWindow::maySupervise() const
{
    const QString role = m_session->currentUser().role;
    return role == QLatin1String("supervisor") || role == QLatin1String("admin");
}

void MainWindow::showRoutingRules()
{
    if (!maySupervise()) {
        return;
    }
    if (!m_routingRules) {
        m_routingRules = new RoutingRulesDialog(m_session, this);
    }
    m_routingRules->show();
    m_routingRules->raise();
    m_routingRules->activateWindow();
}

void MainWindow::showPriorityWeights()
{
    openPriorityWeights();
}

PriorityWeightsDialog *MainWindow::openPriorityWeights()
{
    if (!maySupervise()) {
        return nullptr;
    }
    if (!m_priorityWeights) {
        m_priorityWeights = new PriorityWeightsDialog(m_session, this);
    }
    m_priorityWeights->show();
    m_priorityWeights->raise();
    m_priorityWeights->activateWindow();
    return m_priorityWeights;
}

ConflictsDialog *MainWindow::openConflicts()
{
    if (!m_conflicts) {
        m_conflicts = new ConflictsDialog(m_session, this);
    }
    m_conflicts->show();
    m_conflicts->raise();
    m_conflicts->activateWindow();
    return m_conflicts;
}

void MainWindow::showAbout()
{
    // Built by hand because Qt ships no Greek text for the standard OK button.
    QMessageBox box(QMessageBox::Information, tr("About CivicDesk"),
        tr("CivicDesk %1 is the desktop client that civil servants use to handle "
           "citizens' requests, with a local encrypted copy of their cases that "
           "keeps working offline.")
            .arg(QApplication::applicationVersion()),
        QMessageBox::NoButton, this);
    box.addButton(tr("Close"), QMessageBox::AcceptRole);
    box.exec();
}

} // namespace CivicDesk
