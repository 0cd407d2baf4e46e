#include <twinrun/session.h>
#include <twinrun/workerfactory.h>

#include <twinrun/outputlog.h>
#include <twinrun/runcomparison.h>
#include <twinrun/usagesampler.h>

#include <QSet>

#include <algorithm>

namespace twinrun {

struct Session::Entry {
    Worker* worker = nullptr;
    OutputLog* log = nullptr;
    int id = 0;
    Worker* partner = nullptr;
    RunComparison* comparison = nullptr; // shared with the partner's entry; a child of the session
    bool alive = false;                  // as last seen, to tell when the running set changes
};

Session::Session(QObject* parent)
    : QObject(parent)
{
    m_sampler = new UsageSampler(
        [this] {
            QHash<int, UsageProbe> probes;
            for (const Entry* entry : std::as_const(m_entries)) {
                if (const UsageProbe probe = entry->worker->usageProbe();
                    probe.kind != UsageProbe::Kind::None)
                    probes.insert(entry->id, probe);
            }
            return probes;
        },
        this);
    connect(this, &Session::runningChanged, m_sampler,
            [this] { m_sampler->setActive(!running().isEmpty()); });
    connect(m_sampler, &UsageSampler::sampled, this, [this](const QList<int>& ids) {
        const QSet<int> sampled(ids.cbegin(), ids.cend());
        for (qsizetype row = 0; row < m_entries.size(); ++row) {
            if (sampled.contains(m_entries.at(row)->id))
                Q_EMIT workerChanged(row);
        }
    });
}

ResourceUsage Session::usage(const Worker* worker) const
{
    const Entry* entry = entryOf(worker);
    if (!entry)
        return {};
    if (Worker::isFinal(worker->state())) {
        if (const ResourceUsage final = worker->resourceUsage(); final.isValid())
            return final;
        ResourceUsage last = m_sampler->latest(entry->id);
        if (last.isValid() && worker->durationNs() > 0) {
            last.rssKb = -1;
            last.cpuPercent = 100.0 * double(last.cpuUs()) * 1000.0 / double(worker->durationNs());
        }
        return last;
    }
    return m_sampler->latest(entry->id);
}

Session::~Session()
{
    m_sampler->setActive(false);
    // Worker destructors stop what still runs without waiting for it: a process is killed
    // and reaped later, a thread is asked to stop and its later output is dropped.
    for (Entry* entry : std::as_const(m_entries)) {
        entry->worker->disconnect(this);
        delete entry->worker;
        delete entry->log;
        delete entry;
    }
    m_entries.clear();
    m_rows.clear();
}

QList<Worker*> Session::launch(const LaunchSpec& spec)
{
    QList<Worker*> workers;
    for (Backend backend : spec.backends())
        workers << add(createWorker(backend, spec.worker, this));
    if (workers.size() == 2) {
        entryOf(workers[0])->partner = workers[1];
        entryOf(workers[1])->partner = workers[0];
        auto* comparison = new RunComparison(workers[0], workers[1], this);
        entryOf(workers[0])->comparison = comparison;
        entryOf(workers[1])->comparison = comparison;
    }
    // All are created before any starts, so both halves of a Both launch start together.
    for (Worker* worker : std::as_const(workers)) {
        // A refused start is not an error here: the worker shows it as FailedToStart.
        static_cast<void>(worker->start());
    }
    return workers;
}

Worker* Session::rerun(Worker* worker)
{
    if (!entryOf(worker))
        return nullptr;
    LaunchSpec spec;
    spec.worker = worker->spec();
    spec.mode =
        worker->backend() == Backend::Thread ? LaunchSpec::Mode::Thread : LaunchSpec::Mode::Process;
    return launch(spec).value(0);
}

Worker* Session::add(Worker* worker)
{
    auto* entry = new Entry;
    entry->worker = worker;
    entry->log = new OutputLog(this);
    entry->log->setLimits({m_maxLines, m_maxBytes, OutputLog::Limits{}.maxLineBytes});
    entry->id = m_nextId++;
    OutputLog* log = entry->log;
    connect(worker, &Worker::output, this,
            [this, worker, log](Channel channel, const QByteArray& data) {
                log->append(channel, data);
                Q_EMIT workerChanged(rowOf(worker));
            });
    connect(worker, &Worker::stateChanged, this, [this, worker] { onStateChanged(worker); });
    m_entries.append(entry);
    m_rows.insert(worker, m_entries.size() - 1);
    Q_EMIT workerAdded(m_entries.size() - 1);
    return worker;
}

void Session::onStateChanged(Worker* worker)
{
    Entry* entry = entryOf(worker);
    Q_EMIT workerChanged(rowOf(worker));
    if (entry->alive != worker->isAlive()) {
        entry->alive = worker->isAlive();
        Q_EMIT runningChanged();
    }
}

Session::Entry* Session::entryOf(const Worker* worker) const
{
    const qsizetype row = rowOf(worker);
    return row < 0 ? nullptr : m_entries.at(row);
}

qsizetype Session::count() const
{
    return m_entries.size();
}

Worker* Session::worker(qsizetype row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row)->worker : nullptr;
}

