#include "benchparts.h"

#include <twinrun/session.h>
#include <twinrun/usagesampler.h>
#include <twinrun/workertablemodel.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <sys/resource.h>

namespace twinrun::bench {

namespace {

qint64 processCpuNs()
{
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    return (qint64(ru.ru_utime.tv_sec) + ru.ru_stime.tv_sec) * 1000000000 +
           (qint64(ru.ru_utime.tv_usec) + ru.ru_stime.tv_usec) * 1000;
}

// Runs the event loop until done() or timeoutMs.
template <typename Done> bool spin(Done done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start(10);
    if (!done())
        loop.exec();
    return done();
}

} // namespace

// What the usage sampler costs the manager: 200 sleeping process workers sampled at a short
// interval for a number of passes; the cost of one pass, as a share of one CPU at the default
// interval (one pass a second). The goal is on UsageSampler::cpuNs(): the passes' CPU time on
// both threads, the session's and the table's handling of each sample included. For context,
// the whole process's CPU time over the passes less the same wall time without sampling (the
// table's live durations, the event loop): noisier on a busy machine.
QJsonObject sampling(const Options& o)
{
    constexpr int kWorkers = 200;
    constexpr int kIntervalMs = 100;
    constexpr int kPasses = 20;
    progress(o, QStringLiteral("sampling: starting %1 process workers").arg(kWorkers));
    Session session;
    WorkerTableModel table(&session); // the window's table takes every sample too
    LaunchSpec spec;
    spec.worker = specOf(QStringLiteral("sleep"), {Value::fromFloat(600.0)});
    spec.mode = LaunchSpec::Mode::Process;
    for (int i = 0; i < kWorkers; ++i)
        session.launch(spec);
    const auto allRunning = [&] { return session.runningProcesses() == kWorkers; };
    const bool started = spin(
        [&] {
            for (Worker* w : session.running())
                if (w->state() != Worker::State::Running)
                    return false;
            return allRunning();
        },
        60000);
    UsageSampler* sampler = session.sampler();
    sampler->setInterval(kIntervalMs);
    spin([&] { return sampler->passes() >= 2; }, 10000); // settled: the first passes are done
    progress(o, QStringLiteral("sampling: %1 passes over %2 workers").arg(kPasses).arg(kWorkers));
    const int passesBefore = sampler->passes();
    const qint64 samplerBefore = sampler->cpuNs();
    const qint64 processBefore = processCpuNs();
    spin([&] { return sampler->passes() >= passesBefore + kPasses; }, 60000);
    const int passes = sampler->passes() - passesBefore;
    const double samplerNs = double(sampler->cpuNs() - samplerBefore);
    const qint64 wallMs = qint64(passes) * kIntervalMs;
    double processNs = double(processCpuNs() - processBefore);
    // The same wall time without sampling: what the process spends anyway.
    sampler->setActive(false);
    const qint64 baselineBefore = processCpuNs();
    QElapsedTimer idle;
    idle.start();
    spin([&] { return idle.elapsed() >= wallMs; }, int(wallMs) + 1000);
    processNs -= double(processCpuNs() - baselineBefore);
    session.stopAll();
    spin([&] { return session.running().isEmpty(); }, 30000);
    const double passesPerSecond = 1000.0 / UsageSampler::kDefaultIntervalMs;
    const auto percentOfOneCpu = [&](double ns) {
        return passes > 0 ? ns / passes * passesPerSecond / 1e9 * 100.0 : -1.0;
    };
    return {{QStringLiteral("workers"), kWorkers},
            {QStringLiteral("goal"), QStringLiteral("sampler_cpu_percent")},
            {QStringLiteral("all_running"), started},
            {QStringLiteral("passes"), passes},
            {QStringLiteral("interval_ms"), UsageSampler::kDefaultIntervalMs},
            {QStringLiteral("sampler_cpu_ms_per_pass"), passes ? samplerNs / passes / 1e6 : -1.0},
            {QStringLiteral("process_cpu_ms_per_pass"), passes ? processNs / passes / 1e6 : -1.0},
            {QStringLiteral("sampler_cpu_percent"), percentOfOneCpu(samplerNs)},
            {QStringLiteral("process_cpu_percent"), percentOfOneCpu(processNs)}};
}

} // namespace twinrun::bench
