#include <twinrun/workerprogram.h>

#include "childmode.h"
#include "workerpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <cstdio>
#include <cstdlib>

#include <dlfcn.h>

namespace twinrun {

namespace {

QMutex programMutex;
QString programOverride;

// The directory this library was loaded from: the default worker program sits beside it, at
// the same relative place as in the installed tree (lib/ and libexec/).
QString libraryDirectory()
{
    Dl_info info{};
    if (::dladdr(reinterpret_cast<const void*>(&workerProgram), &info) == 0 || !info.dli_fname)
        return {};
    return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalPath();
}

QString defaultWorkerProgram()
{
    if (const QString fromEnv = qEnvironmentVariable("TWINRUN_WORKER_PROGRAM"); !fromEnv.isEmpty())
        return fromEnv;
    const QString besideLibrary =
        QDir(libraryDirectory())
            .absoluteFilePath(QStringLiteral(TWINRUN_LIBEXEC_FROM_LIBDIR "/" TWINRUN_WORKER_NAME));
    if (QFileInfo(besideLibrary).isExecutable())
        return QDir::cleanPath(besideLibrary);
    const QString installed = QStringLiteral(TWINRUN_INSTALL_LIBEXECDIR "/" TWINRUN_WORKER_NAME);
    if (QFileInfo(installed).isExecutable())
        return installed;
    return QDir::cleanPath(besideLibrary); // not found: the launch says where it looked
}

QString runningExecutable()
{
    return QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget();
}

} // namespace

QString workerProgram()
{
    {
        QMutexLocker lock(&programMutex);
        if (!programOverride.isEmpty())
            return programOverride;
    }
    return defaultWorkerProgram();
}

void setWorkerProgram(const QString& path)
{
    QMutexLocker lock(&programMutex);
    programOverride = path;
}

void runWorkerIfChild(int argc, char** argv)
{
    if (isHiddenInvocation(argc, argv)) {
        const int code = runHidden(argc, argv);
        std::fflush(nullptr);
        std::exit(code);
    }
    setWorkerProgram(runningExecutable());
}

int runWorkerProgram(int argc, char** argv)
{
    if (isHiddenInvocation(argc, argv))
        return runHidden(argc, argv);
    std::fprintf(stderr,
                 "%s: this program is internal to TwinRun: it runs process workers for "
                 "TwinRun and is not meant to be started by hand (run 'twinrun' instead)\n",
                 argc > 0 ? argv[0] : TWINRUN_WORKER_NAME);
    return 2;
}

} // namespace twinrun
