#include "joinbar.h"

#include "joinwatcher.h"
#include <twinrun/runtext.h>
#include <twinrun/worker.h>

#include <QPushButton>

namespace twinrun {

JoinBar::JoinBar(QWidget* parent)
    : MessageBar(parent)
    , m_cancel(addButton(tr("Cancel Join"), QStringLiteral("cancelJoinButton")))
{
    setObjectName(QStringLiteral("joinBar"));
    m_cancel->setToolTip(tr("Stop waiting; the workers go on running"));
    connect(m_cancel, &QPushButton::clicked, this, &JoinBar::cancel);
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &JoinBar::updateText);
}

void JoinBar::join(const QList<Worker*>& workers, int timeoutMs)
{
    if (workers.isEmpty())
        return;
    m_timeoutMs = timeoutMs;
    m_deadline = QDeadlineTimer(timeoutMs);
    for (Worker* worker : workers) {
        if (m_waitingFor.contains(worker))
            continue;
        auto* watcher = JoinWatcher::watch(worker, timeoutMs, this);
        m_watchers << watcher;
        m_waitingFor << worker;
        connect(watcher, &JoinWatcher::done, this, &JoinBar::onDone);
        connect(watcher, &QObject::destroyed, this, [this] {
            m_watchers.removeAll(nullptr);
            m_waitingFor.removeAll(nullptr);
            if (m_watchers.isEmpty()) {
                m_waitingFor.clear();
                m_tick.stop();
                hide();
            }
        });
    }
    m_tick.start();
    updateText();
}

void JoinBar::cancel()
{
    if (m_watchers.isEmpty())
        return;
    QStringList names;
    for (const QPointer<Worker>& w : std::as_const(m_waitingFor)) {
        if (w)
            names << w->name();
    }
    for (const QPointer<JoinWatcher>& watcher : std::as_const(m_watchers)) {
        if (watcher)
            watcher->cancel();
    }
    m_watchers.clear();
    m_waitingFor.clear();
    m_tick.stop();
    hide();
    emit statusMessage(
        tr("Join cancelled: %1 still running").arg(names.join(QStringLiteral(", "))));
}

void JoinBar::onDone(Worker* worker, bool ended)
{
    m_waitingFor.removeAll(worker);
    if (!ended) {
        emit statusMessage(tr("%1 still running after %2 s")
                               .arg(worker->name())
                               .arg(QLocale().toString(m_timeoutMs / 1000.0)));
        return;
    }
    const std::optional<int> code = worker->exitCode();
    emit statusMessage(code ? tr("%1 joined: exit code %2").arg(worker->name()).arg(*code)
                            : tr("%1 joined: %2").arg(worker->name(), stateText(worker->state())));
}

void JoinBar::updateText()
{
    QStringList names;
    for (const QPointer<Worker>& w : std::as_const(m_waitingFor)) {
        if (w)
            names << w->name();
    }
    if (names.isEmpty())
        return;
    const qint64 left = (m_deadline.remainingTime() + 999) / 1000;
    showMessage(tr("Joining %1… %2 s left").arg(names.join(QStringLiteral(", "))).arg(left));
}

} // namespace twinrun
