#include "childmode.h"

#include "forkserverloop.h"
#include "pluginloading.h"
#include "usageread.h"

#include <twinrun/target.h>
#include <twinrun/workercontext.h>
#include <twinrun/workerprogram.h>
#include <twinrun/workerspec.h>

#include <QJsonObject>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace twinrun {

namespace {

void writeAll(int fd, const char* data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return; // the parent stopped reading: nothing left to tell
        }
        data += n;
        size -= n;
    }
}

int refuse(const QString& message)
{
    const QByteArray line =
        QStringLiteral("twinrun: %1: %2\n").arg(QString::fromLatin1(kChildFlag), message).toUtf8();
    writeAll(STDERR_FILENO, line.constData(), line.size());
    return 2;
}

// The process side of a worker: the target's stdout and stderr are the real fds 1 and 2,
// which the parent reads through pipes. Interruption is SIGTERM, handled by the kernel.
class ProcessContext final : public WorkerContext {
public:
    using WorkerContext::WorkerContext;
    bool isInterruptionRequested() const override { return false; }
    void ignoreStopRequests() override { std::signal(SIGTERM, SIG_IGN); }

protected:
    void deliver(OutputChunks chunks) override
    {
        for (const OutputChunk& chunk : chunks)
            writeAll(chunk.channel == Channel::Stdout ? STDOUT_FILENO : STDERR_FILENO,
                     chunk.data.constData(), chunk.data.size());
    }

    bool waitInterruptibly(std::int64_t msecs) override
    {
        timespec left{static_cast<time_t>(msecs / 1000), static_cast<long>(msecs % 1000) * 1000000};
        while (::nanosleep(&left, &left) != 0 && errno == EINTR) {
        }
        return true;
    }
};

// Reads all of stdin, refusing more than kMaxChildSpecBytes; false on a read error.
bool readSpec(QByteArray* bytes, QString* error)
{
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0)
            return true;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = QStringLiteral("cannot read the worker spec from stdin: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        bytes->append(buffer, n);
        if (bytes->size() > kMaxChildSpecBytes) {
            *error = QStringLiteral("the worker spec on stdin is larger than %1 MiB")
                         .arg(kMaxChildSpecBytes / (1024 * 1024));
            return false;
        }
    }
}

// The spawn start method's usage channel (see ProcessWorker::startSpawned): taken from the
// environment and hidden from what the target starts; -1 when there is none.
int takeUsageFd()
{
    const char* text = std::getenv(kUsageFdVariable);
    if (!text)
        return -1;
    char* end = nullptr;
    const long fd = std::strtol(text, &end, 10);
    ::unsetenv(kUsageFdVariable);
    if (end == text || *end || fd < 3 || ::fcntl(int(fd), F_SETFD, FD_CLOEXEC) != 0)
        return -1;
    return int(fd);
}

void reportUsage(int fd)
{
    if (fd < 0)
        return;
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    ResourceUsage usage = usageFromRusage(ru, true);
    // ru_maxrss is no good here: exec carries the high-water mark of the process that started
    // this one (the app, through QProcess's fork) into it. VmHWM is this program's own peak.
    if (ResourceUsage own; readProcUsage("/proc/self", &own, true) && own.peakRssKb > 0)
        usage.peakRssKb = own.peakRssKb;
    const ChildUsageRecord record = toRecord(usage);
    writeAll(fd, reinterpret_cast<const char*>(&record), sizeof record);
    ::close(fd);
}

} // namespace

std::optional<WorkerSpec> parseChildSpec(QByteArrayView bytes, QString* error)
{
    const std::optional<QJsonObject> json = readJsonObject(
        bytes, kMaxChildSpecBytes, QStringLiteral("the worker spec on stdin"), error);
    if (!json)
        return std::nullopt;
    return WorkerSpec::fromJson(*json, error);
}

bool isChildInvocation(int argc, char** argv)
{
    return argc >= 2 && std::strcmp(argv[1], kChildFlag) == 0;
}

bool isHiddenInvocation(int argc, char** argv)
{
    return isChildInvocation(argc, argv) || isForkServerInvocation(argc, argv) ||
           plugins::isProbeInvocation(argc, argv);
}

int runHidden(int argc, char** argv)
{
    // Taken the child's path: the guard in workerprogram.h is not for targets run from here.
    ::unsetenv(kWorkerChildMarker);
    if (plugins::isProbeInvocation(argc, argv))
        return plugins::runProbe(argc, argv);
    return isChildInvocation(argc, argv) ? runChild() : runForkServer(argc, argv);
}

int runChild()
{
    if (::isatty(STDIN_FILENO))
        return refuse(QStringLiteral("this mode is internal to TwinRun's process workers: it "
                                     "expects a worker spec as JSON on stdin, not a terminal"));
    const int usageFd = takeUsageFd();
    QByteArray bytes;
    QString error;
    if (!readSpec(&bytes, &error))
        return refuse(error);
    const int code = runChildSpec(bytes);
    reportUsage(usageFd);
    return code;
}

int runChildSpec(QByteArrayView bytes)
{
    QString error;
    const std::optional<WorkerSpec> spec = parseChildSpec(bytes, &error);
    if (!spec)
        return refuse(error);
    // A plugin target: its plugin is loaded by path first (the same file checks as the app's
    // loader, without the probe: the app's passed before it launched this worker). Spawn and
    // fork-server children alike load it here, so the fork server itself never runs plugin code.
    if (!spec->plugin.isEmpty())
        if (const QString problem = plugins::loadPluginInChild(spec->plugin); !problem.isEmpty())
            return refuse(problem);
    const PreparedCall call = prepareCall(spec->target, spec->args, spec->kwargs, false);
    if (!call)
        return refuse(call.error);
    const std::int64_t pid = ::getpid();
    ProcessContext context({spec->name, QStringLiteral("process"), pid,
                            static_cast<std::uint64_t>(pid), pid, ::getppid()});
    return runTarget(call.target->run, context, call.args);
}

} // namespace twinrun
