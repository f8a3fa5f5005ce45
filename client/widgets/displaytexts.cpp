#include "displaytexts.h"

#include <QLocale>

namespace CivicDesk {

QStringList DisplayTexts::caseStatuses()
{
    return { QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("in_progress"),
        QStringLiteral("waiting"), QStringLiteral("resolved"), QStringLiteral("closed") };
}

QString DisplayTexts::caseStatus(const QString &status)
{
    if (status == QLatin1String("new")) {
        //: Case status: the case arrived and nobody has looked at it yet.
        return tr("New");
    }
    if (status == QLatin1String("open")) {
        //: Case status: the case is accepted but work has not started.
        return tr("Open");
    }
    if (status == QLatin1String("in_progress")) {
        //: Case status: someone is working on the case.
        return tr("In progress");
    }
    if (status == QLatin1String("waiting")) {
        //: Case status: the case waits for the citizen or another office.
        return tr("Waiting");
    }
    if (status == QLatin1String("resolved")) {
        //: Case status: the request was dealt with.
        return tr("Resolved");
    }
    if (status == QLatin1String("closed")) {
        //: Case status: the case is finished and archived.
        return tr("Closed");
    }
    return status;
}

QString DisplayTexts::categorySource(const QString &source)
{
    if (source == QLatin1String("import")) {
        //: Who chose a case's category: it came with the imported record.
        return tr("imported record");
    }
    if (source == QLatin1String("model")) {
        //: Who chose a case's category: the automatic text classifier.
        return tr("automatic classifier");
    }
    if (source == QLatin1String("citizen")) {
        //: Who chose a case's category: the citizen when submitting the request.
        return tr("citizen");
    }
    if (source == QLatin1String("agent")) {
        //: Who chose a case's category: a civil servant.
        return tr("civil servant");
    }
    return source;
}

QString DisplayTexts::priorityFactor(const QString &factor)
{
    if (factor == QLatin1String("category")) {
        //: Priority factor: the weight of the case's category.
        return tr("Category");
    }
    if (factor == QLatin1String("region")) {
        //: Priority factor: the weight of the case's region.
        return tr("Region");
    }
    if (factor == QLatin1String("timeOpen")) {
        //: Priority factor: how long the case has been open.
        return tr("Time open");
    }
    if (factor == QLatin1String("subRegion")) {
        //: Priority factor: the weight of the case's regional unit or municipality.
        return tr("Area");
    }
    if (factor == QLatin1String("slaTimeLeft")) {
        //: Priority factor: how close the case is to its resolution deadline.
        return tr("Deadline");
    }
    if (factor == QLatin1String("vulnerability")) {
        //: Priority factor: the citizen's vulnerability, such as old age or a disability.
        return tr("Vulnerability");
    }
    if (factor == QLatin1String("duplicates")) {
        //: Priority factor: how many duplicate reports are linked to the case.
        return tr("Duplicate reports");
    }
    if (factor == QLatin1String("channel")) {
        //: Priority factor: the channel the case came in through (phone, portal, email…).
        return tr("Channel");
    }
    return factor;
}

QString DisplayTexts::interactionKind(const QString &kind)
{
    if (kind == QLatin1String("submission")) {
        //: Timeline entry: the citizen's original request.
        return tr("Request");
    }
    if (kind == QLatin1String("note")) {
        //: Timeline entry: an internal note by a civil servant.
        return tr("Note");
    }
    if (kind == QLatin1String("status")) {
        //: Timeline entry: the case's status changed.
        return tr("Status change");
    }
    if (kind == QLatin1String("assignment")) {
        //: Timeline entry: the case was assigned to someone.
        return tr("Assignment");
    }
    if (kind == QLatin1String("call")) {
        //: Timeline entry: a telephone call.
        return tr("Phone call");
    }
    if (kind == QLatin1String("email")) {
        //: Timeline entry: an e-mail message.
        return tr("E-mail");
    }
    if (kind == QLatin1String("chat")) {
        //: Timeline entry: a chat conversation.
        return tr("Chat");
    }
    if (kind == QLatin1String("visit")) {
        //: Timeline entry: the citizen visited a service point.
        return tr("Visit");
    }
    if (kind == QLatin1String("notification")) {
        //: Timeline entry: a warning that a case nears or passed its due time.
        return tr("Deadline reminder");
    }
    return kind;
}

QString DisplayTexts::channel(const QString &channel)
{
    if (channel == QLatin1String("portal") || channel == QLatin1String("web")) {
        //: Channel through which a request arrived.
        return tr("Web portal");
    }
    if (channel == QLatin1String("email")) {
        //: Channel through which a request arrived.
        return tr("E-mail");
    }
    if (channel == QLatin1String("phone")) {
        //: Channel through which a request arrived.
        return tr("Telephone");
    }
    if (channel == QLatin1String("counter")) {
        //: Channel through which a request arrived: in person at a service point.
        return tr("Service counter");
    }
    if (channel == QLatin1String("import")) {
        //: Channel through which a request arrived: loaded from an older system.
        return tr("Data import");
    }
    return channel;
}

QString DisplayTexts::role(const QString &role)
{
    if (role == QLatin1String("agent")) {
        //: Staff role.
        return tr("Agent");
    }
    if (role == QLatin1String("supervisor")) {
        //: Staff role.
        return tr("Supervisor");
    }
    if (role == QLatin1String("admin")) {
        //: Staff role.
        return tr("Administrator");
    }
    return role;
}

QString DisplayTexts::age(const QDateTime &createdAt)
{
    if (!createdAt.isValid()) {
        return {};
    }
    const int days = int(createdAt.daysTo(QDateTime::currentDateTimeUtc()));
    //: Age of a case, such as "3 days".
    return tr("%n day(s)", nullptr, qMax(0, days));
}

namespace {

QString durationText(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    if (days > 0) {
        //: Time span in days and hours, such as "2 d 3 h".
        return DisplayTexts::tr("%1 d %2 h").arg(days).arg(hours);
    }
    if (hours > 0) {
        //: Time span in hours, such as "5 h".
        return DisplayTexts::tr("%1 h").arg(hours);
    }
    //: Time span in minutes, such as "40 min".
    return DisplayTexts::tr("%1 min").arg(seconds / 60);
}

} // namespace

QString DisplayTexts::timeLeft(const QDateTime &dueAt, const QString &slaState, const QDateTime &now)
{
    if (slaState == QLatin1String("paused")) {
        //: Time left of a case whose statutory clock is paused.
        return tr("Paused");
    }
    if (!dueAt.isValid() || slaState == QLatin1String("stopped")) {
        return {};
    }
    const qint64 seconds = now.secsTo(dueAt);
    if (seconds < 0) {
        //: Time past the due time of a case, such as "overdue 5 h".
        return tr("overdue %1").arg(durationText(-seconds));
    }
    return durationText(seconds);
}

bool DisplayTexts::isOverdue(const QDateTime &dueAt, const QString &slaState, const QDateTime &now)
{
    return dueAt.isValid() && slaState == QLatin1String("running") && now > dueAt;
}

QString DisplayTexts::slaState(const QString &state, const QString &pausedReason)
{
    if (state == QLatin1String("running")) {
        //: State of a case's statutory clock.
        return tr("Running");
    }
    if (state == QLatin1String("stopped")) {
        //: State of a case's statutory clock after the case was resolved or closed.
        return tr("Stopped");
    }
    if (state == QLatin1String("paused") && pausedReason == QLatin1String("referred")) {
        //: State of a case's statutory clock.
        return tr("Paused: referred to another service");
    }
    if (state == QLatin1String("paused")) {
        //: State of a case's statutory clock.
        return tr("Paused: waiting for the citizen");
    }
    return state;
}

QString DisplayTexts::dateTime(const QDateTime &time)
{
    if (!time.isValid()) {
        return {};
    }
    // Day first, four-digit year and 24-hour clock, as Greek and British offices write dates.
    // The Greek locale's short format would give a two-digit year and a 12-hour clock.
    return QLocale().toString(time.toLocalTime(), QStringLiteral("dd/MM/yyyy HH:mm"));
}

QString DisplayTexts::signInError(ClientSession::ErrorCode code)
{
    switch (code) {
    case ClientSession::ErrorCode::None:
        return {};
    case ClientSession::ErrorCode::InvalidCredentials:
        return tr("The username or password is wrong. Check them and try again.");
    case ClientSession::ErrorCode::ServerUnreachable:
        return tr("The server cannot be reached and this computer has no saved copy of your "
                  "cases. Check the server address and your network connection.");
    case ClientSession::ErrorCode::PassphraseRequired:
        return tr("This computer has no password store for the key of your local copy, so "
                  "enter the cache passphrase.");
    case ClientSession::ErrorCode::WrongPassphrase:
        return tr("The cache passphrase does not unlock the local copy of your cases. Enter "
                  "the passphrase you chose when you first signed in on this computer.");
    case ClientSession::ErrorCode::CacheUnreadable:
        return tr("The local copy of your cases is damaged or cannot be decrypted. Ask your "
                  "IT support to remove it. It is then fetched again from the server.");
    case ClientSession::ErrorCode::ProtocolError:
        return tr("The server sent a reply this version of CivicDesk cannot read. Ask your IT "
                  "support whether the client needs an update.");
    case ClientSession::ErrorCode::ServerError:
        return tr("The server failed while signing you in. Try again in a few minutes.");
    case ClientSession::ErrorCode::InsecureServerUrl:
        return tr("An address that starts with ws:// is not encrypted and is allowed only for a "
                  "server on this computer. Use the wss:// address of the server.");
    case ClientSession::ErrorCode::CaCertificateUnreadable:
        return tr("The CA certificate file given with --ca-certificate or "
                  "CIVICDESK_CA_CERTIFICATE cannot be read or contains no certificate.");
    case ClientSession::ErrorCode::CertificateUntrusted:
        return tr("The server's security certificate is not trusted or does not match its "
                  "address, so CivicDesk did not connect. Ask your IT support for the server's "
                  "CA certificate file.");
    }
    return {};
}

QString DisplayTexts::rejectReason(const QString &code)
{
    if (code == QLatin1String("mutation.conflict")) {
        return tr("someone else changed the case at the same time");
    }
    if (code == QLatin1String("mutation.forbidden")) {
        return tr("you are not allowed to make this change");
    }
    if (code == QLatin1String("mutation.not_found")) {
        return tr("the case no longer exists on the server");
    }
    if (code == QLatin1String("mutation.invalid")) {
        return tr("the server found the change invalid");
    }
    return tr("the server refused the change (%1)").arg(code);
}

QString DisplayTexts::rejectReason(const QString &code, const QString &entity)
{
    const bool conflict = code == QLatin1String("mutation.conflict");
    const bool gone = code == QLatin1String("mutation.not_found");
    if (entity == QLatin1String("routingRule") && conflict) {
        return tr("someone else changed the routing rule at the same time");
    }
    if (entity == QLatin1String("routingRule") && gone) {
        return tr("the routing rule no longer exists on the server");
    }
    if (entity == QLatin1String("priorityWeights") && conflict) {
        return tr("someone else changed the priority weights at the same time");
    }
    return rejectReason(code);
}

QString DisplayTexts::sessionState(ClientSession::State state)
{
    switch (state) {
    case ClientSession::State::SignedOut:
        //: Connection state in the status bar.
        return tr("Signed out");
    case ClientSession::State::Connecting:
        //: Connection state in the status bar.
        return tr("Connecting…");
    case ClientSession::State::Syncing:
        //: Connection state in the status bar.
        return tr("Synchronising…");
    case ClientSession::State::Online:
        //: Connection state in the status bar.
        return tr("Online");
    case ClientSession::State::Offline:
        //: Connection state in the status bar: working from the local copy.
        return tr("Offline");
    }
    return {};
}

QString DisplayTexts::serverBusyState()
{
    //: Connection state in the status bar: the server is too busy to sign anyone in now.
    return tr("Offline, server busy");
}

QString DisplayTexts::serverBusyNotice()
{
    //: Sign-in window: the server is full or busy checking other sign-ins.
    return tr("The server is busy. CivicDesk tries again by itself shortly, so keep this "
              "window open.");
}

} // namespace CivicDesk
