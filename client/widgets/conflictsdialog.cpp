#include "conflictsdialog.h"

#include "conflictlistmodel.h"
#include "conflictmergedialog.h"
#include "conflicttexts.h"
#include "displaytexts.h"
#include "plainlabel.h"
#include "widgetslogging.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

enum FieldColumn { FieldNameColumn, MineColumn, ServerColumn };

QLabel *wrappingLabel(QWidget *parent, const char *objectName)
{
    QLabel *label = plainLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    return label;
}

} // namespace

ConflictsDialog::ConflictsDialog(ClientSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new ConflictListModel(this))
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setupUi();
    setupConnections();
    retranslateUi();
    reload();
}

ConflictsDialog::~ConflictsDialog() = default;

void ConflictsDialog::setupUi()
{
    m_introLabel = wrappingLabel(this, "conflictsIntroLabel");

    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->horizontalHeader()->setHighlightSections(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(setupDetails());
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({ 220, 330 });

    m_statusLabel = wrappingLabel(this, "conflictsStatusLabel");
    m_keepButton = new QPushButton(this);
    m_keepButton->setObjectName(QStringLiteral("keepMineButton"));
    m_takeButton = new QPushButton(this);
    m_takeButton->setObjectName(QStringLiteral("takeServerButton"));
    m_mergeButton = new QPushButton(this);
    m_mergeButton->setObjectName(QStringLiteral("mergeButton"));
    m_closeButton = new QPushButton(this);
    // Enter must not send or drop edits, so only Close is the default button.
    for (QPushButton *action : { m_keepButton, m_takeButton, m_mergeButton }) {
        action->setAutoDefault(false);
    }
    m_closeButton->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_keepButton);
    buttons->addWidget(m_takeButton);
    buttons->addWidget(m_mergeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLabel);
    layout->addLayout(buttons);
    resize(1040, 640);
}

QWidget *ConflictsDialog::setupDetails()
{
    auto *details = new QWidget(this);
    m_summaryLabel = wrappingLabel(details, "conflictSummaryLabel");
    m_reasonLabel = wrappingLabel(details, "conflictReasonLabel");
    m_obstacleLabel = wrappingLabel(details, "conflictObstacleLabel");
    m_obstacleLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fde8e8; color: #8a1c1c; border: 1px solid #f0b4b4;"
                       " border-radius: 4px; padding: 4px 8px; }"));

    m_fieldsTable = new QTableWidget(0, 3, details);
    m_fieldsTable->setObjectName(QStringLiteral("conflictFieldsTable"));
    m_fieldsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fieldsTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_fieldsTable->setWordWrap(true);
    m_fieldsTable->verticalHeader()->hide();
    QHeaderView *header = m_fieldsTable->horizontalHeader();
    header->setSectionResizeMode(FieldNameColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MineColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ServerColumn, QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_reasonLabel);
    layout->addWidget(m_obstacleLabel);
    layout->addWidget(m_fieldsTable, 1);
    return details;
}

void ConflictsDialog::setupConnections()
{
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showCurrent();
        updateButtons();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ConflictsDialog::showCurrent);
    connect(m_keepButton, &QPushButton::clicked, this,
        [this] { resolveSelected(ConflictResolver::Resolution::KeepMine); });
    connect(m_takeButton, &QPushButton::clicked, this,
        [this] { resolveSelected(ConflictResolver::Resolution::TakeServer); });
    connect(m_mergeButton, &QPushButton::clicked, this, &ConflictsDialog::mergeCurrent);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(
        m_session, &ClientSession::rejectedEditsChanged, this, &ConflictsDialog::reloadIfVisible);
    connect(m_session, &ClientSession::cacheChanged, this, &ConflictsDialog::reloadIfVisible);
}

void ConflictsDialog::reloadIfVisible()
{
    // A hidden window reads the edits again when it is shown.
    if (isVisible()) {
        reload();
    }
}

void ConflictsDialog::showEvent(QShowEvent *event)
{
    reload();
    QDialog::showEvent(event);
}

void ConflictsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        reload();
    }
    QDialog::changeEvent(event);
}

void ConflictsDialog::retranslateUi()
{
    //: Window title of the list of edits the server rejected or that conflict with others.
    setWindowTitle(tr("Conflicts"));
    m_introLabel->setText(tr("The server did not accept these changes of yours. For each, keep "
                             "your version, take the server's, or merge the two. Select several "
                             "to keep or drop them together."));
    m_fieldsTable->setHorizontalHeaderLabels(
        { tr("Field"), tr("Your version"), tr("Server's version") });
    //: Sends the person's version of the selected edits again.
    m_keepButton->setText(tr("&Keep Mine"));
    m_mergeButton->setText(tr("&Merge…"));
    m_closeButton->setText(tr("&Close"));
    updateButtons();
}

void ConflictsDialog::reload()
{
    const QStringList selected = selectedMutationIds();
    const int current = currentRow();
    const QString currentId =
        current >= 0 ? m_model->conflictAt(current).entry.mutationId : QString();
    if (!m_session->repository()) {
        return;
    }
    m_texts = std::make_unique<ConflictTexts>(*m_session->repository());
    m_model->setConflicts(m_session->conflicts(), *m_texts);
    m_list->resizeColumnsToContents();

    QStringList keep = selected;
    if (!currentId.isEmpty()) {
        keep.removeAll(currentId);
        keep.prepend(currentId);
    }
    if (keep.isEmpty() && m_model->rowCount() > 0) {
        keep.append(m_model->conflictAt(0).entry.mutationId);
    }
    selectMutations(keep);
    showCurrent();
    updateButtons();
}

void ConflictsDialog::selectMutations(const QStringList &mutationIds)
{
    QItemSelectionModel *selection = m_list->selectionModel();
    selection->clearSelection();
    bool first = true;
    for (const QString &mutationId : mutationIds) {
        const int row = m_model->rowOf(mutationId);
        if (row < 0) {
            continue;
        }
        const QModelIndex index = m_model->index(row, 0);
        const auto flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
        if (first) {
            selection->setCurrentIndex(index, flags);
            first = false;
        } else {
            selection->select(index, flags);
        }
    }
}

QStringList ConflictsDialog::selectedMutationIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows()) {
        ids.append(m_model->conflictAt(index.row()).entry.mutationId);
    }
    return ids;
}

int ConflictsDialog::currentRow() const
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    const bool selected =
        current.isValid() && m_list->selectionModel()->isRowSelected(current.row(), QModelIndex());
    return selected ? current.row() : -1;
}

void ConflictsDialog::showCurrent()
{
    const int row = currentRow();
    if (row < 0) {
        m_summaryLabel->setText(m_model->rowCount() == 0
                ? tr("No rejected changes: everything you changed was accepted or is waiting "
                     "to be sent.")
                : tr("Select a change to see both versions."));
        m_reasonLabel->clear();
        m_obstacleLabel->hide();
        m_fieldsTable->setRowCount(0);
        return;
    }

    const Conflict &conflict = m_model->conflictAt(row);
    const OutboxEntry &entry = conflict.entry;
    const QString record = m_texts->record(conflict);
    const QString change = ConflictTexts::change(entry);
    const QString madeAt = ConflictTexts::madeAt(entry);
    if (conflict.currentVersion > 0) {
        //: Details of a rejected edit: record, what changed, when, and the two versions.
        m_summaryLabel->setText(tr("%1: %2, made at %3 on version %4. The server is now at "
                                   "version %5.")
                                    .arg(record, change, madeAt)
                                    .arg(entry.baseVersion)
                                    .arg(conflict.currentVersion));
    } else {
        //: Details of a rejected edit whose record is gone: record, what changed, when, version.
        m_summaryLabel->setText(tr("%1: %2, made at %3 on version %4. The record is no longer "
                                   "in your local copy.")
                                    .arg(record, change, madeAt)
                                    .arg(entry.baseVersion));
    }
    //: Why the server rejected the edit, then the server's own message verbatim.
    m_reasonLabel->setText(
        tr("The server rejected it because %1. The server said: %2")
            .arg(DisplayTexts::rejectReason(entry.rejectCode, entry.entity), entry.rejectMessage));
    m_obstacleLabel->setText(ConflictTexts::obstacle(conflict.obstacle));
    m_obstacleLabel->setVisible(!conflict.canKeep());
    fillFields(conflict);
}

