#include <twinrun/usagesampler.h>

#include <twinrun/postedcalls.h>

#include <QElapsedTimer>
#include <QThread>

#include <ctime>

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

} // namespace

UsageSampler::UsageSampler(Source source, QObject* parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_thread(new QThread(this))
    , m_reader(new PostedCalls)
    , m_results(new PostedCalls(this))
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &UsageSampler::tick);
    m_thread->setObjectName(QStringLiteral("twinrun-sampler"));
    m_reader->moveToThread(m_thread);
}

UsageSampler::~UsageSampler()
{
    m_timer.stop();
    m_thread->quit();
    m_thread->wait();
    delete m_reader; // its thread has stopped: a pass not read yet is dropped
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
    // The probes go to the sampling thread and the figures come back, each as a posted call
    // (twinrun/postedcalls.h: every hand-off is one ThreadSanitizer checks).
    m_reader->post([this, probes = std::move(probes), cpuNs = &m_cpuNs, results = m_results] {
        const qint64 cpuBefore = threadCpuNs();
        QHash<int, ResourceUsage> usage;
        usage.reserve(probes.size());
        for (auto it = probes.cbegin(); it != probes.cend(); ++it)
            usage.insert(it.key(), it.value().read());
        const qint64 atNs = monotonicNs();
        *cpuNs += threadCpuNs() - cpuBefore;
        // this is only carried here: take() runs on this object's thread.
        results->post([this, usage = std::move(usage), atNs] { take(usage, atNs); });
    });
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
