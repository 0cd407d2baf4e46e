#include "benchcommand.h"
#include <twinrun/workerfactory.h>

#include <twinrun/outputlog.h>
#include <twinrun/session.h>
#include <twinrun/version.h>
#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace twinrun {

namespace {

struct Options {
    int threadRuns = 200;
    int processRuns = 50;
    qint64 lines = 1000000;
    qint64 memoryLines = 10000000;
    int width = 39; // + '\n' = 40 bytes a line
    bool json = false;
    bool progress = false;
};

struct Stats {
    double min = 0;
    double median = 0;
    double p90 = 0;
};

Stats statsOf(std::vector<double> samples)
{
    if (samples.empty())
        return {};
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples[std::min(samples.size() - 1,
                                static_cast<size_t>(q * (samples.size() - 1) + 0.5))];
    };
    return {samples.front(), at(0.5), at(0.9)};
}

QJsonObject toJson(const Stats& s)
{
    return {{QStringLiteral("min"), s.min},
            {QStringLiteral("median"), s.median},
            {QStringLiteral("p90"), s.p90}};
}

void progress(const Options& o, const QString& text)
{
    if (o.progress)
        std::fprintf(stderr, "\r\033[K%s", text.toUtf8().constData());
}

WorkerSpec specOf(const QString& target, Value::Items args = {})
{
    WorkerSpec spec;
    spec.target = target;
    spec.args = std::move(args);
    return spec;
}

// Launch-to-running and launch-to-joined through the same Worker API the window uses:
// create, start, and wait for the signals on this thread's event loop.
QJsonObject benchLaunch(const Options& o, const QString& name, Backend backend, int runs,
                        StartMethod method = StartMethod::Spawn)
{
    std::vector<double> running;
    std::vector<double> joined;
    WorkerSpec spec = specOf(QStringLiteral("noop"));
    spec.startMethod = method;
    for (int i = -3; i < runs; ++i) { // three warm-up runs
        QEventLoop loop;
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<Worker> worker(createWorker(backend, spec));
        qint64 runningNs = -1;
        QObject::connect(worker.get(), &Worker::started, [&] { runningNs = clock.nsecsElapsed(); });
        QObject::connect(worker.get(), &Worker::finished, &loop, &QEventLoop::quit);
        if (!worker->start())
            break;
        if (worker->isAlive())
            loop.exec();
        const qint64 joinedNs = clock.nsecsElapsed();
        if (i >= 0) {
            running.push_back(runningNs / 1e3);
            joined.push_back(joinedNs / 1e3);
        }
        progress(o, QStringLiteral("launch %1: %2/%3").arg(name).arg(i + 1).arg(runs));
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("running_us"), toJson(statsOf(running))},
            {QStringLiteral("joined_us"), toJson(statsOf(joined))}};
}

QJsonObject benchFloor(const Options& o, const QString& name, int runs,
                       const std::function<void()>& once)
{
    std::vector<double> joined;
    for (int i = -3; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        once();
        if (i >= 0)
            joined.push_back(clock.nsecsElapsed() / 1e3);
        progress(o, QStringLiteral("floor %1: %2/%3").arg(name).arg(i + 1).arg(runs));
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("joined_us"), toJson(statsOf(joined))}};
}

pid_t spawn(const char* const argv[], posix_spawn_file_actions_t* actions)
{
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], actions, nullptr, const_cast<char* const*>(argv), environ) != 0)
        return -1;
    return pid;
}

void spawnTrue()
{
    const char* const argv[] = {"/bin/true", nullptr};
    const pid_t pid = spawn(argv, nullptr);
    int status = 0;
    if (pid > 0)
        ::waitpid(pid, &status, 0);
}

void forkExit()
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(0);
    int status = 0;
    if (pid > 0)
        ::waitpid(pid, &status, 0);
}

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

// A flood captured into the worker's bounded log, as the window keeps it.
QJsonObject benchFlood(const Options& o, const QString& name, Backend backend, qint64 lines,
                       StartMethod method = StartMethod::Spawn)
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
QJsonObject benchPipeFloor(const Options& o, qint64 lines)
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
    const pid_t pid = spawn(argv, &actions);
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

