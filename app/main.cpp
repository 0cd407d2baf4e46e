#include "appresources.h"
#include "cli.h"
#include "clitext.h"
#include "fdlimit.h"
#include "windowmain.h"

#include <twinrun/version.h>

#include <QCoreApplication>

#include <cstdio>

namespace {

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

// twinrun: the window and the command line. Process workers run the separate twinrun-worker
// program (twinrun/workerprogram.h), so this one is never re-run as a child.
int main(int argc, char** argv)
{
    // First: Qt's event loop needs descriptors, and aborts the app when it gets none.
    if (const QString problem = twinrun::prepareFileDescriptors(); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", problem.toUtf8().constData());
        return 1;
    }
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!twinrun::wantsCommandLine(arguments) && hasDisplay())
        return twinrun::runWindow(argc, argv);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("twinrun"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TWINRUN_VERSION_STRING));
    twinrun::installTranslations(&app); // from the locale (LANG=pt_BR.UTF-8); English otherwise
    if (!twinrun::wantsCommandLine(arguments)) {
        std::fprintf(stderr, "twinrun: %s\n",
                     twinrun::CliText::tr("no display found (DISPLAY is not set): running the "
                                          "demo instead of opening the window")
                         .toUtf8()
                         .constData());
        arguments << QStringLiteral("demo");
    }
    return twinrun::runCommandLine(arguments);
}
