#include "data/textnormalizer.h"

namespace CivicDesk {

QString normalizeForSearch(const QString &text)
{
    const QString decomposed = text.toLower().normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar character : decomposed) {
        const QChar::Category category = character.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing) {
            continue;
        }
        folded.append(character == QChar(0x03C2) ? QChar(0x03C3) : character);
    }
    return folded.simplified();
}

} // namespace CivicDesk
