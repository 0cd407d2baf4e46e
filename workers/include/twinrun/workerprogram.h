#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <QString>

namespace twinrun {

// The program a process worker runs, as Python's spawn runs sys.executable: it reads the
// worker spec as JSON on stdin and looks the target up by name in its own registry. The fork
// server (start method forkserver) is the same program with another hidden flag.
//
// By default it is twinrun-worker, the lean child program installed in libexec/ beside this
// library's lib/ (in a build tree: build/libexec/), which knows the built-in targets. The
// environment variable TWINRUN_WORKER_PROGRAM overrides the default. A program with targets of
// its own becomes its own worker program through runWorkerIfChild().
TWINRUN_WORKERS_EXPORT QString workerProgram();
// Sets the program process workers run from now on; an empty path restores the default.
TWINRUN_WORKERS_EXPORT void setWorkerProgram(const QString& path);

// Python's multiprocessing.freeze_support() for a program that registers targets of its own:
// call it first thing in main(), once its targets are registered and before any other work:
//
//     int main(int argc, char** argv)
//     {
//         registerMyTargets(); // TargetRegistry::instance().add(...): the child looks them up
//         twinrun::runWorkerIfChild(argc, argv);
//         QCoreApplication app(argc, argv);
//         ...
//
// When this process was started as a process worker's child or as the fork server, it runs
// that and exits: it never returns into main(). Otherwise it makes the running executable the
// worker program (setWorkerProgram), so process workers find the targets this program
// registers, and returns.
//
// The guard against endless forks: a worker's child is started with a marker in its
// environment that the hidden modes clear. A program that was started as a child but did not
// take this path (its main() ran again) still has the marker, and its process workers are
// refused with an error that says so, instead of starting children of their own.
TWINRUN_WORKERS_EXPORT void runWorkerIfChild(int argc, char** argv);

// main() of twinrun-worker: runs the child or the fork server, refuses any other invocation
// with exit code 2. Returns the exit code.
TWINRUN_WORKERS_EXPORT int runWorkerProgram(int argc, char** argv);

// The name of the environment marker described above (its value: the parent's pid).
inline constexpr char kWorkerChildMarker[] = "TWINRUN_WORKER_OF";

} // namespace twinrun
