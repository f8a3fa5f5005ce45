#pragma once

#include <QLabel>

namespace CivicDesk {

/**
 * Returns a new label that shows its text literally. QLabel's default guesses rich text from
 * the content, so a citizen's name such as "<img src=x>" would be rendered as markup.
 */
inline QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace CivicDesk
