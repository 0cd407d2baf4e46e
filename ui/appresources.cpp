#include "appresources.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

// Q_INIT_RESOURCE must be used outside a namespace; twinrun_ui is a static library, so the
// resource's registration has to be referenced to be linked in.
static void initTwinRunResource()
{
    Q_INIT_RESOURCE(twinrun);
}

namespace twinrun {

namespace {

const QString kFallbackTheme = QStringLiteral("twinrun");
const QString kThemePath = QStringLiteral(":/icons/theme");

} // namespace

void initResources()
{
    static const bool done = [] {
        initTwinRunResource();
        QStringList paths = QIcon::themeSearchPaths();
        if (!paths.contains(kThemePath))
            QIcon::setThemeSearchPaths(paths << kThemePath);
        QIcon::setFallbackThemeName(kFallbackTheme);
        // No desktop theme at all (a bare X server, the offscreen platform): ours is the theme.
        if (QIcon::themeName().isEmpty())
            QIcon::setThemeName(kFallbackTheme);
        return true;
    }();
    Q_UNUSED(done);
}

QIcon appIcon()
{
    initResources();
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/twinrun/%1x%1.png").arg(size), QSize(size, size));
    return icon;
}

QIcon actionIcon(const char* freedesktopName)
{
    initResources();
    return QIcon::fromTheme(QLatin1String(freedesktopName));
}

QString installTranslations(QCoreApplication* app, const QLocale& locale)
{
    initResources();
    static QPointer<QTranslator> ours;
    static QPointer<QTranslator> qts;
    delete ours;
    delete qts;
    auto* own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("twinrun"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        return {};
    }
    app->installTranslator(own);
    ours = own;
    // Qt's own strings (standard buttons, file dialogs), where the system has them.
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app->installTranslator(qt);
        qts = qt;
    } else {
        delete qt;
    }
    return own->language();
}

} // namespace twinrun
