#include "warmthreads.h"

#include <QThread>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

#include <pthread.h>

namespace twinrun {

struct WarmThreads::State {
    std::mutex mutex;
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

void WarmThreads::run(std::function<void()> task)
{
    std::unique_lock lock(m_state->mutex);
    m_state->queue.push_back(std::move(task));
    if (m_state->idle >= static_cast<int>(m_state->queue.size())) {
        lock.unlock();
        m_state->wake.notify_one();
        return;
    }
    ++m_state->threads;
    lock.unlock();
    startThread();
}

void WarmThreads::startThread()
{
    // Parentless and never deleted on purpose: it ends on its own, and a pool thread still
    // running at exit ends with the process.
    QThread* thread = QThread::create([this] { loop(); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void WarmThreads::loop()
{
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
        ::pthread_setname_np(::pthread_self(), "twinrun-warm");
        lock.lock();
    }
}

} // namespace twinrun
