#pragma once

#include "messagebar.h"

#include <QDeadlineTimer>
#include <QList>
#include <QPointer>
#include <QTimer>

class QPushButton;

namespace twinrun {

class JoinWatcher;
class Worker;

// Join in the window: Python's join(timeout) on the selected workers, without blocking. While
// it waits the bar says so, with the time left and a Cancel button; it reports each result
// through statusMessage() and hides when every join has ended, timed out or been cancelled.
class JoinBar : public MessageBar {
    Q_OBJECT
public:
    explicit JoinBar(QWidget* parent = nullptr);

    void join(const QList<Worker*>& workers, int timeoutMs);
    bool isWaiting() const { return !m_watchers.isEmpty(); }
    void cancel();
    QPushButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void updateText();
    void onDone(Worker* worker, bool ended);

    QList<QPointer<JoinWatcher>> m_watchers;
    QList<QPointer<Worker>> m_waitingFor;
    QDeadlineTimer m_deadline;
    int m_timeoutMs = 0;
    QTimer m_tick;
    QPushButton* m_cancel;
};

} // namespace twinrun
