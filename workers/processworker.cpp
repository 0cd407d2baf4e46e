#include "processworker.h"

#include "childmode.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include <atomic>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace twinrun {

namespace {
std::atomic<int> processCounter{0};
QString programOverride;

QString defaultProcessName()
{
    // Python numbers every Process, named or not.
    return QStringLiteral("Process-%1").arg(++processCounter);
}
} // namespace

QString ProcessWorker::program()
{
    return programOverride.isEmpty() ? QCoreApplication::applicationFilePath() : programOverride;
}

void ProcessWorker::setProgram(const QString& path) { programOverride = path; }

ProcessWorker::ProcessWorker(const WorkerSpec& spec, QObject* parent)
    : Worker(Backend::Process, spec, defaultProcessName(), parent)
{
}

ProcessWorker::~ProcessWorker()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    // Hand the running process to itself: killed now, reaped and deleted when it is gone.
    QProcess* process = m_process;
    process->disconnect(this);
    process->setParent(nullptr);
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    connect(process, &QProcess::errorOccurred, process, &QObject::deleteLater);
    process->kill();
}

void ProcessWorker::doStart(const Target&, const BoundArgs&)
{
    m_process = new QProcess(this);
    m_process->setProgram(program());
    m_process->setArguments({QString::fromLatin1(kChildFlag)});
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    const pid_t parentPid = ::getpid();
    m_process->setChildProcessModifier([parentPid] {
        // Never outlive the app: SIGKILL when our starting thread dies, and close the race
        // where the parent died before the request took effect.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parentPid)
            ::_exit(127);
    });
    connect(m_process, &QProcess::started, this, &ProcessWorker::onStarted);
    connect(m_process, &QProcess::finished, this, &ProcessWorker::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &ProcessWorker::onError);
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readChannel(Channel::Stdout); });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { readChannel(Channel::Stderr); });

    WorkerSpec childSpec = spec();
    childSpec.name = name();
    m_process->start(QIODevice::ReadWrite);
    m_process->write(QJsonDocument(childSpec.toJson()).toJson(QJsonDocument::Compact));
    m_process->closeWriteChannel();
}

void ProcessWorker::onStarted()
{
    const qint64 pid = m_process->processId();
    setRunning(static_cast<std::uint64_t>(pid), pid, pid);
}

void ProcessWorker::readChannel(Channel channel)
{
    const QByteArray data = channel == Channel::Stdout ? m_process->readAllStandardOutput()
                                                       : m_process->readAllStandardError();
    if (!data.isEmpty())
        emitOutput({{channel, data}});
}

void ProcessWorker::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_killTimer)
        m_killTimer->stop();
    readChannel(Channel::Stdout);
    readChannel(Channel::Stderr);
    if (status == QProcess::NormalExit) {
        finish(exitCode == 0 ? State::Finished : State::Failed, exitCode);
        return;
    }
    // For a crash exit QProcess reports the number of the signal that ended the child.
    const int signal = exitCode;
    State state = State::Crashed;
    if (stopRequested() && signal == SIGTERM)
        state = State::Terminated;
    else if (stopRequested() && signal == SIGKILL)
        state = State::Killed;
    finish(state, -signal);
}

void ProcessWorker::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return;
    finish(State::FailedToStart, std::nullopt,
           QStringLiteral("%1: could not run %2: %3")
               .arg(name(), m_process->program(), m_process->errorString()));
}

bool ProcessWorker::doJoin(int msecs)
{
    m_process->waitForFinished(msecs);
    return isFinal(state());
}

Status ProcessWorker::doTerminate()
{
    m_process->terminate();
    if (!m_killTimer) {
        m_killTimer = new QTimer(this);
        m_killTimer->setSingleShot(true);
        connect(m_killTimer, &QTimer::timeout, this, [this] {
            if (m_process)
                m_process->kill();
        });
    }
    m_killTimer->start(terminateGraceMs());
    return Status::ok();
}

Status ProcessWorker::doKill()
{
    m_process->kill();
    return Status::ok();
}

} // namespace twinrun
