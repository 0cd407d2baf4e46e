#pragma once

#include "forkserver.h"

#include <twinrun/worker.h>

#include <QPointer>
#include <QProcess>

class QSocketNotifier;
class QTimer;

namespace twinrun {

// The process backend. Start method spawn, like Python's: re-runs our own executable (or
// program()) with the hidden child flag and sends the spec as JSON on stdin; the child looks
// the target up by name. Start method forkserver: ForkServer forks the child from a warm
// helper process; the spec and output pipes go over its socket, and signals go through the
// server, which sends them only to a child it has not reaped yet. Both behave the same. The child
// gets SIGKILL when the thread that started it dies (Linux PR_SET_PDEATHSIG), so start process
// workers from a thread that lives as long as the app (the main thread). terminate() sends SIGTERM
// and, terminateGraceMs() after the first terminate(), SIGKILL: asking again sends SIGTERM again
// but does not put the SIGKILL off. A worker destroyed while its process runs kills it and lets it
// be reaped later, without blocking the caller. A fork server that ends under a running worker
// takes its child with it: the worker ends Crashed (-9) with the server's end in errorString().
class ProcessWorker : public Worker, private ForkListener {
    Q_OBJECT
public:
    explicit ProcessWorker(const WorkerSpec& spec, QObject* parent = nullptr);
    ~ProcessWorker() override;

protected:
    void doStart(const Target& target, const BoundArgs& args) override;
    bool doJoin(int msecs) override;
    Status doTerminate() override;
    Status doKill() override;

private:
    void startSpawned();
    void startForked();
    void onStarted();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void readChannel(Channel channel);
    void finishBySignal(int signal);
    void sendSignal(int signal);

    // The forkserver start method's side: pipes read directly, reports from ForkServer.
    void forkStarted(qint64 pid) override;
    void forkExited(int waitStatus, const ResourceUsage& usage) override;
    void forkFailed(const QString& error) override;
    bool joinForked(int msecs);
    void readForkedPipes(bool toEnd); // toEnd: after exit, everything left
    void readForkedPipe(int index, bool toEnd);
    void closeForkedPipes();

    void takeChildUsage();

    QPointer<QProcess> m_process;
    int m_usagePipe = -1; // spawn: the read end of the child's usage record
    QTimer* m_killTimer = nullptr;
    std::uint64_t m_forkId = 0;          // the fork server's launch id, while it reports to us
    int m_pipes[2] = {-1, -1};           // stdout, stderr read ends
    bool m_pipeOpen[2] = {false, false}; // not at end of output yet
    QSocketNotifier* m_notifiers[2] = {nullptr, nullptr};
};

} // namespace twinrun
