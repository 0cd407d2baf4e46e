#include "childmode.h"
#include "cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>

namespace {

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char** argv)
{
    if (twinrun::isHiddenInvocation(argc, argv))
        return twinrun::runHidden(argc, argv);

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (twinrun::wantsCommandLine(arguments) || !hasDisplay()) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("twinrun"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TWINRUN_VERSION));
        if (!twinrun::wantsCommandLine(arguments)) {
            std::fprintf(stderr, "twinrun: no display found (DISPLAY is not set): running the "
                                 "demo instead of opening the window\n");
            arguments << QStringLiteral("demo");
        }
        return twinrun::runCommandLine(arguments);
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TwinRun"));
    QCoreApplication::setApplicationName(QStringLiteral("twinrun"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TWINRUN_VERSION));
    twinrun::MainWindow window;
    window.show();
    return app.exec();
}
