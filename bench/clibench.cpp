// The command line's memory: `twinrun run flood N` in each output mode, its stdout thrown
// away, measured by the kernel's peak RSS of that process (wait4). Issue 8 item 2: the CLI stays
// bounded like the window for any output size.
#include "benchparts.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fcntl.h>

extern char** environ;

namespace twinrun::bench {

namespace {

// Runs the program with its stdout and stderr on /dev/null; the peak RSS in MB, or -1.
double peakRssOfRun(const QByteArray& program, const QList<QByteArray>& args, int* status)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv{const_cast<char*>(program.constData())};
    for (const QByteArray& a : args)
        argv.push_back(const_cast<char*>(a.constData()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int failed =
        ::posix_spawn(&pid, program.constData(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0)
        return -1;
    rusage usage{};
    while (::wait4(pid, status, 0, &usage) < 0 && errno == EINTR) {
    }
    return usage.ru_maxrss / 1024.0;
}

} // namespace

QJsonObject cliMemory(const Options& o)
{
    const QByteArray program = QCoreApplication::applicationFilePath().toLocal8Bit();
    const QByteArray lines = QByteArray::number(o.memoryLines);
    const QList<std::pair<QString, QList<QByteArray>>> modes = {
        {QStringLiteral("--as thread"), {"--as", "thread"}},
        {QStringLiteral("--as process"), {"--as", "process"}},
        {QStringLiteral("--as both"), {"--as", "both"}},
        {QStringLiteral("--as process --json"), {"--as", "process", "--json"}},
    };
    QJsonArray runs;
    double worst = 0;
    for (const auto& [name, modeArgs] : modes) {
        progress(
            o, QStringLiteral("command line memory: run flood %1 %2").arg(o.memoryLines).arg(name));
        int status = 0;
        const double mb = peakRssOfRun(
            program,
            QList<QByteArray>{"run", "flood", lines, QByteArray::number(o.width)} + modeArgs,
            &status);
        worst = std::max(worst, mb);
        runs.append(
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("peak_rss_mb"), mb},
                        {QStringLiteral("exit_status"),
                         WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)}});
    }
    return {{QStringLiteral("lines"), o.memoryLines},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("max_peak_rss_mb"), worst}};
}

} // namespace twinrun::bench
