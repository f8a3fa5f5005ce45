#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace CivicDesk {

class Repository;

/** Lets the user pick the member of a team who should handle a case. */
class AssignDialog : public QDialog
{
    Q_OBJECT

public:
    /** Lists the members of teamId; currentAssigneeId is preselected when present. */
    AssignDialog(Repository *repository, const QString &teamId, const QString &teamName,
        const QString &currentAssigneeId, QWidget *parent = nullptr); // not owned

    /** Returns the chosen user's id, or an empty string when nobody is selected. */
    QString selectedUserId() const;

private:
    void fillMembers(
        Repository *repository, const QString &teamId, const QString &currentAssigneeId);

    QLabel *m_introLabel;
    QListWidget *m_memberList;
    QDialogButtonBox *m_buttons;
};

} // namespace CivicDesk
