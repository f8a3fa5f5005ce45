#include "priorityreplaywidget.h"

#include "data/repository.h"
#include "priority/replaydata.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

constexpr int DefaultDays = 30;
constexpr int ExcerptLength = 80;

QTableWidgetItem *numberItem(double value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem *textItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString excerpt(const QString &text)
{
    const QString line = text.simplified();
    return line.size() <= ExcerptLength ? line : line.left(ExcerptLength - 1) + QChar(0x2026);
}

QString moveText(const ReplayQueue &queue, int index)
{
    if (index < 0) {
        return QStringLiteral("–");
    }
    const ReplayRow &row = queue.rows.at(index);
    //: A case's move in a replayed queue: case number, old rank and new rank.
    return PriorityReplayWidget::tr("%1: %2 → %3")
        .arg(row.number)
        .arg(row.oldRank)
        .arg(row.newRank);
}

} // namespace

PriorityReplayWidget::PriorityReplayWidget(
    Repository *repository, WeightsSource current, WeightsSource edited, QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_current(std::move(current))
    , m_edited(std::move(edited))
{
    setupUi();
    connect(m_replayButton, &QPushButton::clicked, this, &PriorityReplayWidget::replay);
    connect(m_queueTable, &QTableWidget::currentCellChanged, this, [this](int row) {
        showQueue(row < 0 ? -1 : m_queueTable->item(row, 0)->data(Qt::UserRole).toInt());
    });
}

void PriorityReplayWidget::setupUi()
{
    m_daysSpin = new QSpinBox(this);
    m_daysSpin->setObjectName(QStringLiteral("replayDaysSpin"));
    m_daysSpin->setRange(ReplayData::MinimumDays, ReplayData::MaximumDays);
    m_daysSpin->setValue(DefaultDays);
    //: Suffix of the replay window, such as "30 days".
    m_daysSpin->setSuffix(tr(" days"));
    //: Button that scores the open cases under the current and the edited weights.
    m_replayButton = new QPushButton(tr("&Replay"), this);
    m_replayButton->setObjectName(QStringLiteral("replayButton"));
    auto *controls = new QHBoxLayout;
    //: Before the spin box of the replay window: "Open cases created in the last 30 days".
    controls->addWidget(new QLabel(tr("Open cases created in the last"), this));
    controls->addWidget(m_daysSpin);
    controls->addWidget(m_replayButton);
    controls->addStretch(1);
    m_fromNewestCheck = new QCheckBox(this);
    m_fromNewestCheck->setObjectName(QStringLiteral("replayFromNewestCheck"));
    //: Replay option for a cache of old cases: the window ends at the newest open case.
    m_fromNewestCheck->setText(tr("Count back from the newest open case instead of now"));

    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("replayResultLabel"));
    m_resultLabel->setWordWrap(true);

    m_queueTable = new QTableWidget(0, 6, this);
    m_queueTable->setObjectName(QStringLiteral("replayQueueTable"));
    //: Column headers of the replay summary per queue; τ is Kendall's rank correlation.
    m_queueTable->setHorizontalHeaderLabels({ tr("Queue"), tr("Cases"), tr("Rank changes"),
        tr("Kendall's τ"), tr("Largest rise"), tr("Largest fall") });
    m_queueTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueTable->verticalHeader()->hide();
    m_queueTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    m_caseTable = new QTableWidget(0, 7, this);
    m_caseTable->setObjectName(QStringLiteral("replayCaseTable"));
    //: Column headers of the cases whose rank changes in a replayed queue.
    m_caseTable->setHorizontalHeaderLabels({ tr("Case"), tr("Text"), tr("Old rank"), tr("New rank"),
        tr("Move"), tr("Old score"), tr("New score") });
    m_caseTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_caseTable->verticalHeader()->hide();
    m_caseTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_caseTable->setSortingEnabled(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_fromNewestCheck);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_queueTable, 1);
    layout->addWidget(m_caseTable, 2);
}

