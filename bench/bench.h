#pragma once

#include <QJsonObject>
#include <QString>

namespace twinrun::bench {

// What `twinrun bench` measures and how much of it.
struct Options {
    int threadRuns = 200;
    int processRuns = 50;
    qint64 lines = 1000000;
    qint64 memoryLines = 10000000;
    int width = 39;        // + '\n' = 40 bytes a line
    bool memory = true;    // the memory flood (peak RSS), last
    bool progress = false; // a progress line on stderr (a terminal)
};

// Launch latency and output throughput of both backends through the Worker API, with floors
// measured in the same run, the peak RSS of a long flood and the event loop's longest stall
// while workers flood a session. Needs a QCoreApplication; runs on the calling thread's
// event loop. The result is what `twinrun bench --json` prints (bench/compare.py reads it).
QJsonObject run(const Options& options);

// The result as a few human-readable tables.
QString report(const QJsonObject& result);

} // namespace twinrun::bench