void ConflictsDialog::fillFields(const Conflict &conflict)
{
    m_fieldsTable->setRowCount(int(conflict.fields.size()));
    for (int row = 0; row < conflict.fields.size(); ++row) {
        const ConflictField &field = conflict.fields.at(row);
        const QStringList cells { ConflictTexts::field(field.name),
            m_texts->value(field, field.mine), m_texts->value(field, field.server) };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            QFont font = item->font();
            font.setBold(field.differs());
            item->setFont(font);
            if (field.differs()) {
                item->setBackground(QColor(0xff, 0xf4, 0xd6));
            }
            item->setData(Qt::UserRole, field.name);
            m_fieldsTable->setItem(row, column, item);
        }
    }
    m_fieldsTable->resizeRowsToContents();
}

void ConflictsDialog::updateButtons()
{
    int keepable = 0;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        keepable += m_model->conflictAt(index.row()).canKeep() ? 1 : 0;
    }
    m_keepButton->setEnabled(keepable > 0);
    m_takeButton->setEnabled(!rows.isEmpty());
    // An edit that cannot be kept can only be dismissed, so the button is labelled Dismiss.
    m_takeButton->setText(!rows.isEmpty() && keepable == 0 ? tr("&Dismiss") : tr("&Take Server's"));
    const int row = currentRow();
    m_mergeButton->setEnabled(rows.size() == 1 && row >= 0 && m_model->conflictAt(row).canMerge());
}

void ConflictsDialog::resolveSelected(ConflictResolver::Resolution resolution)
{
    const QStringList ids = selectedMutationIds();
    if (ids.isEmpty()) {
        return;
    }
    report(m_session->resolveConflicts(ids, resolution));
}

void ConflictsDialog::mergeCurrent()
{
    const int row = currentRow();
    if (row < 0 || !m_model->conflictAt(row).canMerge()) {
        return;
    }
    const Conflict conflict = m_model->conflictAt(row);
    ConflictMergeDialog dialog(conflict, *m_texts, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    report({ m_session->mergeConflict(conflict.entry.mutationId, dialog.values()) });
}

void ConflictsDialog::report(const QList<ConflictResolver::Outcome> &outcomes)
{
    int dismissOnly = 0;
    int invalidMerges = 0;
    int failed = 0;
    for (const ConflictResolver::Outcome &outcome : outcomes) {
        if (outcome.error == ConflictResolver::Error::CannotKeep) {
            ++dismissOnly;
        } else if (outcome.error == ConflictResolver::Error::InvalidMerge) {
            qCInfo(lcWidgets) << "merge of" << outcome.mutationId << "invalid:" << outcome.detail;
            ++invalidMerges;
        } else if (!outcome.ok()) {
            qCWarning(lcWidgets) << "resolving rejected edit" << outcome.mutationId
                                 << "failed:" << outcome.detail;
            ++failed;
        }
    }
    QStringList messages;
    if (dismissOnly > 0) {
        messages.append(tr(
            "%n change(s) cannot be sent again and wait to be dismissed.", nullptr, dismissOnly));
    }
    if (invalidMerges > 0) {
        messages.append(tr("The merged version is not valid, for example because a text is empty "
                           "or too long. Nothing was changed."));
    }
    if (failed > 0) {
        messages.append(tr("%n change(s) could not be resolved on this computer. Try again, "
                           "or sign in again if it keeps failing.",
            nullptr, failed));
    }
    m_statusLabel->setText(messages.join(QLatin1Char(' ')));
    reload();
}

} // namespace CivicDesk
