#pragma once

#include "data/clientrecords.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace CivicDesk {

/** The request text of a case, why it was routed to its queue and its priority breakdown. */
class CaseDetailsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CaseDetailsWidget(QWidget *parent = nullptr);

    void setCase(const CaseInfo &caseInfo);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void retranslateUi();
    void fillValues();
    void fillPriorityTable();

    CaseInfo m_case;
    QLabel *m_requestTitle = nullptr;
    QPlainTextEdit *m_requestText = nullptr;
    QLabel *m_addressLabel = nullptr;
    QLabel *m_routeTitle = nullptr;
    QLabel *m_routeValue = nullptr;
    QLabel *m_priorityTitle = nullptr;
    QTableWidget *m_priorityTable = nullptr;
};

} // namespace CivicDesk
