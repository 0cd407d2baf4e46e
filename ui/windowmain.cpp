#include "windowmain.h"

#include "appresources.h"
#include "mainwindow.h"
#include "themecolors.h"

#include <twinrun/version.h>

#include <QApplication>

namespace twinrun {

int runWindow(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TwinRun"));
    QCoreApplication::setApplicationName(QStringLiteral("twinrun"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TWINRUN_VERSION_STRING));
    QGuiApplication::setDesktopFileName(QStringLiteral("twinrun"));
    QApplication::setWindowIcon(appIcon());
    // Qt 6.4 does not follow every desktop's dark theme: TWINRUN_COLOR_SCHEME=dark asks.
    if (qEnvironmentVariable("TWINRUN_COLOR_SCHEME") == QLatin1String("dark")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(theme::darkPalette());
    }
    installTranslations(&app); // from the locale (LANG=pt_BR.UTF-8); English otherwise
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace twinrun
