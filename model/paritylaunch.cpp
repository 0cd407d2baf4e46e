#include <twinrun/paritylaunch.h>
#include <twinrun/runtext.h>
#include <twinrun/worker.h>

#include <algorithm>

namespace twinrun {

struct ParityLaunch::Run {
    RunKind kind;
    QPointer<Worker> worker;
    PythonRun* python = nullptr;
    std::unique_ptr<RunStreams> streams;
    bool ended = false;
    RunEnd lastEnd;
};

ParityLaunch::ParityLaunch(const WorkerSpec& spec, const QList<Worker*>& workers,
                           const QList<Backend>& python, QObject* parent)
    : QObject(parent)
    , m_target(spec.target)
{
    for (Worker* worker : workers) {
        auto run = std::make_unique<Run>();
        run->kind = worker->backend() == Backend::Thread ? RunKind::Thread : RunKind::Process;
        run->worker = worker;
        addRun(std::move(run));
    }
    for (Backend backend : python) {
        auto run = std::make_unique<Run>();
        run->python = new PythonRun(backend, spec, this);
        run->kind = run->python->kind();
        addRun(std::move(run));
    }
    // Thread first, then process, TwinRun's before Python's: the order runs are shown in.
    std::stable_sort(m_runs.begin(), m_runs.end(),
                     [](const auto& x, const auto& y) { return x->kind < y->kind; });
    const std::pair<RunKind, RunKind> order[] = {
        {RunKind::Thread, RunKind::PythonThread},
        {RunKind::Process, RunKind::PythonProcess},
        {RunKind::Thread, RunKind::Process},
        {RunKind::PythonThread, RunKind::PythonProcess},
    };
    for (const auto& [a, b] : order) {
        const int ia = indexOf(a);
        const int ib = indexOf(b);
        if (ia >= 0 && ib >= 0)
            m_pairs.push_back({ia, ib, std::make_unique<PairComparator>(a, b, m_target)});
    }
    for (int i = 0; i < runCount(); ++i) {
        Run& run = *m_runs[i];
        run.streams = std::make_unique<RunStreams>(run.kind, m_target);
        const auto onOutput = [this, i](Channel channel, const QByteArray& data) {
            feed(i, channel, data);
        };
        const auto onChanged = [this, i] { Q_EMIT runChanged(i); };
        if (run.worker) {
            connect(run.worker, &Worker::output, this, onOutput);
            connect(run.worker, &Worker::stateChanged, this, onChanged);
            connect(run.worker, &Worker::finished, this, [this, i] { onEnded(i); });
            // A refused start has ended already: its end is taken once the caller has connected.
            if (Worker::isFinal(run.worker->state()))
                QMetaObject::invokeMethod(
                    this, [this, i] { onEnded(i); }, Qt::QueuedConnection);
        } else {
            connect(run.python, &PythonRun::output, this, onOutput);
            connect(run.python, &PythonRun::stateChanged, this, onChanged);
            connect(run.python, &PythonRun::finished, this, [this, i] { onEnded(i); });
        }
        // A worker removed before its end: its verdicts say so rather than wait for ever.
        if (run.worker)
            connect(run.worker, &QObject::destroyed, this, [this, i] {
                Run& gone = *m_runs[i];
                gone.worker = nullptr;
                if (!gone.ended) {
                    gone.lastEnd = {QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "removed")),
                                    std::nullopt};
                    onEnded(i);
                }
            });
    }
}

ParityLaunch::~ParityLaunch() = default;

void ParityLaunch::addRun(std::unique_ptr<Run> run)
{
    m_runs.push_back(std::move(run));
}

void ParityLaunch::startPython(const PythonSetup& setup, std::optional<double> timeoutSeconds)
{
    for (const auto& run : m_runs) {
        if (run->python)
            static_cast<void>(run->python->start(setup, timeoutSeconds));
    }
}

RunKind ParityLaunch::kind(int run) const
{
    return m_runs[run]->kind;
}

Worker* ParityLaunch::worker(int run) const
{
    return m_runs[run]->worker;
}

