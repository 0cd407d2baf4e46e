#include <twinrun/workerfactory.h>

#include "processworker.h"
#include "threadworker.h"

namespace twinrun {

Worker* createWorker(Backend backend, const WorkerSpec& spec, QObject* parent)
{
    if (backend == Backend::Thread)
        return new ThreadWorker(spec, parent);
    return new ProcessWorker(spec, parent);
}

} // namespace twinrun
