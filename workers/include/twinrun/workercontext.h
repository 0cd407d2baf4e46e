#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <twinrun/outputchunk.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <cstdint>

namespace twinrun {

// What a target sees of the worker running it: Python's current_thread()/current_process()
// plus the worker's own stdout and stderr. Used only from the thread that runs the target.
//
// Output is buffered and handed on in chunks (in the order written, stdout and stderr kept
// apart) when 64 KiB are pending, when 50 ms have passed since the last hand-over, before
// every sleep() and when the target returns: live enough to watch, cheap enough for floods.
class TWINRUN_WORKERS_EXPORT WorkerContext {
public:
    struct Identity {
        QString name;
        QString backend; // "thread" or "process"
        std::int64_t pid = 0;
        std::uint64_t ident = 0;   // pthread_self() for a thread, the pid for a process
        std::int64_t nativeId = 0; // kernel thread id for a thread, the pid for a process
        std::int64_t parentPid = 0;
    };

    explicit WorkerContext(Identity identity);
    virtual ~WorkerContext();
    WorkerContext(const WorkerContext&) = delete;
    WorkerContext& operator=(const WorkerContext&) = delete;

    const Identity& identity() const { return m_identity; }

    void out(QByteArrayView bytes) { write(Channel::Stdout, bytes); }
    void err(QByteArrayView bytes) { write(Channel::Stderr, bytes); }
    void print(const QString& line);      // UTF-8 line plus "\n" on stdout, like print()
    void printError(const QString& line); // the same on stderr
    void write(Channel channel, QByteArrayView bytes);
    void flush();

    // terminate() on a thread worker sets this; targets that loop should check it and return.
    // A thread worker ends Terminated only if its target saw the request, here or as an
    // interrupted sleep(); otherwise it reports the target's own exit code.
    virtual bool isInterruptionRequested() const = 0;
    // Waits, flushing output first; returns false early when interrupted.
    bool sleep(double seconds);
    // From now on stop requests are not heeded: a process ignores SIGTERM (so terminate()
    // escalates to SIGKILL), a thread simply does not look (and cannot be killed).
    virtual void ignoreStopRequests() {}

protected:
    // Receives the pending chunks, in write order.
    virtual void deliver(OutputChunks chunks) = 0;
    // Waits up to msecs, returning false if interrupted before.
    virtual bool waitInterruptibly(std::int64_t msecs) = 0;

private:
    Identity m_identity;
    OutputChunks m_pending;
    qsizetype m_pendingBytes = 0;
    QElapsedTimer m_sinceDelivery;
};

} // namespace twinrun
