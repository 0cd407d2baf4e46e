#include "threadworker.h"

#include "usageread.h"
#include "warmthreads.h"
#include <twinrun/workercontext.h>

#include <QDeadlineTimer>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

namespace twinrun {

namespace {
std::atomic<int> threadCounter{0};
// A target that writes faster than the owner's thread takes its output waits once this much is
// pending: memory stays bounded however fast it floods (a process is held back by its pipe).
constexpr qsizetype kMaxPendingBytes = 4 * 1024 * 1024;
// The owner takes at most this much per queued call and then yields to its event loop, so a
// flood never holds the GUI thread for long: the next slice is a new queued call.
constexpr qsizetype kSliceBytes = 64 * 1024;
// Chunks stay this small while pending, so that a slice can be taken without copying.
constexpr qsizetype kChunkBytes = 64 * 1024;

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
    std::condition_variable drained;
    qsizetype pendingBytes = 0;
    bool running = false;
    std::uint64_t ident = 0;
    std::int64_t nativeId = 0;
    UsageProbe probe;    // the thread's figures as its run began (warm threads are reused)
    ResourceUsage usage; // this run's, once ended
    OutputChunks pending;
    bool ended = false;
    int exitCode = 0;
    bool heededStop = false; // the target returned because it saw the stop request
    qint64 endNs = -1;       // on the worker's start clock
    std::condition_variable done;

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
        drained.notify_all();
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

    bool isInterruptionRequested() const override
    {
        if (!m_link->interrupted)
            return false;
        m_heededStop = true;
        return true;
    }
    // Whether the target was told of a stop request: by isInterruptionRequested() or by an
    // interrupted sleep(). A target that never looked ended on its own.
    bool heededStop() const { return m_heededStop; }

protected:
    void deliver(OutputChunks chunks) override
    {
        std::unique_lock lock(m_link->mutex);
        m_link->drained.wait(lock, [this] {
            return !m_link->owner || m_link->interrupted || m_link->pendingBytes < kMaxPendingBytes;
        });
        if (!m_link->owner)
            return;
        for (OutputChunk& chunk : chunks) {
            m_link->pendingBytes += chunk.data.size();
            if (!m_link->pending.isEmpty() && m_link->pending.last().channel == chunk.channel &&
                m_link->pending.last().data.size() + chunk.data.size() <= kChunkBytes)
                m_link->pending.last().data.append(chunk.data);
            else
                m_link->pending.append(std::move(chunk));
        }
        m_link->postSync();
    }

