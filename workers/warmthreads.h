#pragma once

#include <functional>

namespace twinrun {

// A few threads kept warm for thread workers: starting a worker hands its run to an idle
// thread instead of creating one, which is most of a thread launch's cost. A thread is made
// when none is idle (so any number of workers can run at once); beyond kKeepWarm, threads
// that stay idle for kIdleMs end. Like Python's thread idents, a worker's ident and native
// id may therefore repeat those of an earlier, ended worker.
class WarmThreads {
public:
    static constexpr int kKeepWarm = 4;
    static constexpr int kIdleMs = 10000;

    static WarmThreads& instance();
    void run(std::function<void()> task);

private:
    WarmThreads() = default;
    void startThread();
    void loop();
    struct State;
    State* m_state = nullptr;
};

} // namespace twinrun
