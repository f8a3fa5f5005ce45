// RoutingRulesDialog: the window, its actions and the editor it opens.
#include "routingrulesdialog.h"

#include "data/repository.h"
#include "routingrulecheck.h"
#include "routingruleeditor.h"
#include "session/clientsession.h"
#include "widgetslogging.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

constexpr int RuleIdRole = Qt::UserRole + 1;
constexpr int SortRole = Qt::UserRole + 2;

QTableView *tableView(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSortingEnabled(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QSortFilterProxyModel *filterModel(QStandardItemModel *source, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    proxy->setSortRole(SortRole);
    return proxy;
}

} // namespace

RoutingRulesDialog::RoutingRulesDialog(ClientSession *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_rulesModel(new QStandardItemModel(0, ColumnCount, this))
    , m_rulesProxy(filterModel(m_rulesModel, this))
    , m_historyModel(new QStandardItemModel(0, 5, this))
    , m_historyProxy(filterModel(m_historyModel, this))
{
    setupUi();
    setupConnections();
    retranslateUi();
    reload();
    resize(1280, 600);
}

void RoutingRulesDialog::setupUi()
{
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(setupRulesTab(), QString());
    m_historyView = tableView(m_historyProxy, this);
    m_historyView->setWordWrap(true);
    m_tabs->addTab(m_historyView, QString());
    m_statusLabel = new QLabel(this);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_connectionLabel);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_statusLabel);
}

QWidget *RoutingRulesDialog::setupRulesTab()
{
    auto *page = new QWidget(this);
    m_filterEdit = new QLineEdit(page);
    m_filterEdit->setClearButtonEnabled(true);
    m_rulesView = tableView(m_rulesProxy, page);
    m_addButton = new QPushButton(page);
    m_editButton = new QPushButton(page);
    m_retireButton = new QPushButton(page);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_filterEdit, 1);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_retireButton);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(m_rulesView, 1);
    return page;
}

void RoutingRulesDialog::setupConnections()
{
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_rulesProxy->setFilterFixedString(text);
        m_historyProxy->setFilterFixedString(text);
    });
    connect(m_rulesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &RoutingRulesDialog::updateButtons);
    connect(m_rulesView, &QTableView::doubleClicked, this,
        [this] { openEditor(selectedRuleId()); });
    connect(m_addButton, &QPushButton::clicked, this, [this] { openEditor(); });
    connect(m_editButton, &QPushButton::clicked, this,
        [this] { openEditor(selectedRuleId()); });
    connect(m_retireButton, &QPushButton::clicked, this, &RoutingRulesDialog::retireSelected);
    connect(m_session, &ClientSession::cacheChanged, this, [this](const QStringList &entities) {
        for (const char *entity : { "routingRule", "routingRuleHistory", "team", "category" }) {
            if (entities.contains(QLatin1String(entity))) {
                reload();
                return;
            }
        }
    });
    connect(m_session, &ClientSession::stateChanged, this,
        &RoutingRulesDialog::updateConnectionText);
    connect(m_session, &ClientSession::editAcknowledged, this,
        &RoutingRulesDialog::onEditAcknowledged);
    connect(m_session, &ClientSession::editRejected, this, &RoutingRulesDialog::onEditRejected);
}

void RoutingRulesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        reload();
    }
    QWidget::changeEvent(event);
}

void RoutingRulesDialog::retranslateUi()
{
    setWindowTitle(tr("Routing Rules"));
    m_tabs->setTabText(0, tr("&Rules"));
    m_tabs->setTabText(1, tr("&History"));
    //: Placeholder of the filter over the routing rules and their history.
    m_filterEdit->setPlaceholderText(tr("Filter by category, area, team or state"));
    m_addButton->setText(tr("&Add…"));
    m_editButton->setText(tr("&Edit…"));
    m_retireButton->setText(tr("Re&tire…"));
    m_rulesModel->setHorizontalHeaderLabels({ tr("Category"), tr("Subcategory"),
        tr("Area level"), tr("Area"), tr("Team"), tr("Precedence"), tr("Effective from"),
        tr("Effective to"), tr("State") });
    //: Column titles of the routing rule history.
    m_historyModel->setHorizontalHeaderLabels(
        { tr("Time"), tr("Person"), tr("Action"), tr("Rule"), tr("Changes") });
    updateConnectionText();
}

