#include "windowmain.h"

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
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace twinrun
