#pragma once

#include "sync/conflicts.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPlainTextEdit;
class QRadioButton;

namespace CivicDesk {

class ConflictTexts;

/**
 * Merges one rejected edit. For each field that differs, the person chooses their value or
 * the server's, and a text such as a note is edited from both versions into one.
 */
class ConflictMergeDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictMergeDialog(
        const Conflict &conflict, const ConflictTexts &texts, QWidget *parent = nullptr);

    /** Returns the chosen value per field, as ClientSession::mergeConflict takes them. */
    nlohmann::json values() const;

private:
    struct Choice
    {
        ConflictField field;
        QRadioButton *mine = nullptr;
        QPlainTextEdit *merged = nullptr; // for a text field
    };

    QWidget *choiceBox(const ConflictField &field, const ConflictTexts &texts);
    QWidget *textBox(const ConflictField &field, const ConflictTexts &texts);
    void onAccepted();

    Conflict m_conflict;
    QList<Choice> m_choices;
    QLabel *m_errorLabel = nullptr;
};

} // namespace CivicDesk