PythonRun* ParityLaunch::pythonRun(int run) const
{
    return m_runs[run]->python;
}

int ParityLaunch::indexOf(RunKind kind) const
{
    for (int i = 0; i < runCount(); ++i) {
        if (m_runs[i]->kind == kind)
            return i;
    }
    return -1;
}

QString ParityLaunch::name(int run) const
{
    const Run& r = *m_runs[run];
    if (r.python)
        return r.python->name().isEmpty() ? runKindTitle(r.kind) : r.python->name();
    return r.worker ? r.worker->name() : runKindTitle(r.kind);
}

bool ParityLaunch::hasEnded(int run) const
{
    return m_runs[run]->ended;
}

bool ParityLaunch::isFinal() const
{
    return std::all_of(m_runs.cbegin(), m_runs.cend(), [](const auto& r) { return r->ended; });
}

RunEnd ParityLaunch::end(int run) const
{
    const Run& r = *m_runs[run];
    if (r.python)
        return r.python->end();
    if (r.worker)
        return {Worker::stateName(r.worker->state()), r.worker->exitCode()};
    return r.lastEnd;
}

qint64 ParityLaunch::durationNs(int run) const
{
    const Run& r = *m_runs[run];
    if (r.python)
        return qint64(r.python->durationMs() * 1e6);
    return r.worker ? r.worker->durationNs() : -1;
}

qint64 ParityLaunch::cpuNs(int run) const
{
    const Run& r = *m_runs[run];
    if (r.python) {
        const std::optional<double> ms = r.python->cpuMs();
        return ms ? qint64(*ms * 1e6) : -1;
    }
    // Once ended only: a running worker's figures are read from /proc, a sampler's job.
    const qint64 us = r.worker && r.ended ? r.worker->resourceUsage().cpuUs() : -1;
    return us < 0 ? -1 : us * 1000;
}

QString ParityLaunch::timeText(int run) const
{
    return runTimeText(durationNs(run), cpuNs(run));
}

QString ParityLaunch::endText(int run) const
{
    const RunEnd e = end(run);
    return runEndText(e.state, e.exitCode, durationNs(run));
}

QString ParityLaunch::errorString(int run) const
{
    const Run& r = *m_runs[run];
    if (r.python)
        return r.python->errorString();
    return r.worker ? r.worker->errorString() : QString();
}

QList<ParityLaunch::Pair> ParityLaunch::pairs() const
{
    QList<Pair> result;
    for (const PairState& p : m_pairs)
        result.append({p.a, p.b, p.comparator->verdict()});
    return result;
}

bool ParityLaunch::agrees() const
{
    const QList<Pair> all = pairs();
    return std::all_of(all.cbegin(), all.cend(), [](const Pair& p) { return p.verdict.agrees(); });
}

void ParityLaunch::terminateAll()
{
    for (const auto& run : m_runs) {
        if (run->ended)
            continue;
        if (run->python)
            run->python->terminate();
        else if (run->worker && run->worker->isAlive())
            static_cast<void>(run->worker->terminate());
    }
}

void ParityLaunch::feed(int run, Channel channel, const QByteArray& data)
{
    const RunStreams::Sink gained = m_runs[run]->streams->feed(channel, data);
    for (PairState& p : m_pairs) {
        if (p.a == run || p.b == run)
            p.comparator->feed(p.a == run ? 0 : 1, gained);
    }
    Q_EMIT output(run, channel, data);
}

void ParityLaunch::onEnded(int run)
{
    Run& r = *m_runs[run];
    if (r.ended)
        return;
    r.ended = true;
    if (r.worker || r.python)
        r.lastEnd = end(run);
    const RunStreams::Sink rest = r.streams->finish();
    for (PairState& p : m_pairs) {
        if (p.a == run || p.b == run) {
            const int side = p.a == run ? 0 : 1;
            p.comparator->feed(side, rest);
            p.comparator->end(side, r.lastEnd);
        }
    }
    Q_EMIT runFinished(run);
    if (isFinal())
        Q_EMIT finished();
}

} // namespace twinrun
