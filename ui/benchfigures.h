#pragma once

#include "barchart.h"

#include <QJsonObject>

namespace twinrun::benchfigures {

// What the Benchmark dialog charts, from `twinrun bench --json` and `python_bench.py --json`
// (the same JSON bench/compare.py reads). Bars are grouped: 0 TwinRun, 1 the floors, 2 Python.
QStringList groups();
// Launch cost: the median of launch-to-joined per kind (microseconds): TwinRun's thread,
// process (spawn) and process (forkserver), the floors, Python's Thread and Process.
QList<BarChart::Bar> launchBars(const QJsonObject& twinrun, const QJsonObject& python);
// Flood throughput (MB/s) through each kind, and the pipe floor.
QList<BarChart::Bar> floodBars(const QJsonObject& twinrun, const QJsonObject& python);

} // namespace twinrun::benchfigures
