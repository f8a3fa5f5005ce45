#include "translationloader.h"

#include "applogging.h"

#include <QCoreApplication>
#include <QLocale>

namespace CivicDesk {

TranslationLoader::TranslationLoader(QObject *parent)
    : QObject(parent)
{
}

QString TranslationLoader::systemLanguage()
{
    return QLocale::system().language() == QLocale::English ? QStringLiteral("en")
                                                            : QStringLiteral("el");
}

bool TranslationLoader::isSupported(const QString &language)
{
    return language == QLatin1String("el") || language == QLatin1String("en");
}

bool TranslationLoader::load(const QString &language)
{
    auto *translator = new QTranslator(this);
    const QString file = QStringLiteral(":/i18n/civicdesk_%1.qm").arg(language);
    if (!translator->load(file)) {
        qCWarning(lcApp) << "cannot load translation" << file;
        delete translator;
        return false;
    }

    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        delete m_translator;
    }
    m_translator = translator;
    m_language = language;
    QLocale::setDefault(QLocale(language == QLatin1String("el") ? QLocale::Greek : QLocale::English,
        language == QLatin1String("el") ? QLocale::Greece : QLocale::UnitedKingdom));
    QCoreApplication::installTranslator(m_translator);
    qCInfo(lcApp) << "language set to" << language;
    return true;
}

} // namespace CivicDesk
