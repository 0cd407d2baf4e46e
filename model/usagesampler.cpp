#include <twinrun/usagesampler.h>

#include <QElapsedTimer>
#include <QThread>

#include <ctime>
#include <mutex>

namespace twinrun {

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 monotonicNs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer c;
        c.start();
        return c;
    }();
    return clock.nsecsElapsed();
}

// Lives on the sampling thread. Work and results cross between the threads through a mailbox
// under a std::mutex, and the wake-ups are signals without arguments: no captured data rides in
// Qt's event queue, whose lock ThreadSanitizer cannot see, so every hand-off is one TSan checks.
class SamplerReader : public QObject {
    Q_OBJECT
public:
    explicit SamplerReader(std::atomic<qint64>* cpuNs)
        : m_cpuNs(cpuNs)
    {
        connect(this, &SamplerReader::wake, this, &SamplerReader::readPending,
                Qt::QueuedConnection);
    }

    // Called on the sampler's thread: hands the probes over and wakes the reader.
    void post(QHash<int, UsageProbe> probes)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_probes = std::move(probes);
        }
        Q_EMIT wake();
    }

    // Called on the sampler's thread after done(): the figures read and when.
    std::pair<QHash<int, ResourceUsage>, qint64> collect()
    {
        const std::lock_guard lock(m_mutex);
        return {std::exchange(m_usage, {}), m_atNs};
    }

    // Called once the thread has stopped, before deleting: its last writes happen before.
    void settle() { const std::lock_guard lock(m_mutex); }

Q_SIGNALS:
    void wake();
    void done();

private:
    void readPending()
    {
        const qint64 cpuBefore = threadCpuNs();
        QHash<int, UsageProbe> probes;
        {
            const std::lock_guard lock(m_mutex);
            probes = std::exchange(m_probes, {});
        }
        QHash<int, ResourceUsage> usage;
        usage.reserve(probes.size());
        for (auto it = probes.cbegin(); it != probes.cend(); ++it)
            usage.insert(it.key(), it.value().read());
        const qint64 at = monotonicNs();
        *m_cpuNs += threadCpuNs() - cpuBefore;
        // done() is emitted under the lock: the last touch of this object on this thread
        // happens before settle() returns.
        const std::lock_guard lock(m_mutex);
        m_usage = std::move(usage);
        m_atNs = at;
        Q_EMIT done();
    }

    std::atomic<qint64>* const m_cpuNs;
    std::mutex m_mutex;
    QHash<int, UsageProbe> m_probes;   // guarded by m_mutex
    QHash<int, ResourceUsage> m_usage; // guarded by m_mutex
    qint64 m_atNs = 0;                 // guarded by m_mutex
};

} // namespace

UsageSampler::UsageSampler(Source source, QObject* parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_thread(new QThread(this))
    , m_reader(new SamplerReader(&m_cpuNs))
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &UsageSampler::tick);
    connect(
        static_cast<SamplerReader*>(m_reader), &SamplerReader::done, this,
        [this] {
            const auto [usage, atNs] = static_cast<SamplerReader*>(m_reader)->collect();
            take(usage, atNs);
        },
        Qt::QueuedConnection);
    m_thread->setObjectName(QStringLiteral("twinrun-sampler"));
    m_reader->moveToThread(m_thread);
}

UsageSampler::~UsageSampler()
{
    m_timer.stop();
    m_thread->quit();
    m_thread->wait();
    static_cast<SamplerReader*>(m_reader)->settle();
    delete m_reader; // its thread has stopped
}

void UsageSampler::setInterval(int msecs)
{
    m_timer.setInterval(msecs);
}

void UsageSampler::setActive(bool active)
{
    if (active == m_timer.isActive())
        return;
    if (!active) {
        m_timer.stop();
        return;
    }
    if (!m_thread->isRunning())
        m_thread->start(QThread::LowPriority);
    m_timer.start();
    tick();
}

void UsageSampler::forget(int id)
{
    m_latest.remove(id);
    m_previous.remove(id);
}

void UsageSampler::tick()
{
    if (m_inFlight)
        return; // the last pass is still reading: never queue passes up
    const qint64 cpuBefore = threadCpuNs();
    QHash<int, UsageProbe> probes = m_source();
    m_cpuNs += threadCpuNs() - cpuBefore;
    if (probes.isEmpty())
        return;
    m_inFlight = true;
    static_cast<SamplerReader*>(m_reader)->post(std::move(probes));
}

void UsageSampler::take(const QHash<int, ResourceUsage>& usage, qint64 atNs)
{
    const qint64 cpuBefore = threadCpuNs();
    m_inFlight = false;
    ++m_passes;
    QList<int> changed;
    changed.reserve(usage.size());
    for (auto it = usage.cbegin(); it != usage.cend(); ++it) {
        ResourceUsage sample = it.value();
        if (!sample.isValid())
            continue; // ended between the tick and the read: its last sample stands
        Previous& previous = m_previous[it.key()];
        if (previous.cpuUs >= 0 && atNs > previous.atNs)
            sample.cpuPercent = 100.0 * double(sample.cpuUs() - previous.cpuUs) * 1000.0 /
                                double(atNs - previous.atNs);
        previous = {sample.cpuUs(), atNs};
        // A process dying (a zombie) still has its CPU times in /proc but no memory lines:
        // the peak it reached stands, as a high-water mark does.
        if (sample.peakRssKb < 0)
            sample.peakRssKb = m_latest.value(it.key()).peakRssKb;
        m_latest.insert(it.key(), sample);
        changed.append(it.key());
    }
    if (!changed.isEmpty())
        Q_EMIT sampled(changed); // what listeners do with it counts too
    m_cpuNs += threadCpuNs() - cpuBefore;
}

} // namespace twinrun

#include "usagesampler.moc"
