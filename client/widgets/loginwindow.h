#pragma once

#include "session/clientsession.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace CivicDesk {

/**
 * The sign-in form: server address, username, password and, when the computer has no OS
 * keychain, the passphrase that protects the local cache. Starts ClientSession::signIn and
 * shows its progress and any error in plain words.
 */
class LoginWindow : public QWidget
{
    Q_OBJECT

public:
    explicit LoginWindow(ClientSession *session, QWidget *parent = nullptr); // not owned

    void setServerAddress(const QString &address);
    /** Sets the PEM file of extra trusted CAs that each sign-in uses; empty for none. */
    void setCaCertificateFile(const QString &file);
    void setUsername(const QString &username);
    /** Fills the secret fields; used by the app's --sign-in demo option. */
    void setSecrets(const QString &password, const QString &passphrase);
    /** Starts signing in when the fields are valid; returns false otherwise. */
    bool submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void setupConnections();
    void retranslateUi();
    void updateValidity();
    void setBusy(bool busy);
    void onSignInFailed(ClientSession::ErrorCode code, const QString &detail);

    ClientSession *m_session;
    bool m_needsPassphrase;
    bool m_busy = false;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_usernameLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLabel *m_passphraseLabel = nullptr;
    QLabel *m_passphraseHint = nullptr;
    QLineEdit *m_serverEdit = nullptr;
    QString m_caCertificateFile;
    QLabel *m_serverError = nullptr;
    QLineEdit *m_usernameEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLineEdit *m_passphraseEdit = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_signInButton = nullptr;
};

} // namespace CivicDesk
