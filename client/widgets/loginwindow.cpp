#include "plainlabel.h"
#include "loginwindow.h"

#include "displaytexts.h"
#include "widgetslogging.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

constexpr auto DefaultServerAddress = "wss://127.0.0.1:8080/ws";

bool isWebSocketUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    return url.isValid() && (scheme == QLatin1String("ws") || scheme == QLatin1String("wss"))
        && !url.host().isEmpty();
}

} // namespace

LoginWindow::LoginWindow(ClientSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_needsPassphrase(!session->keychainAvailable())
{
    setupUi();
    setupConnections();
    retranslateUi();
    updateValidity();
}

void LoginWindow::setServerAddress(const QString &address)
{
    m_serverEdit->setText(address);
}

void LoginWindow::setCaCertificateFile(const QString &file)
{
    m_caCertificateFile = file;
}

void LoginWindow::setUsername(const QString &username)
{
    m_usernameEdit->setText(username);
}

void LoginWindow::setSecrets(const QString &password, const QString &passphrase)
{
    m_passwordEdit->setText(password);
    m_passphraseEdit->setText(passphrase);
}

bool LoginWindow::submit()
{
    if (!m_signInButton->isEnabled()) {
        return false;
    }

    ClientSession::SignInRequest request;
    request.serverUrl = QUrl(m_serverEdit->text().trimmed());
    request.caCertificateFile = m_caCertificateFile;
    request.username = m_usernameEdit->text().trimmed();
    request.password = m_passwordEdit->text();
    request.passphrase = m_needsPassphrase ? m_passphraseEdit->text() : QString();

    setBusy(true);
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(tr("Connecting to the server…"));
    m_session->signIn(request);
    return true;
}

void LoginWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateValidity();
    }
    QWidget::changeEvent(event);
}

void LoginWindow::setupUi()
{
    m_titleLabel = plainLabel(this);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    m_serverEdit = new QLineEdit(QString::fromLatin1(DefaultServerAddress), this);
    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverError = plainLabel(this);
    m_serverError->setObjectName(QStringLiteral("serverError"));
    m_serverError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_serverError->setWordWrap(true);
    m_usernameEdit = new QLineEdit(this);
    m_usernameEdit->setObjectName(QStringLiteral("usernameEdit"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseHint = plainLabel(this);
    m_passphraseHint->setWordWrap(true);

    m_serverLabel = plainLabel(this);
    m_usernameLabel = plainLabel(this);
    m_passwordLabel = plainLabel(this);
    m_passphraseLabel = plainLabel(this);
    m_serverLabel->setBuddy(m_serverEdit);
    m_usernameLabel->setBuddy(m_usernameEdit);
    m_passwordLabel->setBuddy(m_passwordEdit);
    m_passphraseLabel->setBuddy(m_passphraseEdit);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_serverLabel, m_serverEdit);
    form->addRow(QString(), m_serverError);
    form->addRow(m_usernameLabel, m_usernameEdit);
    form->addRow(m_passwordLabel, m_passwordEdit);
    form->addRow(m_passphraseLabel, m_passphraseEdit);
    form->addRow(QString(), m_passphraseHint);
    m_passphraseLabel->setVisible(m_needsPassphrase);
    m_passphraseEdit->setVisible(m_needsPassphrase);
    m_passphraseHint->setVisible(m_needsPassphrase);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    m_statusLabel = plainLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_signInButton = new QPushButton(this);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    m_signInButton->setAutoDefault(true);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_signInButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(12);
    layout->addWidget(m_titleLabel);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_statusLabel);
    layout->addStretch();
    layout->addLayout(buttonRow);
    setMinimumWidth(580);
}

void LoginWindow::setupConnections()
{
    for (QLineEdit *edit : { m_serverEdit, m_usernameEdit, m_passwordEdit, m_passphraseEdit }) {
        connect(edit, &QLineEdit::textChanged, this, &LoginWindow::updateValidity);
        connect(edit, &QLineEdit::returnPressed, this, &LoginWindow::submit);
    }
    connect(m_signInButton, &QPushButton::clicked, this, &LoginWindow::submit);
    connect(m_session, &ClientSession::signInFailed, this, &LoginWindow::onSignInFailed);
    connect(m_session, &ClientSession::serverBusyChanged, this, [this](bool busy) {
        if (busy && m_busy) {
            m_statusLabel->setText(DisplayTexts::serverBusyNotice());
            m_statusLabel->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        }
    });
    connect(m_session, &ClientSession::signedIn, this, [this] {
        setBusy(false);
        m_statusLabel->clear();
        m_passwordEdit->clear();
        m_passphraseEdit->clear();
    });
}

void LoginWindow::retranslateUi()
{
    setWindowTitle(tr("Sign In to CivicDesk"));
    m_titleLabel->setText(tr("CivicDesk"));
    m_serverLabel->setText(tr("&Server address:"));
    m_usernameLabel->setText(tr("&Username:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_passphraseLabel->setText(tr("Cache pass&phrase:"));
    m_passphraseHint->setText(tr("This computer has no password store, so a passphrase of your "
                                 "choice encrypts the local copy of your cases."));
    m_signInButton->setText(tr("Sign In"));
}

void LoginWindow::updateValidity()
{
    const QString server = m_serverEdit->text().trimmed();
    const bool serverValid = isWebSocketUrl(server);
    if (server.isEmpty()) {
        m_serverError->setText(tr("Enter the server address, such as %1.")
                                   .arg(QString::fromLatin1(DefaultServerAddress)));
    } else if (!serverValid) {
        m_serverError->setText(tr("The server address must be a ws:// or wss:// address with "
                                  "a host name, such as %1.")
                                   .arg(QString::fromLatin1(DefaultServerAddress)));
    }
    m_serverError->setVisible(!serverValid);

    const bool fieldsFilled = !m_usernameEdit->text().trimmed().isEmpty()
        && !m_passwordEdit->text().isEmpty()
        && (!m_needsPassphrase || !m_passphraseEdit->text().isEmpty());
    m_signInButton->setEnabled(serverValid && fieldsFilled && !m_busy);
}

void LoginWindow::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    for (QLineEdit *edit : { m_serverEdit, m_usernameEdit, m_passwordEdit, m_passphraseEdit }) {
        edit->setReadOnly(busy);
    }
    updateValidity();
}

void LoginWindow::onSignInFailed(ClientSession::ErrorCode code, const QString &detail)
{
    // The detail is technical text for support staff; the user reads the translated message.
    qCInfo(lcWidgets) << "sign-in failed:" << code << detail;
    setBusy(false);
    m_statusLabel->setText(DisplayTexts::signInError(code));
    m_statusLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    // The window keeps its size when a message wraps to more lines, and the layout would
    // then squeeze the passphrase hint, so the window grows to fit.
    const int neededHeight = layout()->totalHeightForWidth(width());
    if (neededHeight > height()) {
        resize(width(), neededHeight);
    }
    if (code == ClientSession::ErrorCode::WrongPassphrase
        || code == ClientSession::ErrorCode::PassphraseRequired) {
        m_passphraseEdit->setFocus();
    } else if (code == ClientSession::ErrorCode::InvalidCredentials) {
        m_passwordEdit->selectAll();
        m_passwordEdit->setFocus();
    }
}

} // namespace CivicDesk
