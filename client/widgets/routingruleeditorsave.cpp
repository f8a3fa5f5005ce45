// RoutingRuleEditor: filling the form, checking it, and sending it through the outbox.
#include "routingruleeditor.h"

#include "areacompleter.h"
#include "data/repository.h"
#include "session/clientsession.h"
#include "widgetslogging.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace CivicDesk {

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

std::string isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate).toStdString();
}

QDateTime wholeMinute(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), utc.time().minute()), Qt::UTC);
}

} // namespace

void RoutingRuleEditor::startNew()
{
    startEdit(civicdesk::RoutingRuleRecord {}, 0);
    m_areaLevelCombo->setCurrentIndex(m_areaLevelCombo->findData(QStringLiteral("region")));
    m_fromEdit->setDateTime(wholeMinute(QDateTime::currentDateTimeUtc()));
}

void RoutingRuleEditor::startEdit(const civicdesk::RoutingRuleRecord &rule, qint64 version)
{
    m_ruleId = text(rule.id);
    m_version = version;
    m_mutationId.clear();
    m_serverMessage.clear();

    m_categoryCombo->setCurrentIndex(qMax(0, m_categoryCombo->findData(text(rule.categoryId))));
    fillSubcategories();
    m_subcategoryCombo->setCurrentIndex(
        qMax(0, m_subcategoryCombo->findData(text(rule.subcategoryId))));
    m_areaLevelCombo->setCurrentIndex(qMax(0, m_areaLevelCombo->findData(text(rule.areaLevel))));
    m_areaId = text(rule.areaId);
    onAreaLevelChanged();
    m_byCodeButton->setChecked(!rule.teamCode.empty());
    m_byTeamButton->setChecked(rule.teamCode.empty());
    if (!rule.teamId.empty() && m_teamCombo->findData(text(rule.teamId)) < 0) {
        // A team outside the area's region stays selectable, so editing keeps the rule's team.
        for (const TeamInfo &team : m_session->repository()->teams()) {
            if (team.id == text(rule.teamId)) {
                m_teamCombo->addItem(QStringLiteral("%1 (%2)").arg(team.name, team.code), team.id);
            }
        }
    }
    m_teamCombo->setCurrentIndex(qMax(0, m_teamCombo->findData(text(rule.teamId))));
    m_teamCodeEdit->setText(text(rule.teamCode));
    m_precedenceSpin->setValue(rule.precedence);
    const QDateTime from = QDateTime::fromString(text(rule.effectiveFrom), Qt::ISODate);
    m_fromEdit->setDateTime(from.isValid() ? from : wholeMinute(QDateTime::currentDateTimeUtc()));
    const QDateTime to = QDateTime::fromString(text(rule.effectiveTo), Qt::ISODate);
    m_endsBox->setChecked(to.isValid());
    m_toEdit->setEnabled(to.isValid());
    m_toEdit->setDateTime(to.isValid() ? to : m_fromEdit->dateTime().addYears(1));
    m_noteEdit->setPlainText(text(rule.note));

    setProblems({});
    setWaiting(false);
    retranslateUi();
}

civicdesk::RoutingRuleRecord RoutingRuleEditor::draft() const
{
    civicdesk::RoutingRuleRecord rule;
    rule.id = m_ruleId.toStdString();
    rule.categoryId = m_categoryCombo->currentData().toString().toStdString();
    rule.subcategoryId = m_subcategoryCombo->currentData().toString().toStdString();
    rule.areaLevel = m_areaLevelCombo->currentData().toString().toStdString();
    if (rule.areaLevel != "any") {
        // Typed text that names no area stays visible as the problem's subject.
        const QString typed = m_areaEdit->text().trimmed();
        rule.areaId = (m_areaId.isEmpty() ? typed : m_areaId).toStdString();
    }
    if (m_byCodeButton->isChecked()) {
        rule.teamCode = m_teamCodeEdit->text().trimmed().toStdString();
    } else {
        rule.teamId = m_teamCombo->currentData().toString().toStdString();
    }
    rule.precedence = m_precedenceSpin->value();
    rule.effectiveFrom = isoUtc(m_fromEdit->dateTime());
    if (m_endsBox->isChecked()) {
        rule.effectiveTo = isoUtc(m_toEdit->dateTime());
    }
    rule.note = m_noteEdit->toPlainText().trimmed().toStdString();
    return rule;
}