void PriorityReplayWidget::replay()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QElapsedTimer timer;
    timer.start();
    const QDateTime newest = m_repository->newestOpenCaseTime();
    const bool fromNewest = m_fromNewestCheck->isChecked() && newest.isValid();
    const QDateTime now = fromNewest ? newest : QDateTime::currentDateTimeUtc();
    const QList<ReplayCase> cases = m_repository->replayCases(m_daysSpin->value(), now);
    m_queues = ReplayEngine::replay(cases, m_current(), m_edited(), now.toSecsSinceEpoch());
    QApplication::restoreOverrideCursor();

    int changed = 0;
    for (const ReplayQueue &queue : std::as_const(m_queues)) {
        changed += queue.changedCount;
    }
    //: Replay result: open cases scored, how many change rank, queues, time taken.
    const QString summary = tr("%n open case(s) replayed; %1 change rank. Queues: %2. Took %3 ms.",
        nullptr, int(cases.size()));
    QString result = summary.arg(changed).arg(m_queues.size()).arg(timer.elapsed());
    if (cases.isEmpty() && !fromNewest && newest.isValid()) {
        //: After an empty replay; %1 is the date of the newest open case in the local copy.
        result += QLatin1Char(' ')
            + tr("The newest open case was created on %1: count back from it to replay older "
                 "cases.")
                  .arg(QLocale().toString(newest.date(), QLocale::ShortFormat));
    }
    m_resultLabel->setText(result);
    showQueues();
}

void PriorityReplayWidget::setCountFromNewestCase(bool fromNewest)
{
    m_fromNewestCheck->setChecked(fromNewest);
}

QString PriorityReplayWidget::teamName(const QString &teamId) const
{
    for (const TeamInfo &team : m_repository->teams()) {
        if (team.id == teamId) {
            return team.name;
        }
    }
    //: A replayed queue whose team is not in the cache, or cases without a team.
    return teamId.isEmpty() ? tr("No team") : teamId;
}

void PriorityReplayWidget::showQueues()
{
    m_queueTable->setSortingEnabled(false);
    m_queueTable->setRowCount(int(m_queues.size()));
    const QLocale locale;
    for (int row = 0; row < m_queues.size(); ++row) {
        const ReplayQueue &queue = m_queues.at(row);
        auto *nameItem = textItem(teamName(queue.teamId));
        nameItem->setData(Qt::UserRole, row);
        m_queueTable->setItem(row, 0, nameItem);
        m_queueTable->setItem(row, 1, numberItem(queue.rows.size()));
        m_queueTable->setItem(row, 2, numberItem(queue.changedCount));
        QTableWidgetItem *tauItem = textItem(locale.toString(queue.kendallTau, 'f', 3));
        tauItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_queueTable->setItem(row, 3, tauItem);
        m_queueTable->setItem(row, 4, textItem(moveText(queue, queue.largestRise)));
        m_queueTable->setItem(row, 5, textItem(moveText(queue, queue.largestFall)));
    }
    m_queueTable->setSortingEnabled(true);
    m_queueTable->resizeColumnsToContents();
    m_queueTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    if (!m_queues.isEmpty()) {
        m_queueTable->selectRow(0);
    }
    showQueue(m_queues.isEmpty() ? -1 : m_queueTable->item(0, 0)->data(Qt::UserRole).toInt());
}

void PriorityReplayWidget::showQueue(int index)
{
    m_caseTable->setSortingEnabled(false);
    m_caseTable->setRowCount(0);
    if (index < 0 || index >= m_queues.size()) {
        return;
    }
    for (const ReplayRow &row : m_queues.at(index).rows) {
        if (row.oldRank == row.newRank) {
            continue;
        }
        const int at = m_caseTable->rowCount();
        m_caseTable->insertRow(at);
        m_caseTable->setItem(at, 0, textItem(row.number));
        m_caseTable->setItem(at, 1, textItem(excerpt(row.text)));
        m_caseTable->setItem(at, 2, numberItem(row.oldRank));
        m_caseTable->setItem(at, 3, numberItem(row.newRank));
        m_caseTable->setItem(at, 4, numberItem(row.rise()));
        m_caseTable->setItem(at, 5, numberItem(qRound(row.oldScore * 100) / 100.0));
        m_caseTable->setItem(at, 6, numberItem(qRound(row.newScore * 100) / 100.0));
    }
    m_caseTable->setSortingEnabled(true);
    m_caseTable->sortByColumn(3, Qt::AscendingOrder);
    m_caseTable->resizeColumnsToContents();
    m_caseTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
}

} // namespace CivicDesk
