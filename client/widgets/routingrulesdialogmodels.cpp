// RoutingRulesDialog: filling the rules and history tables from the cache.
#include "routingrulesdialog.h"

#include "data/recordconverter.h"
#include "data/repository.h"
#include "routingruletexts.h"
#include "session/clientsession.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>

namespace CivicDesk {

namespace {

constexpr int RuleIdRole = Qt::UserRole + 1;
constexpr int SortRole = Qt::UserRole + 2;
constexpr int MaxColumnWidth = 260; // longer names are elided, their tooltip shows them

void fitColumns(QTableView *view)
{
    view->resizeColumnsToContents();
    for (int column = 0; column < view->model()->columnCount(); ++column) {
        view->setColumnWidth(column, qMin(view->columnWidth(column), MaxColumnWidth));
    }
}

using civicdesk::RoutingRuleRecord;

QStandardItem *item(const QString &text, const QVariant &sortKey = {})
{
    auto *cell = new QStandardItem(text);
    cell->setData(sortKey.isValid() ? sortKey : QVariant(text.toLower()), SortRole);
    cell->setToolTip(text);
    return cell;
}

QStandardItem *timeItem(const std::string &isoTime)
{
    return item(RoutingRuleTexts::time(isoTime), QString::fromStdString(isoTime));
}

} // namespace

void RoutingRulesDialog::reload()
{
    const QString selected = selectedRuleId();
    reloadRules();
    reloadHistory();
    const int row = rowOfRule(selected);
    if (row >= 0) {
        m_rulesView->selectRow(row);
    }
    updateButtons();
}

void RoutingRulesDialog::reloadRules()
{
    const Repository *repository = m_session->repository();
    const RoutingRuleTexts texts(*repository);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_rulesModel->removeRows(0, m_rulesModel->rowCount());

    for (const nlohmann::json &record : repository->routingRules()) {
        const auto rule = record.get<RoutingRuleRecord>();
        const auto state = RoutingRuleTexts::state(rule, now);
        const QString level = QString::fromStdString(rule.areaLevel);
        QList<QStandardItem *> row { item(texts.category(rule.categoryId)),
            item(texts.category(rule.subcategoryId)), item(RoutingRuleTexts::areaLevel(level)),
            item(texts.area(rule)), item(texts.team(rule)),
            item(QString::number(rule.precedence), rule.precedence),
            timeItem(rule.effectiveFrom), timeItem(rule.effectiveTo),
            item(RoutingRuleTexts::stateText(state), int(state)) };
        row.first()->setData(QString::fromStdString(rule.id), RuleIdRole);
        if (!rule.note.empty()) {
            row.first()->setToolTip(QString::fromStdString(rule.note));
        }
        if (state == RoutingRuleTexts::State::Retired || state == RoutingRuleTexts::State::Ended) {
            for (QStandardItem *cell : row) {
                cell->setForeground(m_rulesView->palette().brush(QPalette::Disabled, QPalette::Text));
            }
        }
        m_rulesModel->appendRow(row);
    }
    fitColumns(m_rulesView);
}

void RoutingRulesDialog::reloadHistory()
{
    const Repository *repository = m_session->repository();
    const RoutingRuleTexts texts(*repository);
    const QList<nlohmann::json> entries = repository->routingRuleHistory();
    m_historyModel->removeRows(0, m_historyModel->rowCount());

    for (int index = 0; index < entries.size(); ++index) {
        const nlohmann::json &entry = entries.at(index);
        const auto rule = entry.at("rule").get<RoutingRuleRecord>();
        // Entries are newest first, so the rule as it was before is further down the list.
        std::optional<RoutingRuleRecord> before;
        for (int older = index + 1; older < entries.size() && !before; ++older) {
            if (jsonString(entries.at(older), "ruleId") == jsonString(entry, "ruleId")) {
                before = entries.at(older).at("rule").get<RoutingRuleRecord>();
            }
        }
        const QString changedBy = jsonString(entry, "changedBy");
        //: The person column of a history entry written by the data importer.
        const QString person = changedBy.isEmpty() ? tr("Importer") : repository->userName(changedBy);
        const QString action = jsonString(entry, "action");
        const QString changes = action == QLatin1String("retire")
            ? texts.retireNote(rule)
            : texts.changes(before ? &*before : nullptr, rule);
        const QString changedAt = jsonString(entry, "changedAt");
        QList<QStandardItem *> row { item(RoutingRuleTexts::time(changedAt.toStdString()), changedAt),
            item(person.isEmpty() ? changedBy : person), item(RoutingRuleTexts::action(action)),
            item(texts.ruleLine(rule)), item(changes) };
        row.first()->setData(QString::fromStdString(rule.id), RuleIdRole);
        m_historyModel->appendRow(row);
    }
    m_historyView->sortByColumn(0, Qt::DescendingOrder);
    fitColumns(m_historyView);
}

} // namespace CivicDesk
