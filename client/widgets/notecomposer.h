#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace CivicDesk {

/** A text box and an Add Note button under a case's timeline. */
class NoteComposer : public QWidget
{
    Q_OBJECT

public:
    explicit NoteComposer(QWidget *parent = nullptr);

    void clear();

Q_SIGNALS:
    void noteSubmitted(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPlainTextEdit *m_textEdit;
    QPushButton *m_addButton;
};

} // namespace CivicDesk
