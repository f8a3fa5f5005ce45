#pragma once

#include "priority/replayengine.h"

#include <QList>
#include <QWidget>
#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace CivicDesk {

class Repository;

/**
 * The replay section of the priority weights window. It scores the open cases created in the
 * last N days under the weights in force and under the edited ones. Per queue it shows how
 * many cases change rank, Kendall's tau and the largest moves, and below, the cases of the
 * selected queue whose rank changes (sortable).
 */
class PriorityReplayWidget : public QWidget
{
    Q_OBJECT

public:
    using WeightsSource = std::function<civicdesk::PriorityWeights()>;

    /** current and edited give the two weights at the moment Replay is pressed. */
    PriorityReplayWidget(Repository *repository, WeightsSource current, WeightsSource edited,
        QWidget *parent = nullptr); // repository not owned

    /** Runs the replay as the Replay button does. */
    void replay();
    /** Counts the window back from the newest open case instead of now, for historical data
     *  such as the demo's. The cases are then also scored as of that time. */
    void setCountFromNewestCase(bool fromNewest);
    const QList<ReplayQueue> &queues() const { return m_queues; }

private:
    void setupUi();
    void showQueues();
    void showQueue(int index);
    QString teamName(const QString &teamId) const;

    Repository *m_repository;
    WeightsSource m_current;
    WeightsSource m_edited;
    QList<ReplayQueue> m_queues;
    QSpinBox *m_daysSpin = nullptr;
    QPushButton *m_replayButton = nullptr;
    QCheckBox *m_fromNewestCheck = nullptr;
    QLabel *m_resultLabel = nullptr;
    QTableWidget *m_queueTable = nullptr;
    QTableWidget *m_caseTable = nullptr;
};

} // namespace CivicDesk
