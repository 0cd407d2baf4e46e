#pragma once

#include <twinrun/status.h>
#include <twinrun/twinrun_workers_export.h>

#include <functional>

namespace twinrun {

// A few threads kept warm for thread workers: starting a worker hands its run to an idle
// thread instead of creating one, which is most of a thread launch's cost. A thread is made
// when none is idle (so any number of workers can run at once); beyond kKeepWarm, threads
// that stay idle for kIdleMs end. Like Python's thread idents, a worker's ident and native
// id may therefore repeat those of an earlier, ended worker.
//
// The threads are plain POSIX threads, not QThreads: a QThread makes an event dispatcher
// (an eventfd or pipe) for every new thread and aborts the whole program when it cannot, and
// it cannot report a thread that could not be created. A pool thread needs no file descriptor,
// and a thread the system refuses (too many threads, no memory for its stack) is an error.
class WarmThreads {
public:
    static constexpr int kKeepWarm = 4;
    static constexpr int kIdleMs = 10000;

    TWINRUN_WORKERS_EXPORT static WarmThreads& instance();
    // Runs task on an idle thread, or on a new one. When no thread is idle and none can be
    // created, task is dropped and the error says why.
    Status run(std::function<void()> task);

    TWINRUN_WORKERS_EXPORT int threadCount() const; // alive pool threads, idle or busy (tests)
    TWINRUN_WORKERS_EXPORT int idleCount() const;   // of which idle (for tests)

private:
    WarmThreads() = default;
    int startThread(std::function<void()>&& first); // 0 or an errno value
    static void* threadMain(void* first);
    void loop(std::function<void()> first);
    struct State;
    State* m_state = nullptr;
};

} // namespace twinrun
