#pragma once

#include <twinrun/worker.h>

#include <memory>

namespace twinrun {

struct ThreadLink;

// The thread backend: the target runs on a thread of this process, one of WarmThreads'
// threads kept ready so that a launch costs a hand-over, not a thread creation. A launch that
// needs a new thread the system refuses ends FailedToStart, saying why, before start() returns;
// a launch never needs a file descriptor. Output reaches this object in batches through one queued
// call at a time, never one signal per line. terminate() is cooperative: the worker ends Terminated
// (-15) only if its target saw the request and returned, otherwise with the target's own exit code;
// kill() is refused (see worker.h). A worker destroyed
// while its target still runs asks it to stop and lets the thread finish on its own, without
// blocking: its later output is dropped.
class ThreadWorker : public Worker {
    Q_OBJECT
public:
    explicit ThreadWorker(const WorkerSpec& spec, QObject* parent = nullptr);
    ~ThreadWorker() override;

protected:
    void doStart(const Target& target, const BoundArgs& args) override;
    bool doJoin(int msecs) override;
    Status doTerminate() override;
    Status doKill() override;

private:
    friend struct ThreadLink;
    void syncFromThread(); // takes one slice of pending output
    void drainAll();
    void onThreadFinished();

    std::shared_ptr<ThreadLink> m_link;
};

} // namespace twinrun
