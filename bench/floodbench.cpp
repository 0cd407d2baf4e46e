#include "benchparts.h"

#include <twinrun/outputlog.h>
#include <twinrun/session.h>
#include <twinrun/workerfactory.h>
#include <twinrun/workertablemodel.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace twinrun::bench {

namespace {

QJsonObject floodResult(const QString& name, qint64 lines, qint64 bytes, qint64 ns)
{
    const double seconds = ns / 1e9;
    return {{QStringLiteral("name"), name},
            {QStringLiteral("lines"), lines},
            {QStringLiteral("bytes"), bytes},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("lines_per_s"), lines / seconds},
            {QStringLiteral("mb_per_s"), bytes / 1e6 / seconds}};
}

double peakRssMb()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

} // namespace

// A flood captured into the worker's bounded log, as the window keeps it.
QJsonObject flood(const Options& o, const QString& name, Backend backend, qint64 lines,
                  StartMethod method)
{
    progress(o, QStringLiteral("flood %1: %2 lines").arg(name).arg(lines));
    OutputLog log;
    QEventLoop loop;
    WorkerSpec spec =
        specOf(QStringLiteral("flood"), {Value::fromInt(lines), Value::fromInt(o.width)});
    spec.startMethod = method;
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<Worker> worker(createWorker(backend, spec));
    QObject::connect(worker.get(), &Worker::output, &log, &OutputLog::append);
    QObject::connect(worker.get(), &Worker::finished, &loop, &QEventLoop::quit);
    if (worker->start() && worker->isAlive())
        loop.exec();
    const qint64 ns = clock.nsecsElapsed();
    QJsonObject result = floodResult(name, log.totalLines(), lines * (o.width + 1), ns);
    result.insert(QStringLiteral("complete"), log.totalLines() == lines);
    return result;
}

// The floor for moving the same bytes through a pipe: `yes LINE | head -n N`, read to the end.
QJsonObject pipeFloor(const Options& o, qint64 lines)
{
    progress(o, QStringLiteral("flood pipe floor: %1 lines").arg(lines));
    const QByteArray script = QByteArrayLiteral("yes ") + QByteArray(o.width, 'x') +
                              QByteArrayLiteral(" 2>/dev/null") + QByteArrayLiteral(" | head -n ") +
                              QByteArray::number(lines);
    int fds[2];
    if (::pipe(fds) != 0)
        return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    const char* const argv[] = {"/bin/sh", "-c", script.constData(), nullptr};
    QElapsedTimer clock;
    clock.start();
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, const_cast<char* const*>(argv), environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    qint64 bytes = 0;
    std::vector<char> buffer(1 << 16);
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer.data(), buffer.size());
        if (n <= 0)
            break;
        bytes += n;
    }
    ::close(fds[0]);
    int status = 0;
    if (pid > 0)
        ::waitpid(pid, &status, 0);
    return floodResult(QStringLiteral("pipe floor (yes | head)"), bytes / (o.width + 1), bytes,
                       clock.nsecsElapsed());
}

QJsonObject memory(const Options& o)
{
    progress(o, QStringLiteral("memory: %1-line flood").arg(o.memoryLines));
    Session session;
    WorkerTableModel table(&session);
    WorkerSpec spec =
        specOf(QStringLiteral("flood"), {Value::fromInt(o.memoryLines), Value::fromInt(o.width)});
    QEventLoop loop;
    const QList<Worker*> workers = session.launch({spec, LaunchSpec::Mode::Thread});
    QObject::connect(workers.constFirst(), &Worker::finished, &loop, &QEventLoop::quit);
    if (workers.constFirst()->isAlive())
        loop.exec();
    const OutputLog* log = session.log(workers.constFirst());
    return {{QStringLiteral("lines"), o.memoryLines},
            {QStringLiteral("peak_rss_mb"), peakRssMb()},
            {QStringLiteral("log_lines_kept"), log->lineCount()},
            {QStringLiteral("log_lines_dropped"), log->droppedLines()}};
}

// A timer that should tick every 5 ms while 8 workers flood a session (and its table model):
// the longest gap past 5 ms is the longest the event loop was stalled.
QJsonObject responsiveness(const Options& o)
{
    constexpr int kWorkers = 8;
    constexpr int kTickMs = 5;
    const qint64 linesEach = std::max<qint64>(o.lines / 4, 1000);
    progress(o, QStringLiteral("responsiveness: %1 workers flooding").arg(kWorkers));
    Session session;
    WorkerTableModel table(&session);
    QEventLoop loop;
    for (int i = 0; i < kWorkers; ++i) {
        const auto mode = i % 2 ? LaunchSpec::Mode::Process : LaunchSpec::Mode::Thread;
        for (Worker* w : session.launch({specOf(QStringLiteral("flood"), {Value::fromInt(linesEach),
                                                                          Value::fromInt(o.width)}),
                                         mode}))
            QObject::connect(w, &Worker::finished, &loop, [&] {
                if (session.running().isEmpty())
                    loop.quit();
            });
    }
    std::vector<double> gaps;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        gaps.push_back(std::max(0.0, sinceTick.nsecsElapsed() / 1e6 - kTickMs));
        sinceTick.restart();
    });
    probe.start(kTickMs);
    if (!session.running().isEmpty())
        loop.exec();
    const Stats stats = statsOf(gaps);
    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const double p99 = sorted.empty() ? 0 : sorted[static_cast<size_t>(0.99 * (sorted.size() - 1))];
    return {{QStringLiteral("workers"), kWorkers},
            {QStringLiteral("lines_each"), linesEach},
            {QStringLiteral("max_stall_ms"), sorted.empty() ? 0 : sorted.back()},
            {QStringLiteral("p99_stall_ms"), p99},
            {QStringLiteral("median_stall_ms"), stats.median},
            {QStringLiteral("ticks"), static_cast<qint64>(gaps.size())}};
}

} // namespace twinrun::bench