qsizetype Session::rowOf(const Worker* worker) const
{
    return m_rows.value(worker, -1);
}

void Session::reindexFrom(qsizetype row)
{
    for (; row < m_entries.size(); ++row)
        m_rows.insert(m_entries.at(row)->worker, row);
}

int Session::idOf(const Worker* worker) const
{
    const Entry* entry = entryOf(worker);
    return entry ? entry->id : 0;
}

OutputLog* Session::log(const Worker* worker) const
{
    const Entry* entry = entryOf(worker);
    return entry ? entry->log : nullptr;
}

qsizetype Session::lineCount(const Worker* worker) const
{
    const Entry* entry = entryOf(worker);
    return entry ? entry->log->totalLines() : 0;
}

Worker* Session::partner(const Worker* worker) const
{
    const Entry* entry = entryOf(worker);
    return entry ? entry->partner : nullptr;
}

const RunComparison* Session::comparison(const Worker* worker) const
{
    const Entry* entry = entryOf(worker);
    return entry ? entry->comparison : nullptr;
}

QList<Worker*> Session::running() const
{
    QList<Worker*> alive;
    for (const Entry* entry : m_entries) {
        if (entry->worker->isAlive())
            alive << entry->worker;
    }
    return alive;
}

int Session::runningThreads() const
{
    int n = 0;
    for (const Worker* worker : running())
        n += worker->backend() == Backend::Thread ? 1 : 0;
    return n;
}

int Session::runningProcesses() const
{
    int n = 0;
    for (const Worker* worker : running())
        n += worker->backend() == Backend::Process ? 1 : 0;
    return n;
}

bool Session::hasRunningNonDaemon() const
{
    const QList<Worker*> alive = running();
    return std::any_of(alive.begin(), alive.end(), [](const Worker* w) { return !w->isDaemon(); });
}

bool Session::remove(Worker* worker)
{
    const qsizetype row = rowOf(worker);
    if (row < 0 || worker->isAlive())
        return false;
    Q_EMIT workerAboutToBeRemoved(row);
    Entry* entry = m_entries.takeAt(row);
    m_rows.remove(worker);
    reindexFrom(row);
    if (entry->partner) {
        if (Entry* other = entryOf(entry->partner)) {
            other->partner = nullptr;
            other->comparison = nullptr;
        }
    }
    if (entry->comparison)
        entry->comparison->deleteLater();
    worker->disconnect(this);
    // Later, not now: remove() may be called from a slot of the worker's own signal.
    worker->deleteLater();
    entry->log->deleteLater();
    m_sampler->forget(entry->id);
    delete entry;
    Q_EMIT workerRemoved(row);
    return true;
}

void Session::clearFinished()
{
    for (qsizetype row = m_entries.size() - 1; row >= 0; --row) {
        Worker* w = m_entries.at(row)->worker;
        if (!w->isAlive())
            remove(w);
    }
}

void Session::stopAll(bool daemonsOnly)
{
    for (Worker* worker : running()) {
        if (daemonsOnly && !worker->isDaemon())
            continue;
        // Only a worker that has just ended refuses, and then there is nothing to stop.
        static_cast<void>(worker->terminate());
    }
}

void Session::setLogLimits(qsizetype maxLines, qsizetype maxBytes)
{
    m_maxLines = maxLines;
    m_maxBytes = maxBytes;
    for (Entry* entry : std::as_const(m_entries)) {
        OutputLog::Limits limits = entry->log->limits();
        limits.maxLines = maxLines;
        limits.maxBytes = maxBytes;
        entry->log->setLimits(limits);
    }
}

} // namespace twinrun
