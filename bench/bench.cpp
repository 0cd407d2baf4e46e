#include "benchparts.h"

#include <twinrun/version.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>

#include <algorithm>
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

void progress(const Options& o, const QString& text, double done)
{
    if (o.onProgress)
        o.onProgress(done, text);
}

WorkerSpec specOf(const QString& target, Value::Items args)
{
    WorkerSpec spec;
    spec.target = target;
    spec.args = std::move(args);
    return spec;
}

namespace {

// The measurements of one run in order, each reporting its own progress (0..1), scaled here
// into the whole run's: step i of n covers [i/n, (i+1)/n].
class Steps {
public:
    Steps(const Options& o, int count)
        : m_outer(o)
        , m_count(count)
    {
    }
    // The options for the next step, whose progress lands in its slice of the whole.
    Options next()
    {
        Options o = m_outer;
        if (m_outer.onProgress) {
            const int index = m_index;
            o.onProgress = [this, index](double done, const QString& text) {
                m_outer.onProgress((index + std::clamp(done, 0.0, 1.0)) / m_count, text);
            };
        }
        ++m_index;
        return o;
    }

private:
    const Options& m_outer;
    int m_count;
    int m_index = 0;
};

} // namespace

QJsonObject run(const Options& o)
{
    Steps steps(o, 13 + (o.memory ? 2 : 0));
    QJsonArray launches;
    launches.append(launch(steps.next(), QStringLiteral("thread"), Backend::Thread, o.threadRuns));
    launches.append(
        launch(steps.next(), QStringLiteral("process (spawn)"), Backend::Process, o.processRuns));
    launches.append(launch(steps.next(), QStringLiteral("process (forkserver)"), Backend::Process,
                           o.processRuns, StartMethod::ForkServer));
    launches.append(floor(steps.next(), QStringLiteral("std::thread (floor)"), o.threadRuns, [] {
        std::thread t([] {});
        t.join();
    }));
    launches.append(
        floor(steps.next(), QStringLiteral("QThread::create (floor)"), o.threadRuns, [] {
            std::unique_ptr<QThread> t(QThread::create([] {}));
            t->start();
            t->wait();
        }));
    launches.append(floor(steps.next(), QStringLiteral("posix_spawn /bin/true (floor)"),
                          o.processRuns, spawnTrue));
    launches.append(
        floor(steps.next(), QStringLiteral("fork + _exit (floor)"), o.processRuns, forkExit));

    QJsonArray floods;
    floods.append(flood(steps.next(), QStringLiteral("thread"), Backend::Thread, o.lines));
    floods.append(
        flood(steps.next(), QStringLiteral("process (spawn)"), Backend::Process, o.lines));
    floods.append(flood(steps.next(), QStringLiteral("process (forkserver)"), Backend::Process,
                        o.lines, StartMethod::ForkServer));
    floods.append(pipeFloor(steps.next(), o.lines));

    QJsonObject result{{QStringLiteral("twinrun"), QStringLiteral(TWINRUN_VERSION_STRING)},
                       {QStringLiteral("runs"), o.threadRuns},
                       {QStringLiteral("process_runs"), o.processRuns},
                       {QStringLiteral("launch"), launches},
                       {QStringLiteral("flood"), floods},
                       {QStringLiteral("responsiveness"), responsiveness(steps.next())},
                       {QStringLiteral("sampling"), sampling(steps.next())}};
    if (o.memory) {
        result.insert(QStringLiteral("cli_memory"), // child processes
                      cliMemory(steps.next(), QCoreApplication::applicationFilePath()));
        result.insert(QStringLiteral("memory"),
                      memory(steps.next())); // last: peak RSS is per process
    }
    progress(o, QString(), 1.0);
    return result;
}

} // namespace twinrun::bench
