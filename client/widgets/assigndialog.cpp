#include "plainlabel.h"
#include "assigndialog.h"

#include "data/repository.h"
#include "displaytexts.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace CivicDesk {

AssignDialog::AssignDialog(Repository *repository, const QString &teamId, const QString &teamName,
    const QString &currentAssigneeId, QWidget *parent)
    : QDialog(parent)
    , m_introLabel(plainLabel(this))
    , m_memberList(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Assign Case"));
    m_introLabel->setText(tr("Choose the member of %1 who should handle this case.").arg(teamName));
    m_introLabel->setWordWrap(true);
    m_memberList->setObjectName(QStringLiteral("memberList"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Assign"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(m_memberList);
    layout->addWidget(m_buttons);
    resize(420, 360);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_memberList, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_memberList, &QListWidget::currentRowChanged, this,
        [this](int row) { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(row >= 0); });

    fillMembers(repository, teamId, currentAssigneeId);
}

QString AssignDialog::selectedUserId() const
{
    const QListWidgetItem *item = m_memberList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void AssignDialog::fillMembers(
    Repository *repository, const QString &teamId, const QString &currentAssigneeId)
{
    for (const UserInfo &user : repository->membersOfTeam(teamId)) {
        //: Member of a team in the assign dialog, such as "Maria Papadopoulou (Supervisor)".
        auto *item =
            new QListWidgetItem(tr("%1 (%2)").arg(user.displayName, DisplayTexts::role(user.role)));
        item->setData(Qt::UserRole, user.id);
        m_memberList->addItem(item);
        if (user.id == currentAssigneeId) {
            m_memberList->setCurrentItem(item);
        }
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_memberList->currentRow() >= 0);

    if (m_memberList->count() == 0) {
        m_introLabel->setText(tr("This team has no members in your local copy, so the case "
                                 "cannot be assigned from here."));
    }
}

} // namespace CivicDesk
