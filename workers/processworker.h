#pragma once

#include "worker.h"

#include <QPointer>
#include <QProcess>

class QTimer;

namespace twinrun {

// The process backend, like Python's spawn: re-runs our own executable (or program())
// with the hidden child flag and sends the spec as JSON on stdin; the child looks the target
// up by name. The child gets SIGKILL when the thread that started it dies (Linux
// PR_SET_PDEATHSIG), so start process workers from a thread that lives as long as the app
// (the main thread). terminate() sends SIGTERM and, after terminateGraceMs(), SIGKILL.
// A worker destroyed while its process runs kills it and lets it be reaped later, without
// blocking the caller.
class ProcessWorker : public Worker {
    Q_OBJECT
public:
    explicit ProcessWorker(const WorkerSpec& spec, QObject* parent = nullptr);
    ~ProcessWorker() override;

    // The executable to re-run; by default the running one.
    static QString program();
    static void setProgram(const QString& path);

protected:
    void doStart(const Target& target, const BoundArgs& args) override;
    bool doJoin(int msecs) override;
    Status doTerminate() override;
    Status doKill() override;

private:
    void onStarted();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void readChannel(Channel channel);

    QPointer<QProcess> m_process;
    QTimer* m_killTimer = nullptr;
};

} // namespace twinrun
