#include "screenshotrunner.h"

#include "applogging.h"
#include "caseview.h"
#include "citizenwindow.h"
#include "clientwindows.h"
#include "conflictsdialog.h"
#include "mainwindow.h"
#include "priorityweightsdialog.h"
#include "session/clientsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QTimer>
#include <cstdio>
#include <functional>

namespace CivicDesk {

namespace {

// Lets the windows lay out and paint before they are grabbed.
constexpr int SettleDelayMs = 600;

void settleThen(QObject *context, std::function<void()> step)
{
    QTimer::singleShot(SettleDelayMs, context, std::move(step));
}

} // namespace

ScreenshotRunner::ScreenshotRunner(ClientSession *session, ClientWindows *windows,
    const QString &directory, bool quitAfterwards, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_windows(windows)
    , m_directory(directory)
    , m_quitAfterwards(quitAfterwards)
{
    connect(m_session, &ClientSession::syncFinished, this, [this] {
        m_synchronised = true;
        startWhenReady();
    });
    connect(m_windows, &ClientWindows::mainWindowShown, this, [this](MainWindow *window) {
        m_mainWindow = window;
        startWhenReady();
    });
    connect(m_session, &ClientSession::signInFailed, this, &ScreenshotRunner::onSignInFailed);
}

void ScreenshotRunner::onSignInFailed()
{
    std::fprintf(stderr, "screenshots: sign-in failed, no screenshots taken\n");
    if (m_quitAfterwards) {
        finish(1);
    }
}

void ScreenshotRunner::startWhenReady()
{
    if (m_started || !m_synchronised || !m_mainWindow) {
        return;
    }
    m_started = true;
    settleThen(this, [this] { takeScreenshots(); });
}

void ScreenshotRunner::takeScreenshots()
{
    MainWindow *window = m_mainWindow;
    if (!window->selectFirstNonEmptyQueue()) {
        std::fprintf(stderr, "screenshots: no queue has a case to show\n");
        return finish(1);
    }

    settleThen(this, [this, window] {
        if (!save(window, QStringLiteral("queue.png"))) {
            return finish(1);
        }
        window->selectFirstCase();
        settleThen(this, [this, window] { saveCaseAndCitizen(window); });
    });
}

void ScreenshotRunner::saveCaseAndCitizen(MainWindow *window)
{
    if (!save(window, QStringLiteral("case.png"))) {
        return finish(1);
    }
    CitizenWindow *citizen = window->openCitizen(window->caseView()->partyId());
    if (!citizen) {
        std::fprintf(stderr, "screenshots: the case has no citizen to show\n");
        return finish(1);
    }
    settleThen(this, [this, citizen, window] {
        if (!save(citizen, QStringLiteral("citizen360.png"))) {
            return finish(1);
        }
        savePriorityWeights(window);
    });
}

// Supervisors and administrators also get the priority weights window after a replay.
void ScreenshotRunner::savePriorityWeights(MainWindow *window)
{
    PriorityWeightsDialog *dialog = window->openPriorityWeights();
    if (!dialog) {
        return saveConflicts(window);
    }
    // The demo's cases are years old, so the replay counts back from the newest of them.
    dialog->replay(true);
    settleThen(this, [this, dialog, window] {
        if (!save(dialog, QStringLiteral("priorityweights.png"))) {
            return finish(1);
        }
        dialog->close();
        saveConflicts(window);
    });
}

// The conflicts window only when the server rejected an edit, so it shows both versions.
void ScreenshotRunner::saveConflicts(MainWindow *window)
{
    if (m_session->rejectedCount() == 0) {
        return finish(0);
    }
    ConflictsDialog *dialog = window->openConflicts();
    settleThen(this,
        [this, dialog] { finish(save(dialog, QStringLiteral("conflicts.png")) ? 0 : 1); });
}

bool ScreenshotRunner::save(QWidget *window, const QString &fileName)
{
    const QString path = QDir(m_directory).absoluteFilePath(fileName);
    if (!window->grab().save(path, "PNG")) {
        std::fprintf(
            stderr, "screenshots: cannot write %s\n", qPrintable(QDir::toNativeSeparators(path)));
        return false;
    }
    std::printf("%s\n", qPrintable(QDir::toNativeSeparators(path)));
    std::fflush(stdout);
    return true;
}

void ScreenshotRunner::finish(int exitCode)
{
    qCInfo(lcApp) << "screenshots finished with exit code" << exitCode;
    if (m_quitAfterwards) {
        QCoreApplication::exit(exitCode);
    }
}

} // namespace CivicDesk
