#include "benchparts.h"

#include <twinrun/version.h>

#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <thread>

namespace twinrun::bench {

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

WorkerSpec specOf(const QString& target, Value::Items args)
{
    WorkerSpec spec;
    spec.target = target;
    spec.args = std::move(args);
    return spec;
}

QJsonObject run(const Options& o)
{
    QJsonArray launches;
    launches.append(launch(o, QStringLiteral("thread"), Backend::Thread, o.threadRuns));
    launches.append(launch(o, QStringLiteral("process (spawn)"), Backend::Process, o.processRuns));
    launches.append(launch(o, QStringLiteral("process (forkserver)"), Backend::Process,
                           o.processRuns, StartMethod::ForkServer));
    launches.append(floor(o, QStringLiteral("std::thread (floor)"), o.threadRuns, [] {
        std::thread t([] {});
        t.join();
    }));
    launches.append(floor(o, QStringLiteral("QThread::create (floor)"), o.threadRuns, [] {
        std::unique_ptr<QThread> t(QThread::create([] {}));
        t->start();
        t->wait();
    }));
    launches.append(
        floor(o, QStringLiteral("posix_spawn /bin/true (floor)"), o.processRuns, spawnTrue));
    launches.append(floor(o, QStringLiteral("fork + _exit (floor)"), o.processRuns, forkExit));

    QJsonArray floods;
    floods.append(flood(o, QStringLiteral("thread"), Backend::Thread, o.lines));
    floods.append(flood(o, QStringLiteral("process (spawn)"), Backend::Process, o.lines));
    floods.append(flood(o, QStringLiteral("process (forkserver)"), Backend::Process, o.lines,
                        StartMethod::ForkServer));
    floods.append(pipeFloor(o, o.lines));

    QJsonObject result{{QStringLiteral("twinrun"), QStringLiteral(TWINRUN_VERSION_STRING)},
                       {QStringLiteral("runs"), o.threadRuns},
                       {QStringLiteral("process_runs"), o.processRuns},
                       {QStringLiteral("launch"), launches},
                       {QStringLiteral("flood"), floods},
                       {QStringLiteral("responsiveness"), responsiveness(o)},
                       {QStringLiteral("sampling"), sampling(o)}};
    if (o.memory) {
        result.insert(QStringLiteral("cli_memory"), cliMemory(o)); // child processes
        result.insert(QStringLiteral("memory"), memory(o));        // last: peak RSS is per process
    }
    progress(o, QString());
    if (o.progress)
        std::fputs("\r\033[K", stderr);
    return result;
}

} // namespace twinrun::bench
