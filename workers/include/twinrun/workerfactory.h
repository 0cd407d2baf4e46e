#pragma once

#include <twinrun/twinrun_workers_export.h>
#include <twinrun/worker.h>

namespace twinrun {

// Makes a worker of the given backend, owned by parent: Python's Thread(...) or
// Process(...). The spec's target must exist only at start(), which checks the call.
TWINRUN_WORKERS_EXPORT Worker* createWorker(Backend backend, const WorkerSpec& spec,
                                            QObject* parent = nullptr);

} // namespace twinrun
