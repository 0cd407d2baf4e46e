#include "warmthreads.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

#include <pthread.h>

namespace twinrun {

struct WarmThreads::State {
    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> queue;
    int idle = 0;
    int threads = 0;
};

WarmThreads& WarmThreads::instance()
{
    // Never destroyed: idle threads may still wait on it while the program exits.
    static WarmThreads* pool = [] {
        auto* p = new WarmThreads;
        p->m_state = new State;
        return p;
    }();
    return *pool;
}

Status WarmThreads::run(std::function<void()> task)
{
    std::unique_lock lock(m_state->mutex);
    if (m_state->idle > static_cast<int>(m_state->queue.size())) {
        m_state->queue.push_back(std::move(task));
        lock.unlock();
        m_state->wake.notify_one();
        return Status::ok();
    }
    // No idle thread is left for this task: a new thread gets it as its first task.
    ++m_state->threads;
    lock.unlock();
    const int error = startThread(std::move(task));
    if (error == 0)
        return Status::ok();
    lock.lock();
    --m_state->threads;
    return Status::error(qt_error_string(error));
}

int WarmThreads::threadCount() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->threads;
}

int WarmThreads::idleCount() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->idle;
}

int WarmThreads::startThread(std::function<void()>&& first)
{
    // Detached: a pool thread ends on its own, and one still running at exit ends with the
    // process.
    auto task = std::make_unique<std::function<void()>>(std::move(first));
    pthread_attr_t attr;
    if (const int error = ::pthread_attr_init(&attr); error != 0)
        return error;
    ::pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    const int error = ::pthread_create(&thread, &attr, &WarmThreads::threadMain, task.get());
    ::pthread_attr_destroy(&attr);
    if (error == 0)
        static_cast<void>(task.release()); // now owned by the thread
    return error;
}

void* WarmThreads::threadMain(void* first)
{
    std::unique_ptr<std::function<void()>> task(static_cast<std::function<void()>*>(first));
    instance().loop(std::move(*task));
    return nullptr;
}

void WarmThreads::loop(std::function<void()> first)
{
    first();
    first = nullptr;
    ::pthread_setname_np(::pthread_self(), "twinrun-warm");
    std::unique_lock lock(m_state->mutex);
    for (;;) {
        ++m_state->idle;
        const bool hasWork = m_state->wake.wait_for(lock, std::chrono::milliseconds(kIdleMs),
                                                    [this] { return !m_state->queue.empty(); });
        --m_state->idle;
        if (!hasWork) {
            if (m_state->threads > kKeepWarm) {
                --m_state->threads;
                return;
            }
            continue;
        }
        std::function<void()> task = std::move(m_state->queue.front());
        m_state->queue.pop_front();
        lock.unlock();
        task();
        task = nullptr;
        ::pthread_setname_np(::pthread_self(), "twinrun-warm");
        lock.lock();
    }
}

} // namespace twinrun
