#pragma once

#include "outputsink.h"
#include "runrequest.h"

#include <twinrun/outputchunk.h>

#include <QObject>
#include <QTimer>

#include <optional>

namespace twinrun {

class UnixSignals;
class Worker;

// What every `twinrun run` does around its runs, with or without --python (RunCommand,
// ParityCommand): one home for why the runs are stopped, what is written and the exit status.
// - start(): SIGPIPE is ignored (a closed pipe is EPIPE for every backend and start method,
//   never a silent death that leaves workers behind), SIGINT and SIGTERM are caught and the
//   --timeout is armed;
// - stdout and stderr are written through write(): the first failure is said once on stderr
//   (except EPIPE: a closed pipe is the reader's choice, `| head`, and is quiet as Unix tools
//   are) and stops the runs; nothing more is written to a failed stream;
// - stopRequested() is emitted once, for the first of a signal, the timeout and a failure;
//   graceOver() kStopGraceMs later, when the runs that ignored the stop are given up on.
class RunControl : public QObject {
    Q_OBJECT
public:
    explicit RunControl(std::optional<double> timeoutSeconds, QObject* parent = nullptr);
    ~RunControl() override;

    // Call once, before the runs start.
    void start();

    bool write(Channel channel, QByteArrayView data); // false once that stream has failed
    // A failure that ends the command: message on stderr (unless error is EPIPE), then the
    // stop. error is the errno (EPIPE: exit 141), or -1 for another failure (exit 1).
    void fail(const QString& message, int error);

    bool timedOut() const { return m_timedOut; }
    // 128+N after signal N, 141 or 1 after a failure, 124 after the timeout, else runsStatus.
    int exitStatus(int runsStatus) const;

Q_SIGNALS:
    void stopRequested();
    void graceOver();

private:
    void requestStop();

    std::optional<double> m_timeoutSeconds;
    OutputSink m_out;
    OutputSink m_err;
    UnixSignals* m_signals = nullptr;
    QTimer m_timeout;
    QTimer m_grace;
    bool m_stopping = false;
    bool m_timedOut = false;
    int m_signal = 0;
    int m_failure = 0; // errno of a failed write (EPIPE: 141), or -1 for another failure
};

// How long a stop (Ctrl+C, --timeout) waits for the runs before processes are killed and
// threads that ignore it are left behind: `twinrun run`, with or without --python.
inline constexpr int kStopGraceMs = 2000;
// The line for a thread that ignored the stop: "twinrun: NAME is still running and cannot be
// killed ...", newline included.
QString leftBehindText(const QString& name);

// The request's workers, one per backend in order, each with kStopGraceMs between SIGTERM
// and SIGKILL; not started.
QList<Worker*> createRunWorkers(const RunRequest& request, QObject* parent);
// A thread that ignored the stop can be neither killed nor waited for: when one of workers is
// still alive, flushes stdio and leaves at once with status; returns otherwise.
void exitNowIfAnyAlive(const QList<Worker*>& workers, int status);

} // namespace twinrun
