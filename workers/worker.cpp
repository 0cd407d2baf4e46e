#include "usageread.h"

#include <twinrun/pluginloader.h>
#include <twinrun/version.h>
#include <twinrun/worker.h>

#include <QThread>

namespace twinrun {

const char* libraryVersion()
{
    return TWINRUN_VERSION_STRING;
}

QString backendName(Backend backend)
{
    return backend == Backend::Thread ? QStringLiteral("thread") : QStringLiteral("process");
}

Worker::Worker(Backend backend, const WorkerSpec& spec, QString defaultName, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_spec(spec)
    , m_name(spec.name.isEmpty() ? std::move(defaultName) : spec.name)
    , m_daemon(spec.daemon)
{
    qRegisterMetaType<twinrun::Channel>();
    qRegisterMetaType<twinrun::Worker::State>();
}

Worker::~Worker() = default;

QString Worker::stateName(State s)
{
    // Marked for translation where they are defined (one table); the window shows them
    // through twinrun::stateText (model/runtext.h), the command line's JSON as they are.
    switch (s) {
    case State::Created:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "created"));
    case State::Starting:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "starting"));
    case State::Running:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "running"));
    case State::Finished:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "finished"));
    case State::Failed:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "failed"));
    case State::Crashed:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "crashed"));
    case State::Terminated:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "terminated"));
    case State::Killed:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "killed"));
    case State::FailedToStart:
        return QStringLiteral(QT_TRANSLATE_NOOP("twinrun::Worker", "failed to start"));
    }
    return {};
}

Status Worker::setDaemon(bool daemon)
{
    if (m_state != State::Created)
        return Status::error(
            QStringLiteral("%1: cannot set daemon status of an active or ended worker")
                .arg(m_name));
    m_daemon = daemon;
    return Status::ok();
}

Status Worker::start()
{
    if (m_state != State::Created)
        return Status::error(
            QStringLiteral("%1: %2s can only be started once").arg(m_name, backendName(m_backend)));
    m_startTime = QDateTime::currentDateTime();
    m_clock.start();

    // A plugin target's plugin: loaded here first (a no-op once loaded), so that a spec naming
    // its plugin runs anywhere; the spec names the plugin of a plugin target, for the child.
    if (!m_spec.plugin.isEmpty()) {
        if (const PluginLoad load = loadPlugin(m_spec.plugin); !load) {
            finish(State::FailedToStart, std::nullopt, load.error);
            return Status::error(load.error);
        }
    }
    const PreparedCall call =
        prepareCall(m_spec.target, m_spec.args, m_spec.kwargs, m_backend == Backend::Thread);
    if (!call) {
        finish(State::FailedToStart, std::nullopt, call.error);
        return Status::error(call.error);
    }
    // One size for both backends: what a process worker's child would refuse.
    if (Status size = checkWorkerSpecSize(m_spec); !size) {
        finish(State::FailedToStart, std::nullopt, size.message());
        return size;
    }
    if (m_spec.plugin.isEmpty())
        m_spec.plugin = call.target->plugin;
    setState(State::Starting);
    doStart(*call.target, call.args);
    return Status::ok();
}

Status Worker::join(int msecs)
{
    if (m_state == State::Created)
        return Status::error(
            QStringLiteral("%1: cannot join a worker before it is started").arg(m_name));
    if (isFinal(m_state) || doJoin(msecs))
        return Status::ok();
    return Status::error(QStringLiteral("%1: still running after %2 ms").arg(m_name).arg(msecs));
}

Status Worker::terminate()
{
    if (!isAlive())
        return Status::error(QStringLiteral("%1: cannot terminate a worker that is %2")
                                 .arg(m_name, stateName(m_state)));
    m_stopRequested = true;
    return doTerminate();
}

Status Worker::kill()
{
    if (!isAlive())
        return Status::error(
            QStringLiteral("%1: cannot kill a worker that is %2").arg(m_name, stateName(m_state)));
    Status status = doKill();
    if (status)
        m_stopRequested = true;
    return status;
}

qint64 Worker::durationNs() const
{
    if (!m_clock.isValid())
        return 0;
    return m_endNs >= 0 ? m_endNs : m_clock.nsecsElapsed();
}

qint64 Worker::durationMs() const
{
    return durationNs() / 1000000;
}

ResourceUsage Worker::resourceUsage() const
{
    if (isFinal(m_state)) {
        if (!m_finalUsage.memorySharedWithApp)
            return m_finalUsage;
        // A thread's memory is the app's: read now, not as each run ends (that read cost as
        // much as a thread launch), so it says what the app holds when someone looks.
        ResourceUsage usage = m_finalUsage;
        const ResourceUsage app = appMemory();
        usage.rssKb = app.rssKb;
        usage.peakRssKb = app.peakRssKb;
        return usage;
    }
    return usageProbe().read();
}

void Worker::setRunning(std::uint64_t ident, std::int64_t nativeId, std::int64_t pid)
{
    if (m_state != State::Starting)
        return;
    m_ident = ident;
    m_nativeId = nativeId;
    m_pid = pid;
    setState(State::Running);
    Q_EMIT started(QPrivateSignal());
}

void Worker::emitOutput(const OutputChunks& chunks)
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "Worker::emitOutput",
               "a worker emits its signals on its own thread only");
    if (isFinal(m_state))
        return;
    for (const OutputChunk& chunk : chunks)
        Q_EMIT output(chunk.channel, chunk.data, QPrivateSignal());
}

void Worker::finish(State state, std::optional<int> exitCode, const QString& error, qint64 endNs)
{
    Q_ASSERT(isFinal(state));
    if (isFinal(m_state))
        return;
    m_endNs = endNs >= 0 ? endNs : (m_clock.isValid() ? m_clock.nsecsElapsed() : 0);
    if (m_finalUsage.isValid() && m_endNs > 0)
        m_finalUsage.cpuPercent = 100.0 * double(m_finalUsage.cpuUs()) * 1000.0 / double(m_endNs);
    m_exitCode = exitCode;
    m_errorString = error;
    setState(state);
    Q_EMIT finished(QPrivateSignal());
}

void Worker::setState(State state)
{
    // Nothing leaves a final state: finished() (sent on entering one) fires exactly once.
    Q_ASSERT_X(!isFinal(m_state), "Worker::setState", "a worker's state is final once ended");
    Q_ASSERT_X(QThread::currentThread() == thread(), "Worker::setState",
               "a worker emits its signals on its own thread only");
    m_state = state;
    Q_EMIT stateChanged(state, QPrivateSignal());
}

} // namespace twinrun
