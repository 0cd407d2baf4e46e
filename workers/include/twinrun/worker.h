#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <twinrun/outputchunk.h>
#include <twinrun/resourceusage.h>
#include <twinrun/status.h>
#include <twinrun/target.h>
#include <twinrun/workerspec.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

#include <optional>

namespace twinrun {

enum class Backend { Thread, Process };
TWINRUN_WORKERS_EXPORT QString backendName(Backend backend); // "thread", "process"

// One run of a target, as a thread or as a process: Python's Thread / Process.
//
// States and signals (every transition emits stateChanged(newState)):
//   Created --start()--> Starting --> Running --> one final state
//   Created --start() refused (bad args, crash as a thread)--> FailedToStart
//   Starting --the thread or process could not be launched--> FailedToStart
// So a refused start emits stateChanged(FailedToStart) only, never Starting.
// Final states: Finished (exit code 0), Failed (non-zero exit code or uncaught error),
// Crashed (a process died by a signal nobody sent it), Terminated / Killed (stopped by
// terminate() / kill(), including the SIGKILL that follows an unheeded terminate()),
// FailedToStart. A thread is Terminated only when its target returned because it saw the
// stop request (isInterruptionRequested() true, or an interrupted sleep()); one that ended on
// its own, before or despite terminate(), reports its own exit code, as a process does.
// started() fires on entering Running, finished() on entering a final state: each at most
// once, finished() last and exactly once after start(). Output arrives through output() in
// chunks, in the order written, never after finished(). Only Worker emits these signals
// (QPrivateSignal), always on the worker's thread; debug builds assert both.
//
// A worker lives in the thread that created it (normally the GUI or main thread); call it
// from there only. join() blocks that thread: event-driven code listens to finished().
class TWINRUN_WORKERS_EXPORT Worker : public QObject {
    Q_OBJECT
public:
    enum class State {
        Created,
        Starting,
        Running,
        Finished,
        Failed,
        Crashed,
        Terminated,
        Killed,
        FailedToStart
    };
    Q_ENUM(State)

    ~Worker() override;

    Backend backend() const { return m_backend; }
    const WorkerSpec& spec() const { return m_spec; }
    QString name() const { return m_name; }
    bool isDaemon() const { return m_daemon; }
    Status setDaemon(bool daemon); // refused once started, as in Python

    State state() const { return m_state; }
    static bool isFinal(State s) { return s >= State::Finished; }
    static QString stateName(State s); // "created", "running", "failed to start", ...
    bool isAlive() const { return m_state == State::Starting || m_state == State::Running; }

    // Validates the spec against the target's signature and starts. A second call is
    // refused and changes nothing. A refused spec ends the worker as FailedToStart and returns
    // its errorString(). A launch that fails (the system refuses a thread, a process cannot be
    // executed) is not a refusal but an outcome: start() is ok and the worker ends as
    // FailedToStart through finished(), as any run ends; for a thread, before start() returns.
    Status start();
    // Waits up to msecs (-1: forever) for the worker to end; ok when it has ended.
    // Refused before start(). Blocks the calling thread: not for the GUI thread.
    Status join(int msecs = -1);
    // Process: SIGTERM, then SIGKILL after terminateGraceMs(). Thread: asks the target to
    // stop (cooperative); a target that ignores it keeps running, see stillRunningAfterStop().
    Status terminate();
    // Process: SIGKILL. Thread: refused, with the reason.
    Status kill();

    // Python's exitcode: none until ended; 0 ok; N for exit(N); 1 for an uncaught error;
    // -N when ended by signal N (a thread stopped by terminate() gets -15 too, see above).
    // None for FailedToStart.
    std::optional<int> exitCode() const { return m_exitCode; }
    // Why it failed to start, or the uncaught error: empty otherwise.
    QString errorString() const { return m_errorString; }
    // True once terminate() was asked of a thread whose target has not returned yet.
    bool stillRunningAfterStop() const { return m_stopRequested && isAlive(); }

    std::uint64_t ident() const { return m_ident; }      // thread id / pid; 0 before running
    std::int64_t nativeId() const { return m_nativeId; } // kernel tid / pid
    std::int64_t pid() const { return m_pid; }           // the app's own pid for a thread
    QDateTime startTime() const { return m_startTime; }
    qint64 durationMs() const; // from start() to the end, or until now while alive
    qint64 durationNs() const;

    // What it costs (see resourceusage.h): nothing valid before it runs; while it runs, read
    // from /proc now (cpuPercent -1: a rate needs the sampler's two reads); once ended, the
    // final figures, exact where the kernel gave them, with cpuPercent over the whole run.
    ResourceUsage resourceUsage() const;
    // Where the live figures are read, for a sampler on another thread; Kind::None unless
    // running.
    UsageProbe usageProbe() const { return isAlive() ? m_probe : UsageProbe{}; }

    int terminateGraceMs() const { return m_terminateGraceMs; }
    void setTerminateGraceMs(int msecs) { m_terminateGraceMs = msecs; }

Q_SIGNALS:
    void stateChanged(twinrun::Worker::State state, QPrivateSignal);
    void started(QPrivateSignal);
    void output(twinrun::Channel channel, const QByteArray& data, QPrivateSignal);
    void finished(QPrivateSignal);

protected:
    Worker(Backend backend, const WorkerSpec& spec, QString defaultName, QObject* parent);

    // Backends: launch with the bound, checked arguments; report through the helpers below.
    virtual void doStart(const Target& target, const BoundArgs& args) = 0;
    virtual bool doJoin(int msecs) = 0;
    virtual Status doTerminate() = 0;
    virtual Status doKill() = 0;

    void setRunning(std::uint64_t ident, std::int64_t nativeId, std::int64_t pid);
    void setUsageProbe(const UsageProbe& probe) { m_probe = probe; }
    // The ended run's figures, given before finish(); finish() adds cpuPercent.
    void setFinalUsage(const ResourceUsage& usage) { m_finalUsage = usage; }
    void emitOutput(const OutputChunks& chunks);
    // Enters a final state; ignored if already final, so backends may report twice safely.
    // endNs: when the run really ended, on startClock(), if the backend knows it better than
    // "now" (a thread's end is noticed only when this thread's event loop gets to it).
    void finish(State state, std::optional<int> exitCode, const QString& error = {},
                qint64 endNs = -1);
    // The clock durations are measured on, started by start(); copies may be read anywhere.
    QElapsedTimer startClock() const { return m_clock; }
    bool stopRequested() const { return m_stopRequested; }

private:
    void setState(State state);

    const Backend m_backend;
    WorkerSpec m_spec; // start() fills in the plugin of a plugin target
    const QString m_name;
    bool m_daemon;
    State m_state = State::Created;
    std::optional<int> m_exitCode;
    QString m_errorString;
    bool m_stopRequested = false;
    std::uint64_t m_ident = 0;
    std::int64_t m_nativeId = 0;
    std::int64_t m_pid = 0;
    QDateTime m_startTime;
    QElapsedTimer m_clock;
    qint64 m_endNs = -1;
    int m_terminateGraceMs = 3000;
    UsageProbe m_probe;
    ResourceUsage m_finalUsage;
};

} // namespace twinrun
