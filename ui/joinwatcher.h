#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace twinrun {

class Worker;

// Python's join(timeout) for the GUI thread: waits for Worker::finished or the timeout,
// whichever comes first, without blocking; reports once through done() and deletes itself.
// A worker that has already ended is reported as joined on the next event loop pass.
// Nothing is reported if the worker is destroyed first.
class JoinWatcher : public QObject {
    Q_OBJECT
public:
    static JoinWatcher* watch(Worker* worker, int timeoutMs, QObject* parent);
    // Stops waiting without reporting, and deletes itself.
    void cancel();

Q_SIGNALS:
    void done(twinrun::Worker* worker, bool ended);

private:
    JoinWatcher(Worker* worker, int timeoutMs, QObject* parent);
    void report(bool ended);

    QPointer<Worker> m_worker;
    QTimer m_timeout;
    bool m_reported = false;
};

} // namespace twinrun
