#include "windowmain.h"

#include "mainwindow.h"

#include <QApplication>

int twinrun_window_main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TwinRun"));
    QCoreApplication::setApplicationName(QStringLiteral("twinrun"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TWINRUN_VERSION));
    twinrun::MainWindow window;
    window.show();
    return app.exec();
}
