#include "notecomposer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>

namespace CivicDesk {

NoteComposer::NoteComposer(QWidget *parent)
    : QWidget(parent)
    , m_textEdit(new QPlainTextEdit(this))
    , m_addButton(new QPushButton(this))
{
    m_textEdit->setObjectName(QStringLiteral("noteEdit"));
    m_textEdit->setTabChangesFocus(true);
    m_textEdit->setMaximumHeight(m_textEdit->fontMetrics().lineSpacing() * 3 + 14);
    m_addButton->setObjectName(QStringLiteral("addNoteButton"));
    m_addButton->setEnabled(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_textEdit, 1);
    layout->addWidget(m_addButton, 0, Qt::AlignBottom);

    connect(m_textEdit, &QPlainTextEdit::textChanged, this,
        [this] { m_addButton->setEnabled(!m_textEdit->toPlainText().trimmed().isEmpty()); });
    connect(m_addButton, &QPushButton::clicked, this,
        [this] { Q_EMIT noteSubmitted(m_textEdit->toPlainText().trimmed()); });
    retranslateUi();
}

void NoteComposer::clear()
{
    m_textEdit->clear();
}

void NoteComposer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void NoteComposer::retranslateUi()
{
    m_textEdit->setPlaceholderText(tr("Write an internal note about this case…"));
    m_addButton->setText(tr("Add Note"));
}

} // namespace CivicDesk
