#pragma once

#include <QObject>

class QSocketNotifier;

namespace twinrun {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (the self-pipe trick), so the
// command line can stop its workers cleanly instead of dying with them still running.
class UnixSignals : public QObject {
    Q_OBJECT
public:
    explicit UnixSignals(QObject* parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readSignal();
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace twinrun
