#pragma once

#include <twinrun/twinrun_workers_export.h>
#include <twinrun/workerspec.h>

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace twinrun {

// The hidden flag that turns any TwinRun executable into a process worker's child, like
// Python's spawn re-running the interpreter: the worker spec arrives as JSON on stdin
// (never on the command line), the target is looked up by name in the same registry.
inline constexpr char kChildFlag[] = "--twinrun-child";

TWINRUN_WORKERS_EXPORT bool isChildInvocation(int argc, char** argv);

// Any hidden mode: the child flag, the fork server's (forkserverloop.h) or the plugin probe's
// (pluginloading.h). main() asks first.
TWINRUN_WORKERS_EXPORT bool isHiddenInvocation(int argc, char** argv);
TWINRUN_WORKERS_EXPORT int runHidden(int argc, char** argv);

// Runs the child: reads and checks the spec, runs the target with stdout/stderr as its
// channels, returns the exit code (the target's, 1 for an uncaught error, 2 for a bad spec).
// Needs no QCoreApplication.
TWINRUN_WORKERS_EXPORT int runChild();
// The same for spec bytes already read (the fork server's children).
TWINRUN_WORKERS_EXPORT int runChildSpec(QByteArrayView bytes);

// The child reads at most what checkWorkerSpecSize (workerspec.h) lets through.
inline constexpr qsizetype kMaxChildSpecBytes = kMaxWorkerSpecBytes;

// Reads the spec bytes a child gets on stdin: size-capped JSON object, then
// WorkerSpec::fromJson. On failure returns nothing and says why in *error.
TWINRUN_WORKERS_EXPORT std::optional<WorkerSpec> parseChildSpec(QByteArrayView bytes,
                                                                QString* error);

} // namespace twinrun
