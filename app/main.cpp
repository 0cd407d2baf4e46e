#include "childmode.h"
#include "cli.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <cstdio>

namespace {

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

// The window lives in libtwinrun_ui, next to the other libraries (build/lib) and loaded only
// when it is wanted: process workers re-run this executable, and should not load QtWidgets.
int runWindow(int argc, char** argv)
{
    const QFileInfo self(QStringLiteral("/proc/self/exe"));
    const QString path = QDir(QFileInfo(self.symLinkTarget()).absolutePath())
                             .absoluteFilePath(QStringLiteral("../lib/libtwinrun_ui.so"));
    QLibrary library(path);
    using WindowMain = int (*)(int, char**);
    const auto windowMain = reinterpret_cast<WindowMain>(library.resolve("twinrun_window_main"));
    if (!windowMain) {
        std::fprintf(stderr, "twinrun: cannot load the window from %s: %s\n",
                     path.toLocal8Bit().constData(),
                     library.errorString().toLocal8Bit().constData());
        return 1;
    }
    return windowMain(argc, argv);
}

} // namespace

int main(int argc, char** argv)
{
    if (twinrun::isHiddenInvocation(argc, argv))
        return twinrun::runHidden(argc, argv);

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!twinrun::wantsCommandLine(arguments) && hasDisplay())
        return runWindow(argc, argv);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("twinrun"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TWINRUN_VERSION));
    if (!twinrun::wantsCommandLine(arguments)) {
        std::fprintf(stderr, "twinrun: no display found (DISPLAY is not set): running the demo "
                             "instead of opening the window\n");
        arguments << QStringLiteral("demo");
    }
    return twinrun::runCommandLine(arguments);
}