double peakRssMb()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

QJsonObject benchMemory(const Options& o)
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
QJsonObject benchResponsiveness(const Options& o)
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

QString us(const QJsonObject& stats, const char* key)
{
    const QJsonObject s = stats.value(QLatin1String(key)).toObject();
    if (s.isEmpty())
        return QStringLiteral("-");
    return QStringLiteral("%1 / %2 / %3")
        .arg(s.value(QStringLiteral("min")).toDouble(), 0, 'f', 0)
        .arg(s.value(QStringLiteral("median")).toDouble(), 0, 'f', 0)
        .arg(s.value(QStringLiteral("p90")).toDouble(), 0, 'f', 0);
}

void printHuman(const QJsonObject& r)
{
    QString text = QStringLiteral(
        "Launch (create + start + join of noop), microseconds: min / median / p90\n");
    text += QStringLiteral("  %1 %2 %3\n")
                .arg(QStringLiteral("worker"), -32)
                .arg(QStringLiteral("to running"), -22)
                .arg(QStringLiteral("to joined"));
    for (const QJsonValue& v : r.value(QStringLiteral("launch")).toArray()) {
        const QJsonObject o = v.toObject();
        text += QStringLiteral("  %1 %2 %3\n")
                    .arg(o.value(QStringLiteral("name")).toString(), -32)
                    .arg(us(o, "running_us"), -22)
                    .arg(us(o, "joined_us"));
    }
    text += QStringLiteral("\nOutput flood captured into the worker's log\n");
    for (const QJsonValue& v : r.value(QStringLiteral("flood")).toArray()) {
        const QJsonObject o = v.toObject();
        text += QStringLiteral("  %1 %2 lines in %3 s: %4 lines/s, %5 MB/s\n")
                    .arg(o.value(QStringLiteral("name")).toString(), -26)
                    .arg(o.value(QStringLiteral("lines")).toInteger())
                    .arg(o.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 3)
                    .arg(o.value(QStringLiteral("lines_per_s")).toDouble(), 0, 'f', 0)
                    .arg(o.value(QStringLiteral("mb_per_s")).toDouble(), 0, 'f', 1);
    }
    const QJsonObject memory = r.value(QStringLiteral("memory")).toObject();
    if (!memory.isEmpty())
        text += QStringLiteral(
                    "\nMemory: %1-line flood, peak RSS %2 MB (log kept %3 lines, dropped %4)\n")
                    .arg(memory.value(QStringLiteral("lines")).toInteger())
                    .arg(memory.value(QStringLiteral("peak_rss_mb")).toDouble(), 0, 'f', 1)
                    .arg(memory.value(QStringLiteral("log_lines_kept")).toInteger())
                    .arg(memory.value(QStringLiteral("log_lines_dropped")).toInteger());
    const QJsonObject resp = r.value(QStringLiteral("responsiveness")).toObject();
    if (!resp.isEmpty())
        text += QStringLiteral(
                    "Responsiveness: %1 workers flooding, event-loop stall max %2 ms, p99 %3 ms\n")
                    .arg(resp.value(QStringLiteral("workers")).toInt())
                    .arg(resp.value(QStringLiteral("max_stall_ms")).toDouble(), 0, 'f', 1)
                    .arg(resp.value(QStringLiteral("p99_stall_ms")).toDouble(), 0, 'f', 1);
    std::fputs(text.toUtf8().constData(), stdout);
}

bool parsePositive(const QCommandLineParser& parser, const QCommandLineOption& option, qint64* out)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 v = parser.value(option).toLongLong(&ok);
    if (!ok || v <= 0) {
        std::fprintf(stderr, "twinrun bench: --%s '%s': expected a whole number greater than 0\n",
                     option.names().constFirst().toUtf8().constData(),
                     parser.value(option).toUtf8().constData());
        return false;
    }
    *out = v;
    return true;
}

} // namespace

int benchCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures launch cost and output throughput of thread and process workers through the\n"
        "Worker API, next to floors measured in the same run. bench/compare.py runs this and\n"
        "Python's threading/multiprocessing side by side."));
    parser.addHelpOption();
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Thread launches (default 200)."),
                                  QStringLiteral("N"));
    const QCommandLineOption processRuns(QStringLiteral("process-runs"),
                                         QStringLiteral("Process launches (default 50)."),
                                         QStringLiteral("N"));
    const QCommandLineOption lines(QStringLiteral("lines"),
                                   QStringLiteral("Lines in the flood (default 1000000)."),
                                   QStringLiteral("N"));
    const QCommandLineOption memoryLines(
        QStringLiteral("memory-lines"),
        QStringLiteral("Lines in the memory flood (default 10000000)."), QStringLiteral("N"));
    const QCommandLineOption skipMemory(QStringLiteral("skip-memory"),
                                        QStringLiteral("Skip the memory flood."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({runs, processRuns, lines, memoryLines, skipMemory, json});
    if (!parser.parse(QStringList{QStringLiteral("twinrun bench")} + arguments)) {
        std::fprintf(stderr, "twinrun bench: %s\n", parser.errorText().toUtf8().constData());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toUtf8().constData(), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "twinrun bench: unexpected argument '%s'\n",
                     parser.positionalArguments().constFirst().toUtf8().constData());
        return 2;
    }
    Options o;
    qint64 threadRuns = o.threadRuns;
    qint64 procRuns = o.processRuns;
    if (!parsePositive(parser, runs, &threadRuns) ||
        !parsePositive(parser, processRuns, &procRuns) || !parsePositive(parser, lines, &o.lines) ||
        !parsePositive(parser, memoryLines, &o.memoryLines))
        return 2;
    o.threadRuns = static_cast<int>(std::min<qint64>(threadRuns, 1000000));
    o.processRuns = static_cast<int>(std::min<qint64>(procRuns, 100000));
    o.json = parser.isSet(json);
    o.progress = ::isatty(STDERR_FILENO);

    QJsonArray launch;
    launch.append(benchLaunch(o, QStringLiteral("thread"), Backend::Thread, o.threadRuns));
    launch.append(
        benchLaunch(o, QStringLiteral("process (spawn)"), Backend::Process, o.processRuns));
    launch.append(benchLaunch(o, QStringLiteral("process (forkserver)"), Backend::Process,
                              o.processRuns, StartMethod::ForkServer));
    launch.append(benchFloor(o, QStringLiteral("std::thread (floor)"), o.threadRuns, [] {
        std::thread t([] {});
        t.join();
    }));
    launch.append(benchFloor(o, QStringLiteral("QThread::create (floor)"), o.threadRuns, [] {
        std::unique_ptr<QThread> t(QThread::create([] {}));
        t->start();
        t->wait();
    }));
    launch.append(
        benchFloor(o, QStringLiteral("posix_spawn /bin/true (floor)"), o.processRuns, spawnTrue));
    launch.append(benchFloor(o, QStringLiteral("fork + _exit (floor)"), o.processRuns, forkExit));

    QJsonArray flood;
    flood.append(benchFlood(o, QStringLiteral("thread"), Backend::Thread, o.lines));
    flood.append(benchFlood(o, QStringLiteral("process (spawn)"), Backend::Process, o.lines));
    flood.append(benchFlood(o, QStringLiteral("process (forkserver)"), Backend::Process, o.lines,
                            StartMethod::ForkServer));
    flood.append(benchPipeFloor(o, o.lines));

    QJsonObject result{{QStringLiteral("twinrun"), QStringLiteral(TWINRUN_VERSION_STRING)},
                       {QStringLiteral("runs"), o.threadRuns},
                       {QStringLiteral("process_runs"), o.processRuns},
                       {QStringLiteral("launch"), launch},
                       {QStringLiteral("flood"), flood},
                       {QStringLiteral("responsiveness"), benchResponsiveness(o)}};
    if (!parser.isSet(skipMemory))
        result.insert(QStringLiteral("memory"), benchMemory(o)); // last: peak RSS is per process
    progress(o, QString());
    if (o.progress)
        std::fputs("\r\033[K", stderr);
    if (o.json)
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Indented).constData(), stdout);
    else
        printHuman(result);
    return 0;
}

} // namespace twinrun
