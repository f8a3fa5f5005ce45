#pragma once

#include <QObject>
#include <QPointer>

namespace CivicDesk {

class ClientSession;
class LoginWindow;
class MainWindow;

/**
 * Switches between the sign-in form and the main window as the session signs in and out,
 * and passes language changes between the main window and the app's translator.
 */
class ClientWindows : public QObject
{
    Q_OBJECT

public:
    explicit ClientWindows(ClientSession *session, QObject *parent = nullptr); // not owned
    ~ClientWindows() override;

    LoginWindow *loginWindow() const { return m_loginWindow; }
    /** Returns the main window, or null while nobody is signed in. */
    MainWindow *mainWindow() const;
    QString language() const { return m_language; }

    /** Shows the sign-in form. */
    void start();
    /** Records the language the app's translator now uses and updates the open windows. */
    void setLanguage(const QString &language);

Q_SIGNALS:
    /** The user chose another language in the View menu; the app installs its translator. */
    void languageChangeRequested(const QString &language);
    void mainWindowShown(CivicDesk::MainWindow *window);

private:
    void onSignedIn();
    void onSignOutRequested();

    ClientSession *m_session;
    QString m_language = QStringLiteral("el");
    LoginWindow *m_loginWindow;
    QPointer<MainWindow> m_mainWindow;
};

} // namespace CivicDesk
