#pragma once

// The measurements `bench::run` is made of (bench.h); private to the bench target.

#include "bench.h"

#include <twinrun/worker.h>
#include <twinrun/workerspec.h>

#include <QJsonObject>

#include <functional>
#include <vector>

namespace twinrun::bench {

struct Stats {
    double min = 0;
    double median = 0;
    double p90 = 0;
};
Stats statsOf(std::vector<double> samples);
QJsonObject toJson(const Stats& s);

// Reports progress within the current measurement (done: 0..1 of it) through o.onProgress.
void progress(const Options& o, const QString& text, double done = 0);
WorkerSpec specOf(const QString& target, Value::Items args = {});

// launchbench.cpp: create + start + join of noop, and the floors next to it.
QJsonObject launch(const Options& o, const QString& name, Backend backend, int runs,
                   StartMethod method = StartMethod::Spawn);
QJsonObject floor(const Options& o, const QString& name, int runs,
                  const std::function<void()>& once);
void spawnTrue();
void forkExit();

// floodbench.cpp: output through the worker's log, a pipe floor, memory, responsiveness.
QJsonObject flood(const Options& o, const QString& name, Backend backend, qint64 lines,
                  StartMethod method = StartMethod::Spawn);
QJsonObject pipeFloor(const Options& o, qint64 lines);
QJsonObject memory(const Options& o);
QJsonObject responsiveness(const Options& o);

// samplingbench.cpp: what sampling 200 running process workers' figures costs the manager.
QJsonObject sampling(const Options& o);

// clibench.cpp: the peak RSS of `program run flood N` in each output mode, each a child
// process measured on its own (childpeak.h). `runs`: name, peak_rss_mb, peak_rss_exact (false:
// only an upper bound, the child could not be traced) and exit_status (-1: not started).
QJsonObject cliMemory(const Options& o, const QString& program);

} // namespace twinrun::bench
