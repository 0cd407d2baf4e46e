#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/resourceusage.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>

class QThread;

namespace twinrun {

class PostedCalls;

// Samples running workers' figures (UsageProbe::read(), /proc) every interval() (1 s by
// default) on a thread of its own, so the GUI thread never reads /proc; it ticks only while
// setActive(true) (a session: while workers run), never when idle. CPU % is the CPU time used
// between two samples of a worker over the wall time between them. What it costs is counted:
// cpuNs() is the CPU time of every pass on both threads: collecting the probes and taking the
// results on this object's thread (with what sampled()'s listeners do at once), reading /proc
// on the sampling thread (the bench's goal).
class TWINRUN_MODEL_EXPORT UsageSampler : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 1000;
    // What to sample at each tick, by a caller's id (a session's worker id).
    using Source = std::function<QHash<int, UsageProbe>()>;

    explicit UsageSampler(Source source, QObject* parent = nullptr);
    ~UsageSampler() override; // waits for a pass in flight (a few ms at most)

    int interval() const { return m_timer.interval(); }
    void setInterval(int msecs);
    void setActive(bool active); // starts (with a pass at once) or stops the timer
    bool isActive() const { return m_timer.isActive(); }

    // The last sample of id (cpuPercent from the last two); invalid if none yet.
    ResourceUsage latest(int id) const { return m_latest.value(id); }
    void forget(int id);

    qint64 cpuNs() const { return m_cpuNs.load(); }
    int passes() const { return m_passes; }

Q_SIGNALS:
    // One pass is done: ids whose figures changed.
    void sampled(const QList<int>& ids);

private:
    struct Previous {
        qint64 cpuUs = -1;
        qint64 atNs = 0;
    };
    void tick();
    void take(const QHash<int, ResourceUsage>& usage, qint64 atNs);

    Source m_source;
    QTimer m_timer;
    QThread* m_thread = nullptr;
    PostedCalls* m_reader = nullptr;  // lives on m_thread: reads the probes posted to it
    PostedCalls* m_results = nullptr; // lives here: takes the figures the reads post back
    bool m_inFlight = false;
    QHash<int, ResourceUsage> m_latest;
    QHash<int, Previous> m_previous;
    std::atomic<qint64> m_cpuNs{0};
    int m_passes = 0;
};

} // namespace twinrun
