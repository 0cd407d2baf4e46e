#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/launchspec.h>
#include <twinrun/worker.h>

#include <QHash>
#include <QList>
#include <QObject>

namespace twinrun {

class OutputLog;
class RunComparison;
class UsageSampler;

// Owns the workers of one window (or script): creates them from launch specs, keeps each
// one's OutputLog, answers "which are running", and stops what is left when it goes.
// Rows are stable: a worker keeps its row until removed; ids never repeat.
class TWINRUN_MODEL_EXPORT Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);
    // Kills process workers and asks thread workers to stop; never blocks.
    ~Session() override;

    // Creates and starts one worker per backend of the spec (two for Both, started together
    // and marked as partners). Returns the new workers; a refused start still adds its
    // worker (ended as FailedToStart, with the reason in errorString()).
    QList<Worker*> launch(const LaunchSpec& spec);
    // Launches the same spec again on the same backend.
    Worker* rerun(Worker* worker);

    qsizetype count() const;
    Worker* worker(qsizetype row) const;
    qsizetype rowOf(const Worker* worker) const; // -1 if not ours
    int idOf(const Worker* worker) const;        // stable id, 1, 2, ...
    OutputLog* log(const Worker* worker) const;
    qsizetype lineCount(const Worker* worker) const; // lines received so far, dropped included
    Worker* partner(const Worker* worker) const;     // the other half of a Both launch
    // The verdict of the worker's Both launch, fed from the start with both runs' complete
    // output (not the logs, which may drop lines); null for a single run or once either half
    // is removed.
    const RunComparison* comparison(const Worker* worker) const;

    // What the worker costs: sampled every sampler()->interval() while it runs (none until the
    // first sample), its final figures once ended (the last sample where the kernel gave none:
    // a spawned process killed by a signal). workerChanged() follows each sample.
    ResourceUsage usage(const Worker* worker) const;
    // Samples while workers run, and only then; its interval is the setting.
    UsageSampler* sampler() const { return m_sampler; }

    QList<Worker*> running() const;
    int runningThreads() const;
    int runningProcesses() const;
    bool hasRunningNonDaemon() const;

    // Refused (false) while the worker is alive.
    bool remove(Worker* worker);
    void clearFinished();
    // Terminates running workers (daemonsOnly: only the daemon ones). Processes get SIGTERM
    // then SIGKILL after their grace period; threads are asked to stop.
    void stopAll(bool daemonsOnly = false);

    void setLogLimits(qsizetype maxLines, qsizetype maxBytes);

Q_SIGNALS:
    void workerAdded(qsizetype row);
    void workerAboutToBeRemoved(qsizetype row);
    void workerRemoved(qsizetype row);
    // Something shown about the worker changed: state, output line count. Emitted per event;
    // views should coalesce (WorkerTableModel does).
    void workerChanged(qsizetype row);
    void runningChanged(); // the set of running workers changed

private:
    struct Entry;
    Worker* add(Worker* worker);
    void onStateChanged(Worker* worker);
    Entry* entryOf(const Worker* worker) const;

    void reindexFrom(qsizetype row);

    QList<Entry*> m_entries;
    // Row of each worker: looked up for every output chunk, so not a scan of m_entries.
    QHash<const Worker*, qsizetype> m_rows;
    int m_nextId = 1;
    UsageSampler* m_sampler = nullptr;
    qsizetype m_maxLines = 100000;
    qsizetype m_maxBytes = 32 * 1024 * 1024;
};

} // namespace twinrun
