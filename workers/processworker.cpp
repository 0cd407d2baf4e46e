#include "processworker.h"

#include "childmode.h"
#include "forkserver.h"

#include <twinrun/workerprogram.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>

#include <atomic>

#include <cerrno>

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace twinrun {

namespace {
std::atomic<int> processCounter{0};

QString defaultProcessName()
{
    // Python numbers every Process, named or not.
    return QStringLiteral("Process-%1").arg(++processCounter);
}
} // namespace

ProcessWorker::ProcessWorker(const WorkerSpec& spec, QObject* parent)
    : Worker(Backend::Process, spec, defaultProcessName(), parent)
{
}

ProcessWorker::~ProcessWorker()
{
    if (m_forkId) {
        if (isAlive() && m_forkPid > 0)
            ::kill(static_cast<pid_t>(m_forkPid), SIGKILL); // the fork server reaps it
        closeForkedPipes();
        return;
    }
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
    if (qEnvironmentVariableIsSet(kWorkerChildMarker)) {
        // This program was started as a worker's child, but its main() ran instead of the
        // child mode: starting processes here would fork without end.
        finish(State::FailedToStart, std::nullopt,
               QStringLiteral("%1: this program was started as a TwinRun process worker (by pid "
                              "%2) but its main() did not call twinrun::runWorkerIfChild(argc, "
                              "argv) first; refusing to start more processes")
                   .arg(name(), qEnvironmentVariable(kWorkerChildMarker)));
        return;
    }
    if (spec().startMethod == StartMethod::ForkServer)
        startForked();
    else
        startSpawned();
}

void ProcessWorker::startSpawned()
{
    m_process = new QProcess(this);
    m_process->setProgram(workerProgram());
    m_process->setArguments({QString::fromLatin1(kChildFlag)});
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kWorkerChildMarker), QString::number(::getpid()));
    m_process->setProcessEnvironment(environment);
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
    finishBySignal(exitCode);
}

void ProcessWorker::finishBySignal(int signal)
{
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
    if (!m_forkId) {
        m_process->waitForFinished(msecs);
        return isFinal(state());
    }
    const QDeadlineTimer deadline =
        msecs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(msecs);
    while (!isFinal(state())) {
        readForkedPipes(false); // a child blocked on a full pipe would never exit
        const qint64 left = deadline.remainingTime();
        if (left == 0)
            return false;
        ForkServer::instance()->waitForReplies(left < 0 ? 10 : int(std::min<qint64>(left, 10)));
    }
    return true;
}

void ProcessWorker::sendSignal(int signal)
{
    if (!m_forkId) {
        if (signal == SIGKILL)
            m_process->kill();
        else
            m_process->terminate();
    } else if (m_forkPid > 0) {
        ::kill(static_cast<pid_t>(m_forkPid), signal);
    } else {
        m_pendingSignal = signal; // sent as soon as the fork server reports the pid
    }
}

Status ProcessWorker::doTerminate()
{
    sendSignal(SIGTERM);
    if (!m_killTimer) {
        m_killTimer = new QTimer(this);
        m_killTimer->setSingleShot(true);
        connect(m_killTimer, &QTimer::timeout, this, [this] {
            if (isAlive())
                sendSignal(SIGKILL);
        });
    }
    m_killTimer->start(terminateGraceMs());
    return Status::ok();
}

Status ProcessWorker::doKill()
{
    sendSignal(SIGKILL);
    return Status::ok();
}

