#pragma once

#include "runcontrol.h"
#include "runrequest.h"

#include <QEventLoop>
#include <QObject>

#include <memory>
#include <vector>

namespace twinrun {

class RunComparison;

// Runs a checked RunRequest on the main thread's event loop, in bounded memory whatever the
// workers print:
// - one worker: its output streams straight through;
// - --as both: each run's output is spooled (SpillBuffer: 1 MiB in memory, the rest in a
//   deleted temporary file) and printed under its header once that run has ended, the thread's
//   first; the verdict is the model's RunComparison, fed with both complete outputs as they come;
// - --json: one object per worker at the end, stdout/stderr capped (CappedCapture).
// Stops the workers on --timeout, on SIGINT/SIGTERM and when stdout or stderr cannot be written
// (EPIPE: exit 141 quietly; other errors: one line, exit 1). Processes are waited for (SIGKILL
// follows the grace); a thread that ignores the stop is reported and left behind.
class RunCommand : public QObject {
    Q_OBJECT
public:
    explicit RunCommand(const RunRequest& request, QObject* parent = nullptr);
    ~RunCommand() override;
    int exec(); // the exit status

private:
    struct Run;

    void onOutput(Run& run, Channel channel, const QByteArray& data);
    void onFinished(Run& run);
    void stopAll();
    void giveUpOnThreads();
    bool isDone(const Run& run) const;
    void maybeQuit();
    void printReadySections();
    void printSection(Run& run);
    bool writeOut(QByteArrayView data);
    bool writeErr(QByteArrayView data);
    void reportError(const Run& run);
    int verdictStatus();

    RunRequest m_request;
    std::vector<std::unique_ptr<Run>> m_runs;
    RunComparison* m_comparison = nullptr; // --as both
    RunControl m_control;
    QEventLoop m_loop;
    std::size_t m_printed = 0; // --as both: runs whose section is printed
    bool m_gaveUpOnThreads = false;
};

// The exit status for a worker's end, as the command line documents it.
int exitStatusFor(const Worker& worker);

} // namespace twinrun
