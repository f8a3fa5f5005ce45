#pragma once

#include "data/clientrecords.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace CivicDesk {

/**
 * The buttons of the case view: Claim, Assign…, the status selector and Open Citizen 360°.
 * Emits requests; CaseView carries them out through ClientSession.
 */
class CaseActionsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CaseActionsWidget(QWidget *parent = nullptr);

    /** Shows the actions for caseInfo as seen by the user with id currentUserId. */
    void setCase(const CaseInfo &caseInfo, const QString &currentUserId);

Q_SIGNALS:
    void claimRequested();
    void assignRequested();
    void statusRequested(const QString &status);
    void citizenRequested();
    void categoryChangeRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void setupConnections();
    void retranslateUi();
    void fillStatuses();

    CaseInfo m_case;
    QPushButton *m_claimButton = nullptr;
    QPushButton *m_assignButton = nullptr;
    QPushButton *m_categoryButton = nullptr;
    QLabel *m_statusTitle = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QPushButton *m_citizenButton = nullptr;
};

} // namespace CivicDesk
