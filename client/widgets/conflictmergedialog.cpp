#include "conflictmergedialog.h"

#include "conflicttexts.h"
#include "plainlabel.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

QPlainTextEdit *textEdit(const QString &text, bool readOnly, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setReadOnly(readOnly);
    edit->setMinimumHeight(70);
    return edit;
}

} // namespace

ConflictMergeDialog::ConflictMergeDialog(
    const Conflict &conflict, const ConflictTexts &texts, QWidget *parent)
    : QDialog(parent)
    , m_conflict(conflict)
{
    setObjectName(QStringLiteral("conflictMergeDialog"));
    //: Window title: merge the person's version of a rejected edit with the server's.
    setWindowTitle(tr("Merge Versions"));

    QLabel *intro = plainLabel(this);
    intro->setWordWrap(true);
    intro->setText(tr("%1: %2. Choose the version of each field to send, or write the merged "
                      "text. Fields that are the same on both sides keep their value.")
                       .arg(texts.record(conflict), ConflictTexts::change(conflict.entry)));

    auto *fields = new QWidget(this);
    auto *fieldsLayout = new QVBoxLayout(fields);
    for (const ConflictField &field : conflict.fields) {
        if (field.isText) {
            fieldsLayout->addWidget(textBox(field, texts));
        } else if (field.differs()) {
            fieldsLayout->addWidget(choiceBox(field, texts));
        }
    }
    fieldsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_errorLabel = plainLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("mergeErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errorLabel->hide();

    // Built by hand because Qt ships no Greek text for the standard buttons.
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *send =
        buttons->addButton(tr("&Send Merged Version"), QDialogButtonBox::AcceptRole);
    send->setObjectName(QStringLiteral("sendMergeButton"));
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConflictMergeDialog::onAccepted);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    resize(820, 560);
}

QWidget *ConflictMergeDialog::choiceBox(const ConflictField &field, const ConflictTexts &texts)
{
    auto *box = new QGroupBox(ConflictTexts::field(field.name), this);
    Choice choice { field };
    //: A merge choice: the person's own value of a field.
    choice.mine = new QRadioButton(tr("Yours: %1").arg(texts.value(field, field.mine)), box);
    choice.mine->setObjectName(QStringLiteral("mine_") + field.name);
    //: A merge choice: the server's value of a field.
    auto *server = new QRadioButton(tr("Server's: %1").arg(texts.value(field, field.server)), box);
    server->setObjectName(QStringLiteral("server_") + field.name);
    choice.mine->setChecked(true);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(choice.mine);
    layout->addWidget(server);
    m_choices.append(choice);
    return box;
}

QWidget *ConflictMergeDialog::textBox(const ConflictField &field, const ConflictTexts &texts)
{
    auto *box = new QGroupBox(ConflictTexts::field(field.name), this);
    const QString mine = texts.value(field, field.mine);
    const bool serverHasText = !field.server.is_null();
    const QString server = serverHasText ? texts.value(field, field.server) : QString();

    QString merged = mine;
    if (serverHasText && !server.isEmpty() && server != mine) {
        merged += QStringLiteral("\n\n") + server;
    }
    Choice choice { field };
    choice.merged = textEdit(merged, false, box);
    choice.merged->setObjectName(QStringLiteral("merged_") + field.name);

    auto *layout = new QGridLayout(box);
    QLabel *mineLabel = plainLabel(box);
    mineLabel->setText(tr("Your text:"));
    layout->addWidget(mineLabel, 0, 0);
    layout->addWidget(textEdit(mine, true, box), 1, 0);
    if (serverHasText) {
        QLabel *serverLabel = plainLabel(box);
        serverLabel->setText(tr("Server's text:"));
        layout->addWidget(serverLabel, 0, 1);
        layout->addWidget(textEdit(server, true, box), 1, 1);
    }
    QLabel *mergedLabel = plainLabel(box);
    mergedLabel->setText(tr("Text to send (edit it into one):"));
    layout->addWidget(mergedLabel, 2, 0, 1, 2);
    layout->addWidget(choice.merged, 3, 0, 1, 2);
    m_choices.append(choice);
    return box;
}

nlohmann::json ConflictMergeDialog::values() const
{
    nlohmann::json values = nlohmann::json::object();
    for (const Choice &choice : m_choices) {
        const std::string name = choice.field.name.toStdString();
        if (choice.merged) {
            const std::string key = choice.field.mine.begin().key();
            values[name] = { { key, choice.merged->toPlainText().toStdString() } };
        } else {
            values[name] = choice.mine->isChecked() ? choice.field.mine : choice.field.server;
        }
    }
    return values;
}

void ConflictMergeDialog::onAccepted()
{
    const bool caseNote = m_conflict.entry.entity == QLatin1String("case");
    for (const Choice &choice : m_choices) {
        if (caseNote && choice.merged && choice.merged->toPlainText().trimmed().isEmpty()) {
            m_errorLabel->setText(tr("Write the text of the note before sending it."));
            m_errorLabel->show();
            return;
        }
    }
    accept();
}

} // namespace CivicDesk
