#pragma once

#include <twinrun/worker.h>
#include <twinrun/workerspec.h>

#include <QList>

#include <optional>

namespace twinrun {

// What `twinrun run` was asked to do, checked and ready to run.
struct RunRequest {
    WorkerSpec spec;
    QList<Backend> backends; // one, or thread and process for --as both
    std::optional<double> timeoutSeconds;
    bool json = false;
};

} // namespace twinrun
