#pragma once

#include "domain/records.h"
#include "routingrulecheck.h"

#include <QDialog>
#include <QMap>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace CivicDesk {

class AreaCompleter;
class ClientSession;

/**
 * The form of one routing rule, new or existing. Save checks the form with RoutingRuleCheck
 * and shows each problem under its field. A rule without problems goes to the outbox, and
 * the form waits for the server. The server's acknowledgement closes the form, while a
 * rejection shows the server's message and keeps everything typed. Offline, the form shows
 * that the rule waits to be sent.
 */
class RoutingRuleEditor : public QDialog
{
    Q_OBJECT

public:
    RoutingRuleEditor(ClientSession *session, QWidget *parent = nullptr); // session not owned

    /** Clears the form for a new rule starting now. */
    void startNew();
    /** Fills the form from an existing rule of version version. */
    void startEdit(const civicdesk::RoutingRuleRecord &rule, qint64 version);

    /** Returns the rule as the form contains it, with an empty id for a new rule. */
    civicdesk::RoutingRuleRecord draft() const;
    /** Returns the problem shown under a field, or an empty string when none. */
    QString problemText(RoutingRuleCheck::Field field) const;
    QString statusText() const;
    bool isWaiting() const { return !m_mutationId.isEmpty(); }

    /** Checks the form and, when it has no problems, queues the rule. Returns the mutation
     *  id, or an empty string when nothing was queued. */
    QString save();

Q_SIGNALS:
    /** Reports that the server applied the rule with this id. */
    void saved(const QString &ruleId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    QWidget *setupTeamRow();
    void nameFields();
    void setupConnections();
    void retranslateUi();
    void loadLists();
    void fillSubcategories();
    void fillTeams();
    void onAreaLevelChanged();
    void onAreaTextChanged();
    void setProblems(const QList<RoutingRuleCheck::Problem> &problems);
    void setWaiting(bool waiting);
    void showWaitingText();
    void onEditAcknowledged(const QString &entity, const QString &entityId, const QString &mutationId);
    void onEditRejected(const QString &entity, const QString &entityId, const QString &mutationId,
        const QString &code, const QString &message);
    RoutingRuleCheck::Context checkContext() const;

    ClientSession *m_session;
    QString m_ruleId;
    qint64 m_version = 0;
    QString m_mutationId;
    QString m_areaId;
    QString m_serverMessage;

    QComboBox *m_categoryCombo = nullptr;
    QComboBox *m_subcategoryCombo = nullptr;
    QComboBox *m_areaLevelCombo = nullptr;
    QLineEdit *m_areaEdit = nullptr;
    AreaCompleter *m_areaCompleter = nullptr;
    QRadioButton *m_byTeamButton = nullptr;
    QRadioButton *m_byCodeButton = nullptr;
    QComboBox *m_teamCombo = nullptr;
    QLineEdit *m_teamCodeEdit = nullptr;
    QSpinBox *m_precedenceSpin = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QCheckBox *m_endsBox = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QPlainTextEdit *m_noteEdit = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QMap<RoutingRuleCheck::Field, QLabel *> m_problemLabels;
    QMap<QString, QLabel *> m_rowLabels;
};

} // namespace CivicDesk
