#pragma once

#include "domain/records.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace CivicDesk {

class ClientSession;
class PriorityReplayWidget;
class PriorityWeightsEditor;

/**
 * Supervision → Priority weights: edits the weights in force, replays the open cases under
 * the edit before saving, and saves through the outbox. Shows whether the save waits, went
 * through or was refused (the server's message verbatim). On a conflict the person's edits
 * stay in the form, now based on the server's newer version, to save again or reload.
 */
class PriorityWeightsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PriorityWeightsDialog(
        ClientSession *session, QWidget *parent = nullptr); // session not owned

    /** Loads the weights in force from the cache into the form, dropping unsaved edits. */
    void reload();
    /** Validates and queues the edited weights, as the Save button does; false when the
     *  weights are invalid or the edit cannot be queued. */
    bool save();
    qint64 baseVersion() const { return m_baseVersion; }
    /** Replays the open cases under the edited weights, as the Replay button does. With
     *  fromNewestCase the window counts back from the newest open case instead of now. */
    void replay(bool fromNewestCase = false);

private:
    void setupUi();
    void setupConnections();
    void readServerWeights();
    void showStatus(const QString &text, bool problem);
    void onEdited();
    void onEditAcknowledged(
        const QString &entity, const QString &entityId, const QString &mutationId);
    void onEditRejected(const QString &entity, const QString &entityId, const QString &mutationId,
        const QString &code, const QString &message);
    void onCacheChanged(const QStringList &entities);

    ClientSession *m_session;
    civicdesk::PriorityWeights m_serverWeights;
    qint64 m_baseVersion = 0;
    QString m_pendingMutation;
    bool m_edited = false;
    bool m_rebaseOnNextChange = false; // a conflict's record may arrive after the reject
    PriorityWeightsEditor *m_editor = nullptr;
    PriorityReplayWidget *m_replay = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace CivicDesk
