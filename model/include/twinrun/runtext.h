#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/parityrules.h>
#include <twinrun/worker.h>

#include <QString>

#include <optional>

namespace twinrun {

struct Target;

// How long a run took, for people, in one style everywhere (the workers table, the compare
// view, the command line): "0.44 ms", "4.12 ms", "12.4 ms", "1.25 s", "2 min 05 s". Below a
// second it is always milliseconds, so a thread's and a process's times read side by side.
// Empty for a negative duration.
TWINRUN_MODEL_EXPORT QString formatDuration(qint64 nanoseconds);

// A worker state for people, in the interface's language ("finished", "terminado"): the one
// place where Worker::stateName's table (marked for translation in workers/worker.cpp) is
// translated. Machine-readable output (--json) keeps Worker::stateName.
TWINRUN_MODEL_EXPORT QString stateText(Worker::State state);
// The same from a state's name (Worker::stateName's, or a Python run's report's); any other
// name as it is.
TWINRUN_MODEL_EXPORT QString stateText(const QString& stateName);

// A target's one-line description for people, translated when it is a built-in's (marked in
// workers/builtintargets.cpp); any other target's description as it is. What a target prints is
// never translated.
TWINRUN_MODEL_EXPORT QString targetDescriptionText(const Target& target);

// Wall time and CPU time of a run, side by side: "1.25 s, CPU 1.21 s"; the wall time alone
// when its CPU time is not known (cpuNanoseconds < 0). The one style for every run, TwinRun's
// and Python's, in the command line's verdicts and the compare view (translated).
TWINRUN_MODEL_EXPORT QString runTimeText(qint64 wallNanoseconds, qint64 cpuNanoseconds);
// A worker's: its wall time and its CPU time from Worker::resourceUsage().
TWINRUN_MODEL_EXPORT QString runTimeText(const Worker& worker);

// How a run ended, in one line: "finished, exit code 0, 4.12 ms", "killed, exit code -9, 3.00 s"
// (translated like stateText).
TWINRUN_MODEL_EXPORT QString runEndText(const Worker& worker);
// The same from a state's name (Worker::stateName's, or a Python run's report's: translated
// as stateText() translates it; any other name as it is), exit code and duration.
TWINRUN_MODEL_EXPORT QString runEndText(const QString& stateName, std::optional<int> exitCode,
                                        qint64 durationNs);

} // namespace twinrun
