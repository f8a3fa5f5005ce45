#include "clientwindows.h"

#include "loginwindow.h"
#include "mainwindow.h"
#include "session/clientsession.h"
#include "widgetslogging.h"

#include <QGuiApplication>
#include <QScreen>

namespace CivicDesk {

ClientWindows::ClientWindows(ClientSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_loginWindow(new LoginWindow(session))
{
    connect(m_session, &ClientSession::signedIn, this, &ClientWindows::onSignedIn);
}

ClientWindows::~ClientWindows()
{
    delete m_mainWindow;
    delete m_loginWindow;
}

MainWindow *ClientWindows::mainWindow() const
{
    return m_mainWindow;
}

void ClientWindows::start()
{
    m_loginWindow->adjustSize();
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        QRect frame = m_loginWindow->frameGeometry();
        frame.moveCenter(screen->availableGeometry().center());
        m_loginWindow->move(frame.topLeft());
    }
    m_loginWindow->show();
}

void ClientWindows::setLanguage(const QString &language)
{
    m_language = language;
    if (m_mainWindow) {
        m_mainWindow->applyLanguage(language);
    }
}

void ClientWindows::onSignedIn()
{
    if (m_mainWindow) {
        return;
    }
    qCInfo(lcWidgets) << "opening the main window";

    m_mainWindow = new MainWindow(m_session, m_language);
    m_mainWindow->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_mainWindow, &MainWindow::signOutRequested, this, &ClientWindows::onSignOutRequested);
    connect(m_mainWindow, &MainWindow::languageChangeRequested, this,
        &ClientWindows::languageChangeRequested);

    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        m_mainWindow->setGeometry(screen->availableGeometry());
    }
    m_mainWindow->show();
    m_loginWindow->hide();
    Q_EMIT mainWindowShown(m_mainWindow);
}

void ClientWindows::onSignOutRequested()
{
    qCInfo(lcWidgets) << "signing out";
    // The models of the main window read the session's repository, which signOut deletes,
    // so the session signs out only once the window is gone.
    connect(m_mainWindow, &QObject::destroyed, m_session, &ClientSession::signOut);
    m_mainWindow->setAttribute(Qt::WA_DeleteOnClose, false);
    m_mainWindow->hide();
    m_mainWindow->deleteLater();
    m_loginWindow->show();
}

} // namespace CivicDesk
