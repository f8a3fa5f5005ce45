#pragma once

#include <QObject>
#include <QTranslator>

namespace CivicDesk {

/**
 * Installs the application's translation for "el" or "en" from the .qm files embedded
 * under :/i18n, replacing the previous one, so open windows retranslate live.
 */
class TranslationLoader : public QObject
{
    Q_OBJECT

public:
    explicit TranslationLoader(QObject *parent = nullptr);

    /** Returns "el" for a Greek system locale, "en" for English and "el" otherwise. */
    static QString systemLanguage();
    static bool isSupported(const QString &language);

    /** Installs language's translation; returns false when its .qm cannot be loaded. */
    bool load(const QString &language);
    QString language() const { return m_language; }

private:
    QTranslator *m_translator = nullptr;
    QString m_language;
};

} // namespace CivicDesk
