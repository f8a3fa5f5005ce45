#pragma once

#include "data/clientrecords.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace CivicDesk {

/** The top of the case view: number, status and the case's facts in two columns. */
class CaseHeaderWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CaseHeaderWidget(QWidget *parent = nullptr);

    void setCase(const CaseInfo &caseInfo);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void retranslateUi();
    void fillValues();
    void fillDue(QLabel *value, const QDateTime &dueAt, const QDateTime &now);
    void fillReplyDue(const QDateTime &now);
    QLabel *addRow(QGridLayout *grid, int row, int column, QLabel **title, int valueColumns = 1);

    CaseInfo m_case;
    QLabel *m_numberLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_categoryTitle = nullptr;
    QLabel *m_categoryValue = nullptr;
    QLabel *m_teamTitle = nullptr;
    QLabel *m_teamValue = nullptr;
    QLabel *m_assigneeTitle = nullptr;
    QLabel *m_assigneeValue = nullptr;
    QLabel *m_placeTitle = nullptr;
    QLabel *m_placeValue = nullptr;
    QLabel *m_createdTitle = nullptr;
    QLabel *m_createdValue = nullptr;
    QLabel *m_channelTitle = nullptr;
    QLabel *m_channelValue = nullptr;
    QLabel *m_dueTitle = nullptr;
    QLabel *m_dueValue = nullptr;
    QLabel *m_clockTitle = nullptr;
    QLabel *m_clockValue = nullptr;
    QLabel *m_replyDueTitle = nullptr;
    QLabel *m_replyDueValue = nullptr;
};

} // namespace CivicDesk
