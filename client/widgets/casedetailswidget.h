#pragma once

#include "data/clientrecords.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QPlainTextEdit;
class QTableWidget;

namespace CivicDesk {

/** The request text of a case, why it was routed to its queue and its priority breakdown. */
class CaseDetailsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CaseDetailsWidget(QWidget *parent = nullptr);

    /** duplicateOfNumber is the number of the case in caseInfo.duplicateOf, when known. */
    void setCase(const CaseInfo &caseInfo, const QString &duplicateOfNumber = {});

Q_SIGNALS:
    /** The person followed the link to the case this one duplicates. */
    void caseRequested(const QString &caseId);
    void unlinkRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void retranslateUi();
    void fillValues();
    void fillPriorityTable();
    void fillDuplicates();

    CaseInfo m_case;
    QString m_duplicateOfNumber;
    QLabel *m_requestTitle = nullptr;
    QPlainTextEdit *m_requestText = nullptr;
    QLabel *m_addressLabel = nullptr;
    QLabel *m_routeTitle = nullptr;
    QLabel *m_routeValue = nullptr;
    QLabel *m_assignmentValue = nullptr;
    QLabel *m_duplicateLabel = nullptr;
    QPushButton *m_unlinkButton = nullptr;
    QLabel *m_priorityTitle = nullptr;
    QTableWidget *m_priorityTable = nullptr;
};

} // namespace CivicDesk