RoutingRuleCheck::Context RoutingRuleEditor::checkContext() const
{
    const Repository *repository = m_session->repository();
    RoutingRuleCheck::Context context;
    context.categories = repository->categories();
    context.regions = repository->regions();
    context.units = repository->regionalUnits();
    context.municipalities = repository->municipalities();
    context.teams = repository->teams();
    context.user = repository->currentUser();
    for (const nlohmann::json &rule : repository->routingRules()) {
        context.rules.append(rule.get<civicdesk::RoutingRuleRecord>());
    }
    return context;
}

QString RoutingRuleEditor::save()
{
    if (isWaiting()) {
        return {};
    }
    m_serverMessage.clear();
    const civicdesk::RoutingRuleRecord rule = draft();
    const QList<RoutingRuleCheck::Problem> problems = RoutingRuleCheck(checkContext()).problems(rule);
    setProblems(problems);
    if (!problems.isEmpty()) {
        m_statusLabel->setText(tr("Correct the fields marked above, then save again."));
        return {};
    }

    nlohmann::json args = rule;
    for (const char *key : { "id", "changedBy", "changedAt", "retired" }) {
        args.erase(key);
    }
    const QString op = m_ruleId.isEmpty() ? QStringLiteral("create") : QStringLiteral("update");
    m_mutationId = m_session->saveRoutingRule(op, m_ruleId, m_version, args);
    if (m_mutationId.isEmpty()) {
        qCWarning(lcWidgets) << "the routing rule edit could not be queued";
        m_statusLabel->setText(tr("The rule could not be saved on this computer. Sign in again "
                                  "and retry."));
        return {};
    }
    setWaiting(true);
    return m_mutationId;
}

QString RoutingRuleEditor::problemText(RoutingRuleCheck::Field field) const
{
    const QLabel *label = m_problemLabels.value(field);
    return label ? label->text() : QString();
}

QString RoutingRuleEditor::statusText() const
{
    return m_statusLabel->text();
}

void RoutingRuleEditor::setProblems(const QList<RoutingRuleCheck::Problem> &problems)
{
    for (QLabel *label : std::as_const(m_problemLabels)) {
        label->clear();
        label->hide();
    }
    for (const RoutingRuleCheck::Problem &problem : problems) {
        QLabel *label = m_problemLabels.value(problem.field);
        label->setText(problem.message);
        label->show();
    }
    m_statusLabel->clear();
}

void RoutingRuleEditor::setWaiting(bool waiting)
{
    if (!waiting) {
        m_mutationId.clear();
    }
    m_saveButton->setEnabled(!waiting);
    if (waiting) {
        showWaitingText();
    } else if (!m_serverMessage.isEmpty()) {
        //: %1 is the server's own explanation, shown as it came.
        m_statusLabel->setText(tr("The server rejected the rule: %1").arg(m_serverMessage));
    }
}

void RoutingRuleEditor::showWaitingText()
{
    if (m_session->state() == ClientSession::State::Online) {
        m_statusLabel->setText(tr("Waiting for the server…"));
    } else {
        m_statusLabel->setText(tr("You are offline. The rule is queued on this computer and "
                                  "will be sent when the connection returns."));
    }
}

void RoutingRuleEditor::onEditAcknowledged(
    const QString &entity, const QString &entityId, const QString &mutationId)
{
    if (entity != QLatin1String("routingRule") || mutationId != m_mutationId) {
        return;
    }
    m_mutationId.clear();
    Q_EMIT saved(entityId);
    accept();
}

void RoutingRuleEditor::onEditRejected(const QString &entity, const QString &entityId,
    const QString &mutationId, const QString &code, const QString &message)
{
    Q_UNUSED(entityId)
    if (entity != QLatin1String("routingRule") || mutationId != m_mutationId) {
        return;
    }
    qCInfo(lcWidgets) << "routing rule edit" << mutationId << "rejected:" << code;
    m_serverMessage = message;
    if (code == QLatin1String("mutation.conflict")) {
        // The next save is made on the version the cache now holds.
        for (const nlohmann::json &rule : m_session->repository()->routingRules()) {
            if (rule.value("id", std::string()) == m_ruleId.toStdString()) {
                m_version = rule.value("version", m_version);
            }
        }
    }
    // The form shows the rejection and keeps the typed rule, so the queued copy is resolved.
    m_session->dismissRejectedEdit(mutationId);
    setWaiting(false);
}

} // namespace CivicDesk
