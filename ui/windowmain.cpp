#include "windowmain.h"

#include "appresources.h"
#include "mainwindow.h"

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
    installTranslations(&app); // from the locale (LANG=pt_BR.UTF-8); English otherwise
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace twinrun