void ProcessWorker::startForked()
{
    int out[2];
    int err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        finish(State::FailedToStart, std::nullopt,
               QStringLiteral("%1: cannot create a pipe").arg(name()));
        return;
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        finish(State::FailedToStart, std::nullopt,
               QStringLiteral("%1: cannot create a pipe").arg(name()));
        return;
    }
    ForkServer* server = ForkServer::instance();
    connect(server, &ForkServer::started, this, &ProcessWorker::onForkStarted);
    connect(server, &ForkServer::exited, this, &ProcessWorker::onForkExited);
    connect(server, &ForkServer::failed, this, &ProcessWorker::onForkFailed);
    WorkerSpec childSpec = spec();
    childSpec.name = name();
    const Status sent =
        server->launch(QJsonDocument(childSpec.toJson()).toJson(QJsonDocument::Compact), out[1],
                       err[1], &m_forkId);
    ::close(out[1]);
    ::close(err[1]);
    m_pipes[0] = out[0];
    m_pipes[1] = err[0];
    if (!sent) {
        closeForkedPipes();
        m_forkId = 0;
        server->disconnect(this);
        finish(State::FailedToStart, std::nullopt,
               QStringLiteral("%1: %2").arg(name(), sent.message()));
        return;
    }
    for (int i = 0; i < 2; ++i) {
        ::fcntl(m_pipes[i], F_SETFL, ::fcntl(m_pipes[i], F_GETFL) | O_NONBLOCK);
        m_notifiers[i] = new QSocketNotifier(m_pipes[i], QSocketNotifier::Read, this);
        connect(m_notifiers[i], &QSocketNotifier::activated, this,
                [this, i] { readForkedPipe(i, false); });
    }
}

void ProcessWorker::onForkStarted(std::uint64_t id, qint64 pid)
{
    if (id != m_forkId)
        return;
    m_forkPid = pid;
    setRunning(static_cast<std::uint64_t>(pid), pid, pid);
    if (m_pendingSignal)
        ::kill(static_cast<pid_t>(pid), std::exchange(m_pendingSignal, 0));
}

void ProcessWorker::onForkExited(std::uint64_t id, int waitStatus)
{
    if (id != m_forkId)
        return;
    if (m_killTimer)
        m_killTimer->stop();
    readForkedPipes(true);
    closeForkedPipes();
    ForkServer::instance()->disconnect(this);
    if (WIFSIGNALED(waitStatus)) {
        finishBySignal(WTERMSIG(waitStatus));
        return;
    }
    const int code = WEXITSTATUS(waitStatus);
    finish(code == 0 ? State::Finished : State::Failed, code);
}

void ProcessWorker::onForkFailed(std::uint64_t id, const QString& error)
{
    if (id != m_forkId)
        return;
    readForkedPipes(true);
    closeForkedPipes();
    ForkServer::instance()->disconnect(this);
    if (state() == State::Running)
        finish(State::Crashed, -SIGKILL, QStringLiteral("%1: %2").arg(name(), error));
    else
        finish(State::FailedToStart, std::nullopt, QStringLiteral("%1: %2").arg(name(), error));
}

void ProcessWorker::readForkedPipes(bool toEnd)
{
    readForkedPipe(0, toEnd);
    readForkedPipe(1, toEnd);
}

void ProcessWorker::readForkedPipe(int index, bool toEnd)
{
    constexpr qsizetype kReadBytes = 64 * 1024;
    QByteArray data;
    while (m_pipes[index] >= 0) {
        const qsizetype old = data.size();
        data.resize(old + kReadBytes);
        const ssize_t n = ::read(m_pipes[index], data.data() + old, kReadBytes);
        data.resize(old + std::max<qsizetype>(n, 0));
        if (n > 0) {
            if (!toEnd && data.size() >= kReadBytes)
                break; // let the event loop breathe; the notifier fires again
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 && m_notifiers[index])
            m_notifiers[index]->setEnabled(false); // end of output: no more wake-ups
        break;
    }
    if (!data.isEmpty())
        emitOutput({{index == 0 ? Channel::Stdout : Channel::Stderr, data}});
}

void ProcessWorker::closeForkedPipes()
{
    for (int i = 0; i < 2; ++i) {
        delete m_notifiers[i];
        m_notifiers[i] = nullptr;
        if (m_pipes[i] >= 0)
            ::close(m_pipes[i]);
        m_pipes[i] = -1;
    }
}

} // namespace twinrun
