#include "threadworker.h"

#include "workercontext.h"

#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

namespace twinrun {

namespace {
std::atomic<int> threadCounter{0};

QString defaultThreadName(const WorkerSpec& spec)
{
    if (!spec.name.isEmpty())
        return {};
    return QStringLiteral("Thread-%1 (%2)").arg(++threadCounter).arg(spec.target);
}
} // namespace

// What the running thread and the worker object share. The worker may be destroyed first:
// it then clears `owner` under the mutex, so the thread never posts to a dead object.
struct ThreadLink {
    std::mutex mutex;
    std::condition_variable wake;
    std::atomic<bool> interrupted{false};
    ThreadWorker* owner = nullptr;
    bool syncPosted = false;
    bool running = false;
    std::uint64_t ident = 0;
    std::int64_t nativeId = 0;
    OutputChunks pending;
    int exitCode = 0;

    // Called with the mutex held: at most one queued sync is in flight at a time.
    void postSync()
    {
        if (owner && !syncPosted) {
            syncPosted = true;
            QMetaObject::invokeMethod(owner, &ThreadWorker::syncFromThread, Qt::QueuedConnection);
        }
    }

    void interrupt()
    {
        std::lock_guard lock(mutex);
        interrupted = true;
        wake.notify_all();
    }
};

namespace {

class ThreadContext final : public WorkerContext {
public:
    ThreadContext(Identity identity, std::shared_ptr<ThreadLink> link)
        : WorkerContext(std::move(identity))
        , m_link(std::move(link))
    {
    }
    ~ThreadContext() override { flush(); }

    bool isInterruptionRequested() const override { return m_link->interrupted; }

protected:
    void deliver(OutputChunks chunks) override
    {
        std::lock_guard lock(m_link->mutex);
        if (!m_link->owner)
            return;
        for (OutputChunk& chunk : chunks) {
            if (!m_link->pending.isEmpty() && m_link->pending.last().channel == chunk.channel)
                m_link->pending.last().data.append(chunk.data);
            else
                m_link->pending.append(std::move(chunk));
        }
        m_link->postSync();
    }

    bool waitInterruptibly(std::int64_t msecs) override
    {
        std::unique_lock lock(m_link->mutex);
        return !m_link->wake.wait_for(lock, std::chrono::milliseconds(msecs),
                                      [this] { return m_link->interrupted.load(); });
    }

private:
    std::shared_ptr<ThreadLink> m_link;
};

} // namespace

ThreadWorker::ThreadWorker(const WorkerSpec& spec, QObject* parent)
    : Worker(Backend::Thread, spec, defaultThreadName(spec), parent)
{
}

ThreadWorker::~ThreadWorker()
{
    if (!m_link)
        return;
    {
        std::lock_guard lock(m_link->mutex);
        m_link->owner = nullptr;
    }
    m_link->interrupt();
    m_thread->requestInterruption();
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    if (m_thread->wait(0))
        delete m_thread;
}

void ThreadWorker::doStart(const Target& target, const BoundArgs& args)
{
    m_link = std::make_shared<ThreadLink>();
    m_link->owner = this;
    WorkerContext::Identity identity{name(), QStringLiteral("thread"), ::getpid(), 0, 0,
                                     ::getppid()};
    m_thread = QThread::create([link = m_link, run = target.run, args, identity]() mutable {
        identity.ident = static_cast<std::uint64_t>(::pthread_self());
        identity.nativeId = ::gettid();
        {
            std::lock_guard lock(link->mutex);
            link->running = true;
            link->ident = identity.ident;
            link->nativeId = identity.nativeId;
            link->postSync();
        }
        int code = 0;
        {
            ThreadContext context(identity, link);
            code = runTarget(run, context, args);
        }
        std::lock_guard lock(link->mutex);
        link->exitCode = code;
    });
    m_thread->setObjectName(name());
    connect(m_thread, &QThread::finished, this, &ThreadWorker::onThreadFinished);
    m_thread->start();
}

void ThreadWorker::syncFromThread()
{
    OutputChunks chunks;
    bool running = false;
    std::uint64_t ident = 0;
    std::int64_t nativeId = 0;
    {
        std::lock_guard lock(m_link->mutex);
        m_link->syncPosted = false;
        chunks.swap(m_link->pending);
        running = m_link->running;
        ident = m_link->ident;
        nativeId = m_link->nativeId;
    }
    if (running)
        setRunning(ident, nativeId, ::getpid());
    emitOutput(chunks);
}

void ThreadWorker::onThreadFinished()
{
    if (isFinal(state()))
        return;
    m_thread->wait();
    syncFromThread();
    int code = 0;
    {
        std::lock_guard lock(m_link->mutex);
        code = m_link->exitCode;
    }
    if (stopRequested())
        finish(State::Terminated, -SIGTERM);
    else
        finish(code == 0 ? State::Finished : State::Failed, code);
}

bool ThreadWorker::doJoin(int msecs)
{
    const QDeadlineTimer deadline =
        msecs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(msecs);
    if (!m_thread->wait(deadline))
        return false;
    onThreadFinished();
    return true;
}

Status ThreadWorker::doTerminate()
{
    m_link->interrupt();
    m_thread->requestInterruption();
    return Status::ok();
}

Status ThreadWorker::doKill()
{
    return Status::error(
        QStringLiteral("%1: a thread cannot be killed: it shares the process's memory and locks, "
                       "and stopping it mid-way would leave them broken. Use terminate() to ask "
                       "it to stop, or run the target as a process.")
            .arg(name()));
}

} // namespace twinrun
