#include "priorityweightsdialog.h"

#include "data/repository.h"
#include "priority/priority.h"
#include "priorityreplaywidget.h"
#include "priorityweightseditor.h"
#include "session/clientsession.h"
#include "widgetslogging.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

constexpr auto WeightsEntity = "priorityWeights";

nlohmann::json mutationArgs(const civicdesk::PriorityWeights &weights)
{
    nlohmann::json args = weights;
    for (const char *key : { "id", "changedBy", "changedAt" }) {
        args.erase(key);
    }
    return args;
}

} // namespace

PriorityWeightsDialog::PriorityWeightsDialog(ClientSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setupUi();
    setupConnections();
    reload();
}

void PriorityWeightsDialog::setupUi()
{
    //: Window title of the priority weights editor.
    setWindowTitle(tr("Priority Weights"));
    m_editor = new PriorityWeightsEditor(m_session->repository(), this);
    m_replay = new PriorityReplayWidget(
        m_session->repository(), [this] { return m_serverWeights; },
        [this] { return m_editor->weights(); }, this);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    //: Group showing how the edited weights would reorder the queues.
    auto *replayGroup = new QGroupBox(tr("Replay: how the edit reorders the queues"), this);
    auto *replayLayout = new QVBoxLayout(replayGroup);
    replayLayout->addWidget(m_replay);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(replayGroup);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 620, 620 });

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("weightsStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);

    // Built by hand because Qt ships no Greek text for the standard Close button.
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("&Close"), QDialogButtonBox::RejectRole);
    //: Loads the weights in force from the server's last copy, dropping unsaved edits.
    m_reloadButton = buttons->addButton(tr("Re&load"), QDialogButtonBox::ResetRole);
    m_reloadButton->setObjectName(QStringLiteral("reloadButton"));
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);
    resize(1240, 680);
}

void PriorityWeightsDialog::setupConnections()
{
    connect(m_editor, &PriorityWeightsEditor::edited, this, &PriorityWeightsDialog::onEdited);
    connect(m_saveButton, &QPushButton::clicked, this, &PriorityWeightsDialog::save);
    connect(m_reloadButton, &QPushButton::clicked, this, &PriorityWeightsDialog::reload);
    connect(m_session, &ClientSession::editAcknowledged, this,
        &PriorityWeightsDialog::onEditAcknowledged);
    connect(m_session, &ClientSession::editRejected, this, &PriorityWeightsDialog::onEditRejected);
    connect(m_session, &ClientSession::cacheChanged, this, &PriorityWeightsDialog::onCacheChanged);
}

void PriorityWeightsDialog::readServerWeights()
{
    const auto stored = m_session->repository()->priorityWeights();
    m_serverWeights = stored ? stored->first : civicdesk::priority::defaultWeights();
    m_baseVersion = stored ? stored->second : 0;
}

void PriorityWeightsDialog::reload()
{
    readServerWeights();
    m_editor->setWeights(m_serverWeights);
    m_edited = false;
    m_rebaseOnNextChange = false;
    showStatus(QString(), false);
}

void PriorityWeightsDialog::replay(bool fromNewestCase)
{
    m_replay->setCountFromNewestCase(fromNewestCase);
    m_replay->replay();
}

void PriorityWeightsDialog::showStatus(const QString &text, bool problem)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

void PriorityWeightsDialog::onEdited()
{
    m_edited = true;
    if (m_pendingMutation.isEmpty()) {
        showStatus(QString(), false);
    }
}

bool PriorityWeightsDialog::save()
{
    const civicdesk::PriorityWeights weights = m_editor->weights();
    if (const auto problem = civicdesk::priority::validate(weights)) {
        //: The edited weights are invalid; the reason names the field (in English).
        showStatus(tr("Cannot save: %1").arg(QString::fromStdString(*problem)), true);
        return false;
    }

    m_pendingMutation = m_session->savePriorityWeights(m_baseVersion, mutationArgs(weights));
    if (m_pendingMutation.isEmpty()) {
        showStatus(tr("Cannot save: the edit could not be queued."), true);
        return false;
    }
    qCInfo(lcWidgets) << "priority weights queued on version" << m_baseVersion << "as"
                      << m_pendingMutation;
    m_saveButton->setEnabled(false);
    //: The weights were queued and the server has not replied yet.
    showStatus(tr("Waiting for the server…"), false);
    return true;
}

void PriorityWeightsDialog::onEditAcknowledged(
    const QString &entity, const QString &, const QString &mutationId)
{
    if (entity != QLatin1String(WeightsEntity) || mutationId != m_pendingMutation) {
        return;
    }
    m_pendingMutation.clear();
    m_edited = false;
    m_saveButton->setEnabled(true);
    //: The server accepted the new weights and scores the open cases again.
    showStatus(tr("Saved. The server scores the open cases again with the new weights."), false);
}

void PriorityWeightsDialog::onEditRejected(const QString &entity, const QString &,
    const QString &mutationId, const QString &code, const QString &message)
{
    if (entity != QLatin1String(WeightsEntity) || mutationId != m_pendingMutation) {
        return;
    }
    m_pendingMutation.clear();
    m_saveButton->setEnabled(true);
    m_session->dismissRejectedEdit(mutationId);
    if (code == QLatin1String("mutation.conflict")) {
        readServerWeights();
        m_rebaseOnNextChange = true;
        //: Save conflict; the server's message follows verbatim.
        showStatus(tr("Someone else changed the weights while you were editing. Your edits "
                      "are still in the form and now apply to their version: check the "
                      "replay and save again, or reload to see theirs. The server said: %1")
                       .arg(message),
            true);
        return;
    }
    //: The server refused the weights; its message follows verbatim.
    showStatus(tr("The server refused the weights: %1").arg(message), true);
}

void PriorityWeightsDialog::onCacheChanged(const QStringList &entities)
{
    if (!entities.contains(QLatin1String(WeightsEntity))) {
        return;
    }
    if (!m_edited && m_pendingMutation.isEmpty()) {
        reload();
        return;
    }
    // The record the conflict reported may land after the reject itself.
    if (m_rebaseOnNextChange) {
        readServerWeights();
        m_rebaseOnNextChange = false;
        return;
    }
    // NOTE: with edits in the form, the base version changes only after a conflict reply, so
    // a save never silently overwrites a change the person has not seen.
}

} // namespace CivicDesk
