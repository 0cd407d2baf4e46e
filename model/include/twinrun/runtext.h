#pragma once

#include <twinrun/twinrun_model_export.h>

#include <QString>

namespace twinrun {

class Worker;

// How long a run took, for people, in one style everywhere (the workers table, the compare
// view, the command line): "0.44 ms", "4.12 ms", "12.4 ms", "1.25 s", "2 min 05 s". Below a
// second it is always milliseconds, so a thread's and a process's times read side by side.
// Empty for a negative duration.
TWINRUN_MODEL_EXPORT QString formatDuration(qint64 nanoseconds);

// Wall time and CPU time of a run, side by side: "1.25 s, CPU 1.21 s"; the wall time alone
// when its CPU time is not known (see Worker::resourceUsage()).
TWINRUN_MODEL_EXPORT QString runTimeText(const Worker& worker);

// How a run ended, in one line: "finished, exit code 0, 4.12 ms", "killed, exit code -9, 3.00 s".
TWINRUN_MODEL_EXPORT QString runEndText(const Worker& worker);

} // namespace twinrun
