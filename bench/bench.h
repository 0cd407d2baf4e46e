#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace twinrun::bench {

// What `twinrun bench` measures and how much of it.
struct Options {
    int threadRuns = 200;
    int processRuns = 50;
    qint64 lines = 1000000;
    qint64 memoryLines = 10000000;
    int width = 39;     // + '\n' = 40 bytes a line
    bool memory = true; // the memory floods (peak RSS), last
    // Called on the calling thread as the run goes: how much is done (0..1) and what runs now
    // ("launch thread: 12/200"). `twinrun bench` draws it on a terminal or, with
    // --progress-lines, prints it for the window's Benchmark dialog.
    std::function<void(double done, const QString& step)> onProgress;
};

// Launch latency and output throughput of both backends through the Worker API, with floors
// measured in the same run, the peak RSS of a long flood and the event loop's longest stall
// while workers flood a session. Needs a QCoreApplication; runs on the calling thread's
// event loop. The result is what `twinrun bench --json` prints (bench/compare.py reads it).
QJsonObject run(const Options& options);

// The result as a few human-readable tables.
QString report(const QJsonObject& result);

} // namespace twinrun::bench
