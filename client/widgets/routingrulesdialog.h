#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace CivicDesk {

class ClientSession;
class RoutingRuleEditor;

/**
 * The supervisors' window over the routing rules: a filterable table of the rules with
 * their state, Add, Edit and Retire, and a History tab with who changed what and when.
 * Edits go through the outbox, and the table changes when the server's change arrives.
 */
class RoutingRulesDialog : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        CategoryColumn,
        SubcategoryColumn,
        AreaLevelColumn,
        AreaColumn,
        TeamColumn,
        PrecedenceColumn,
        FromColumn,
        ToColumn,
        StateColumn,
        ColumnCount
    };

    RoutingRulesDialog(ClientSession *session, QWidget *parent = nullptr); // session not owned

    /** Reloads both tables from the cache. */
    void reload();
    /** Opens the editor on a new rule, or on the rule with ruleId. */
    RoutingRuleEditor *openEditor(const QString &ruleId = {});
    /** Queues the retirement of a rule with a note. Returns the mutation id, or an empty
     *  string when the note or the rule is not valid. */
    QString retireRule(const QString &ruleId, const QString &note);
    /** Returns the row of the filtered rules table that shows ruleId, or -1. */
    int rowOfRule(const QString &ruleId) const;

    QTableView *rulesView() const { return m_rulesView; }
    QTableView *historyView() const { return m_historyView; }
    QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    QWidget *setupRulesTab();
    void setupConnections();
    void retranslateUi();
    void reloadRules();
    void reloadHistory();
    void updateButtons();
    void updateConnectionText();
    QString selectedRuleId() const;
    void retireSelected();
    void onEditAcknowledged(const QString &entity, const QString &entityId, const QString &mutationId);
    void onEditRejected(const QString &entity, const QString &entityId, const QString &mutationId,
        const QString &code, const QString &message);

    ClientSession *m_session;
    QString m_retireMutationId;
    QStandardItemModel *m_rulesModel;
    QSortFilterProxyModel *m_rulesProxy;
    QStandardItemModel *m_historyModel;
    QSortFilterProxyModel *m_historyProxy;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_rulesView = nullptr;
    QTableView *m_historyView = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_retireButton = nullptr;
    QLabel *m_statusLabel = nullptr;
};

} // namespace CivicDesk
