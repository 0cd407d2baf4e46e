#include "benchparts.h"

#include <twinrun/workerfactory.h>

#include <QElapsedTimer>
#include <QEventLoop>

#include <memory>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace twinrun::bench {

namespace {

pid_t spawn(const char* const argv[])
{
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
        return -1;
    return pid;
}

} // namespace

// Launch-to-running and launch-to-joined through the same Worker API the window uses:
// create, start, and wait for the signals on this thread's event loop.
QJsonObject launch(const Options& o, const QString& name, Backend backend, int runs,
                   StartMethod method)
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
        progress(o, QStringLiteral("launch %1: %2/%3").arg(name).arg(i + 1).arg(runs),
                 double(i + 4) / (runs + 3));
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("running_us"), toJson(statsOf(running))},
            {QStringLiteral("joined_us"), toJson(statsOf(joined))}};
}

QJsonObject floor(const Options& o, const QString& name, int runs,
                  const std::function<void()>& once)
{
    std::vector<double> joined;
    for (int i = -3; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        once();
        if (i >= 0)
            joined.push_back(clock.nsecsElapsed() / 1e3);
        progress(o, QStringLiteral("floor %1: %2/%3").arg(name).arg(i + 1).arg(runs),
                 double(i + 4) / (runs + 3));
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("joined_us"), toJson(statsOf(joined))}};
}

void spawnTrue()
{
    const char* const argv[] = {"/bin/true", nullptr};
    const pid_t pid = spawn(argv);
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

} // namespace twinrun::bench
