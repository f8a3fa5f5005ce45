#pragma once

#include "session/clientsession.h"

#include <QDialog>
#include <QStringList>
#include <memory>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace CivicDesk {

class ConflictListModel;
class ConflictTexts;

/**
 * The conflicts window: every edit the server rejected, with the person's version and the
 * server's side by side for the selected one. The person keeps theirs, takes the server's
 * or merges, one at a time or for a selection. Follows new rejections and resolutions live.
 */
class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConflictsDialog(ClientSession *session, QWidget *parent = nullptr); // not owned
    ~ConflictsDialog() override;

    /** Reads the rejected edits again, keeping the selection where the edits remain. */
    void reload();
    /** Selects the rows of these mutation ids; the first becomes the current one. */
    void selectMutations(const QStringList &mutationIds);
    QStringList selectedMutationIds() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setupUi();
    QWidget *setupDetails();
    void setupConnections();
    void reloadIfVisible();
    void retranslateUi();
    void showCurrent();
    void fillFields(const Conflict &conflict);
    void updateButtons();
    void resolveSelected(ConflictResolver::Resolution resolution);
    void mergeCurrent();
    void report(const QList<ConflictResolver::Outcome> &outcomes);
    int currentRow() const;

    ClientSession *m_session;
    ConflictListModel *m_model;
    std::unique_ptr<ConflictTexts> m_texts; // names in the display language, made by reload()
    QLabel *m_introLabel = nullptr;
    QTableView *m_list = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLabel *m_obstacleLabel = nullptr;
    QTableWidget *m_fieldsTable = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_keepButton = nullptr;
    QPushButton *m_takeButton = nullptr;
    QPushButton *m_mergeButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace CivicDesk
