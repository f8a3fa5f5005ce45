#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace CivicDesk {

class ClientSession;
class ClientWindows;
class MainWindow;

/**
 * The --screenshots mode: once signed in and synchronised, saves queue.png, case.png and
 * citizen360.png into a folder, priorityweights.png for a supervisor and conflicts.png when
 * the server rejected an edit, prints each path on stdout and optionally quits.
 */
class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    ScreenshotRunner(ClientSession *session, ClientWindows *windows, const QString &directory,
        bool quitAfterwards, QObject *parent = nullptr); // session, windows not owned

private:
    void onSignInFailed();
    void startWhenReady();
    void takeScreenshots();
    void saveCaseAndCitizen(MainWindow *window);
    void savePriorityWeights(MainWindow *window);
    void saveConflicts(MainWindow *window);
    bool save(QWidget *window, const QString &fileName);
    void finish(int exitCode);

    ClientSession *m_session;
    ClientWindows *m_windows;
    QString m_directory;
    bool m_quitAfterwards;
    bool m_synchronised = false;
    bool m_started = false;
    MainWindow *m_mainWindow = nullptr;
};

} // namespace CivicDesk
