#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/parityrules.h>
#include <twinrun/pythonrun.h>

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

namespace twinrun {

class Worker;

// One call run up to four ways, compared pair by pair as the outputs arrive: TwinRun's thread
// and process (workers the caller created) and CPython's Thread and Process (PythonRun, made
// here). Runs are numbered in that order; pairs() gives, for those present, TwinRun thread vs
// Python Thread, TwinRun process vs Python Process, TwinRun thread vs process, Python Thread vs
// Process, each with its verdict (parityrules.h), final once both of its runs have ended.
//
// Create it right after the workers (before control returns to the event loop) so it sees all
// of their output; the Python runs start with startPython(). Memory stays bounded whatever the
// runs print (the comparators spool; nothing else is kept).
class TWINRUN_MODEL_EXPORT ParityLaunch : public QObject {
    Q_OBJECT
public:
    // workers: the TwinRun runs (a thread and/or a process); python: which Python runs to add.
    ParityLaunch(const WorkerSpec& spec, const QList<Worker*>& workers,
                 const QList<Backend>& python, QObject* parent = nullptr);
    ~ParityLaunch() override;

    void startPython(const PythonSetup& setup, std::optional<double> timeoutSeconds = {});

    int runCount() const { return int(m_runs.size()); }
    RunKind kind(int run) const;
    Worker* worker(int run) const;       // null for a Python run (or a worker that is gone)
    PythonRun* pythonRun(int run) const; // null for a TwinRun run
    int indexOf(RunKind kind) const;     // -1 when not part of this launch
    QString name(int run) const;
    bool hasEnded(int run) const;
    bool isFinal() const; // every run has ended
    RunEnd end(int run) const;
    qint64 durationNs(int run) const;
    // CPU time (user + system), -1 when not known: a Python run's from its report, a TwinRun
    // run's from Worker::resourceUsage() once it has ended (while it runs, see UsageSampler).
    qint64 cpuNs(int run) const;
    // Wall and CPU time side by side, as runTimeText() says them: "4.12 ms, CPU 1.90 ms".
    QString timeText(int run) const;
    // "finished, exit code 0, 4.12 ms", as runEndText() says it for a worker.
    QString endText(int run) const;
    QString errorString(int run) const;

    struct Pair {
        int a;
        int b;
        PairVerdict verdict;
    };
    QList<Pair> pairs() const;
    bool agrees() const; // every pair identical or documented (so: all ended)

    const QString& target() const { return m_target; }

    // Asks every run still going to stop (terminate()).
    void terminateAll();

Q_SIGNALS:
    void output(int run, twinrun::Channel channel, const QByteArray& data);
    void runChanged(int run);
    void runFinished(int run);
    void finished(); // the last run has ended

private:
    struct Run;
    void addRun(std::unique_ptr<Run> run);
    void feed(int run, Channel channel, const QByteArray& data);
    void onEnded(int run);

    QString m_target;
    std::vector<std::unique_ptr<Run>> m_runs;
    struct PairState {
        int a;
        int b;
        std::unique_ptr<PairComparator> comparator;
    };
    std::vector<PairState> m_pairs;
};

} // namespace twinrun
