#include "joinwatcher.h"

#include <twinrun/worker.h>

namespace twinrun {

JoinWatcher* JoinWatcher::watch(Worker* worker, int timeoutMs, QObject* parent)
{
    return new JoinWatcher(worker, timeoutMs, parent);
}

JoinWatcher::JoinWatcher(Worker* worker, int timeoutMs, QObject* parent)
    : QObject(parent)
    , m_worker(worker)
{
    connect(worker, &QObject::destroyed, this, &QObject::deleteLater);
    if (Worker::isFinal(worker->state())) {
        // Queued, so a caller can connect to done() after watch() returns.
        QMetaObject::invokeMethod(
            this, [this] { report(true); }, Qt::QueuedConnection);
        return;
    }
    connect(worker, &Worker::finished, this, [this] { report(true); });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { report(false); });
    m_timeout.start(timeoutMs);
}

void JoinWatcher::cancel()
{
    m_reported = true;
    m_timeout.stop();
    deleteLater();
}

void JoinWatcher::report(bool ended)
{
    if (m_reported || !m_worker)
        return;
    m_reported = true;
    m_timeout.stop();
    emit done(m_worker, ended);
    deleteLater();
}

} // namespace twinrun