    bool waitInterruptibly(std::int64_t msecs) override
    {
        std::unique_lock lock(m_link->mutex);
        const bool interrupted = m_link->wake.wait_for(
            lock, std::chrono::milliseconds(msecs), [this] { return m_link->interrupted.load(); });
        m_heededStop = m_heededStop || interrupted;
        return !interrupted;
    }

private:
    std::shared_ptr<ThreadLink> m_link;
    mutable bool m_heededStop = false;
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
    // The run keeps its own reference to the link: it finishes on its own, unheard.
    {
        std::lock_guard lock(m_link->mutex);
        m_link->owner = nullptr;
        m_link->drained.notify_all();
    }
    m_link->interrupt();
}

void ThreadWorker::doStart(const Target& target, const BoundArgs& args)
{
    m_link = std::make_shared<ThreadLink>();
    m_link->owner = this;
    WorkerContext::Identity identity{name(),     QStringLiteral("thread"), ::getpid(), 0, 0,
                                     ::getppid()};
    const Status launched = WarmThreads::instance().run(
        [link = m_link, run = target.run, args, identity, clock = startClock()]() mutable {
            identity.ident = static_cast<std::uint64_t>(::pthread_self());
            identity.nativeId = ::gettid();
            ::pthread_setname_np(::pthread_self(), identity.name.left(15).toUtf8().constData());
            // This run's cost is the thread's rusage now minus as it began.
            rusage before{};
            ::getrusage(RUSAGE_THREAD, &before);
            const ResourceUsage base = usageFromRusage(before, false);
            {
                std::lock_guard lock(link->mutex);
                link->running = true;
                link->ident = identity.ident;
                link->nativeId = identity.nativeId;
                link->probe = {UsageProbe::Kind::Thread, identity.nativeId, base.cpuUs(),
                               base.voluntarySwitches, base.involuntarySwitches};
                link->postSync();
            }
            int code = 0;
            bool heededStop = false;
            {
                ThreadContext context(identity, link);
                code = runTarget(run, context, args);
                heededStop = context.heededStop();
            }
            rusage after{};
            ::getrusage(RUSAGE_THREAD, &after);
            ResourceUsage usage = usageFromRusage(after, false);
            usage.cpuUserUs -= base.cpuUserUs;
            usage.cpuSystemUs -= base.cpuSystemUs;
            usage.voluntarySwitches -= base.voluntarySwitches;
            usage.involuntarySwitches -= base.involuntarySwitches;
            // The memory is the app's, read when asked (Worker::resourceUsage): reading
            // /proc/self/status here doubled the cost of a thread launch.
            usage.memorySharedWithApp = true;
            std::lock_guard lock(link->mutex);
            link->usage = usage;
            link->exitCode = code;
            link->heededStop = heededStop;
            link->endNs = clock.nsecsElapsed();
            link->ended = true;
            link->done.notify_all();
            if (link->owner)
                QMetaObject::invokeMethod(link->owner, &ThreadWorker::onThreadFinished,
                                          Qt::QueuedConnection);
        });
    if (!launched) {
        m_link.reset();
        finish(State::FailedToStart, std::nullopt,
               QStringLiteral("%1: the system refused a new thread (%2): too many threads, or "
                              "not enough memory for its stack")
                   .arg(name(), launched.message()));
    }
}

void ThreadWorker::syncFromThread()
{
    OutputChunks chunks;
    bool running = false;
    std::uint64_t ident = 0;
    std::int64_t nativeId = 0;
    UsageProbe probe;
    {
        std::lock_guard lock(m_link->mutex);
        m_link->syncPosted = false;
        qsizetype taken = 0;
        qsizetype count = 0;
        while (count < m_link->pending.size() && taken < kSliceBytes)
            taken += m_link->pending.at(count++).data.size();
        chunks = m_link->pending.mid(0, count);
        m_link->pending.remove(0, count);
        m_link->pendingBytes -= taken;
        if (!m_link->pending.isEmpty())
            m_link->postSync();
        m_link->drained.notify_all();
        running = m_link->running;
        ident = m_link->ident;
        nativeId = m_link->nativeId;
        probe = m_link->probe;
    }
    if (running && state() == State::Starting) {
        setUsageProbe(probe);
        setRunning(ident, nativeId, ::getpid());
    }
    emitOutput(chunks);
}

void ThreadWorker::drainAll()
{
    for (;;) {
        {
            std::lock_guard lock(m_link->mutex);
            if (m_link->pending.isEmpty())
                return;
        }
        syncFromThread();
    }
}

void ThreadWorker::onThreadFinished()
{
    if (isFinal(state()))
        return;
    int code = 0;
    bool heededStop = false;
    qint64 endNs = -1;
    {
        std::lock_guard lock(m_link->mutex);
        if (!m_link->ended)
            return;
        code = m_link->exitCode;
        heededStop = m_link->heededStop;
        endNs = m_link->endNs;
        setFinalUsage(m_link->usage);
    }
    syncFromThread();
    drainAll();
    // Terminated only when the stop request is what ended it, whenever terminate() came.
    if (heededStop)
        finish(State::Terminated, -SIGTERM, {}, endNs);
    else
        finish(code == 0 ? State::Finished : State::Failed, code, {}, endNs);
}

bool ThreadWorker::doJoin(int msecs)
{
    // Wait in slices and take the output in between: a target blocked on a full output buffer
    // waits for this thread, so a plain wait could never return.
    const QDeadlineTimer deadline =
        msecs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(msecs);
    constexpr qint64 kSliceMs = 10;
    for (;;) {
        {
            std::unique_lock lock(m_link->mutex);
            const qint64 left = deadline.remainingTime(); // -1: forever
            const auto slice =
                std::chrono::milliseconds(left < 0 ? kSliceMs : std::min(left, kSliceMs));
            if (m_link->done.wait_for(lock, slice, [this] { return m_link->ended; }))
                break;
        }
        syncFromThread();
        if (deadline.hasExpired())
            return false;
    }
    onThreadFinished();
    return true;
}

Status ThreadWorker::doTerminate()
{
    m_link->interrupt();
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