void RoutingRulesDialog::updateConnectionText()
{
    const bool online = m_session->state() == ClientSession::State::Online;
    m_connectionLabel->setVisible(!online);
    m_connectionLabel->setText(tr("You are offline. Rule changes are queued on this computer "
                                  "and sent when the connection returns; the table shows them "
                                  "once the server has applied them."));
}

void RoutingRulesDialog::updateButtons()
{
    const bool selected = !selectedRuleId().isEmpty();
    m_editButton->setEnabled(selected);
    m_retireButton->setEnabled(selected);
}

QString RoutingRulesDialog::selectedRuleId() const
{
    const QModelIndexList rows = m_rulesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(RuleIdRole).toString();
}

int RoutingRulesDialog::rowOfRule(const QString &ruleId) const
{
    for (int row = 0; row < m_rulesProxy->rowCount(); ++row) {
        if (m_rulesProxy->index(row, 0).data(RuleIdRole).toString() == ruleId) {
            return row;
        }
    }
    return -1;
}

QString RoutingRulesDialog::statusText() const
{
    return m_statusLabel->text();
}

RoutingRuleEditor *RoutingRulesDialog::openEditor(const QString &ruleId)
{
    auto *editor = new RoutingRuleEditor(m_session, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (!ruleId.isEmpty()) {
        for (const nlohmann::json &rule : m_session->repository()->routingRules()) {
            if (rule.value("id", std::string()) == ruleId.toStdString()) {
                editor->startEdit(rule.get<civicdesk::RoutingRuleRecord>(), rule.value("version", 0));
            }
        }
    }
    connect(editor, &RoutingRuleEditor::saved, this, [this] {
        //: Status line after the server applied a routing rule.
        m_statusLabel->setText(tr("The server saved the rule."));
    });
    editor->show();
    return editor;
}

void RoutingRulesDialog::retireSelected()
{
    const QString ruleId = selectedRuleId();
    if (ruleId.isEmpty()) {
        return;
    }
    bool ok = false;
    const QString note = QInputDialog::getMultiLineText(this, tr("Retire Routing Rule"),
        tr("Why is the rule retired? The note is kept in the rule's history."), QString(), &ok);
    if (ok) {
        retireRule(ruleId, note.trimmed());
    }
}

QString RoutingRulesDialog::retireRule(const QString &ruleId, const QString &note)
{
    if (note.isEmpty() || note.size() > RoutingRuleCheck::MaxNoteCharacters) {
        m_statusLabel->setText(tr("Enter a note of 1 to 500 characters to retire a rule."));
        return {};
    }
    qint64 version = -1;
    for (const nlohmann::json &rule : m_session->repository()->routingRules()) {
        if (rule.value("id", std::string()) == ruleId.toStdString()) {
            version = rule.value("version", qint64(0));
        }
    }
    if (version < 0) {
        return {};
    }
    m_retireMutationId = m_session->saveRoutingRule(
        QStringLiteral("retire"), ruleId, version, { { "note", note.toStdString() } });
    m_statusLabel->setText(m_session->state() == ClientSession::State::Online
            ? tr("Waiting for the server…")
            : tr("You are offline. The retirement is queued and will be sent when the "
                 "connection returns."));
    return m_retireMutationId;
}

void RoutingRulesDialog::onEditAcknowledged(
    const QString &entity, const QString &entityId, const QString &mutationId)
{
    Q_UNUSED(entity)
    Q_UNUSED(entityId)
    if (!mutationId.isEmpty() && mutationId == m_retireMutationId) {
        m_retireMutationId.clear();
        //: Status line after the server applied the retirement of a routing rule.
        m_statusLabel->setText(tr("The server retired the rule."));
    }
}

void RoutingRulesDialog::onEditRejected(const QString &entity, const QString &entityId,
    const QString &mutationId, const QString &code, const QString &message)
{
    Q_UNUSED(entity)
    Q_UNUSED(entityId)
    if (mutationId.isEmpty() || mutationId != m_retireMutationId) {
        return;
    }
    qCInfo(lcWidgets) << "retiring a routing rule was rejected:" << code;
    m_retireMutationId.clear();
    m_session->dismissRejectedEdit(mutationId);
    //: %1 is the server's own explanation, shown as it came.
    m_statusLabel->setText(tr("The server rejected the retirement of the rule: %1").arg(message));
}

} // namespace CivicDesk
