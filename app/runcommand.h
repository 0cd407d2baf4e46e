#pragma once

#include "runrequest.h"

#include <QByteArray>
#include <QEventLoop>
#include <QList>
#include <QObject>

namespace twinrun {

// Runs a checked RunRequest on the main thread's event loop: one worker streams its output
// straight through; several (--as both) or --json collect it and print it at the end.
// Stops the workers on --timeout and on SIGINT/SIGTERM.
class RunCommand : public QObject {
    Q_OBJECT
public:
    explicit RunCommand(const RunRequest& request, QObject* parent = nullptr);
    int exec(); // the exit status

private:
    struct Run {
        Worker* worker = nullptr;
        QByteArray out;
        QByteArray err;
    };

    void stopAll();
    void onFinished();
    int exitStatusOf(const Worker& worker) const;
    int printBoth();
    void printJson(const Run& run) const;

    RunRequest m_request;
    QList<Run> m_runs;
    QEventLoop m_loop;
    bool m_streaming = false;
    bool m_timedOut = false;
    int m_signal = 0;
};

// The exit status for a worker's end, as the command line documents it.
int exitStatusFor(const Worker& worker);

} // namespace twinrun
