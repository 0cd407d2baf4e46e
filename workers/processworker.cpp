#include "processworker.h"

#include "childmode.h"

#include <twinrun/workerprogram.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <span>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
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
        ForkServer* server = ForkServer::instance();
        if (isAlive())
            server->signal(m_forkId, SIGKILL); // the fork server reaps it
        server->forget(m_forkId);
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

namespace {

// QProcess reports a launch that ran out of file descriptors as "No such file or directory":
// this checks, after such a failure, so the worker says what really happened. A spawn needs about 8
// at once (three pipes, a pidfd, a notifier's); the check opens and closes that many.
QString descriptorShortage()
{
    constexpr int kNeeded = 8;
    int fds[kNeeded];
    int opened = 0;
    int error = 0;
    for (; opened < kNeeded; ++opened) {
        fds[opened] = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fds[opened] < 0) {
            error = errno;
            break;
        }
    }
    for (int i = 0; i < opened; ++i)
        ::close(fds[i]);
    if (error != EMFILE && error != ENFILE)
        return {};
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    return QStringLiteral("%1 (a process worker needs %2 free file descriptors; the limit, "
                          "ulimit -n, is %3)")
        .arg(QString::fromLocal8Bit(std::strerror(error)))
        .arg(kNeeded)
        .arg(static_cast<qulonglong>(limit.rlim_cur));
}

} // namespace

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
    // Asked only once a launch failed, off the launch path: QProcess has given back what it
    // took, so the shortage it met is still there to see.
    if (const QString shortage = descriptorShortage(); !shortage.isEmpty()) {
        finish(State::FailedToStart, std::nullopt,
               QStringLiteral("%1: cannot start a process: %2").arg(name(), shortage));
        return;
    }
    finish(State::FailedToStart, std::nullopt,
           QStringLiteral("%1: could not run %2: %3")
               .arg(name(), m_process->program(), m_process->errorString()));
}

bool ProcessWorker::doJoin(int msecs)
{
    if (spec().startMethod == StartMethod::ForkServer)
        return joinForked(msecs);
    if (m_process)
        m_process->waitForFinished(msecs);
    return isFinal(state());
}

bool ProcessWorker::joinForked(int msecs)
{
    const QDeadlineTimer deadline =
        msecs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(msecs);
    ForkServer* server = ForkServer::instance();
    for (;;) {
        readForkedPipes(false); // a child blocked on a full pipe would never exit
        if (isFinal(state()))
            return true;
        const qint64 left = deadline.remainingTime();
        if (left == 0)
            return false;
        int open[2];
        std::size_t count = 0;
        for (int i = 0; i < 2; ++i) {
            if (m_pipeOpen[i])
                open[count++] = m_pipes[i];
        }
        server->waitForActivity(left < 0 ? 100 : int(std::min<qint64>(left, 100)),
                                std::span<const int>(open, count));
    }
}

void ProcessWorker::sendSignal(int signal)
{
    if (m_forkId) {
        ForkServer::instance()->signal(m_forkId, signal); // never to a pid it reaped
    } else if (m_process) {
        if (signal == SIGKILL)
            m_process->kill();
        else
            m_process->terminate();
    }
}

Status ProcessWorker::doTerminate()
{
    sendSignal(SIGTERM);
    if (!m_killTimer) {
        // The grace period runs from the first terminate(): asking again does not extend it.
        m_killTimer = new QTimer(this);
        m_killTimer->setSingleShot(true);
        m_killTimer->setTimerType(Qt::PreciseTimer); // never before the grace period is over
        connect(m_killTimer, &QTimer::timeout, this, [this] {
            if (isAlive())
                sendSignal(SIGKILL);
        });
        m_killTimer->start(terminateGraceMs());
    }
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
    const auto cannotPipe = [this] {
        finish(State::FailedToStart, std::nullopt,
               QStringLiteral("%1: cannot create a pipe: %2")
                   .arg(name(), QString::fromLocal8Bit(std::strerror(errno))));
    };
    if (::pipe2(out, O_CLOEXEC) != 0)
        return cannotPipe();
    if (::pipe2(err, O_CLOEXEC) != 0) {
        cannotPipe();
        ::close(out[0]);
        ::close(out[1]);
        return;
    }
    m_pipes[0] = out[0];
    m_pipes[1] = err[0];
    m_pipeOpen[0] = m_pipeOpen[1] = true;
    WorkerSpec childSpec = spec();
    childSpec.name = name();
    // The write ends go to the server, which closes them once sent.
    const Status sent = ForkServer::instance()->launch(
        QJsonDocument(childSpec.toJson()).toJson(QJsonDocument::Compact), out[1], err[1], this,
        &m_forkId);
    if (!sent) {
        closeForkedPipes();
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

void ProcessWorker::forkStarted(qint64 pid)
{
    setRunning(static_cast<std::uint64_t>(pid), pid, pid);
}

void ProcessWorker::forkExited(int waitStatus)
{
    if (m_killTimer)
        m_killTimer->stop();
    readForkedPipes(true);
    closeForkedPipes();
    if (WIFSIGNALED(waitStatus)) {
        finishBySignal(WTERMSIG(waitStatus));
        return;
    }
    const int code = WEXITSTATUS(waitStatus);
    finish(code == 0 ? State::Finished : State::Failed, code);
}

void ProcessWorker::forkFailed(const QString& error)
{
    if (m_killTimer)
        m_killTimer->stop();
    readForkedPipes(true);
    closeForkedPipes();
    // A started child died with its server (PR_SET_PDEATHSIG): SIGKILL nobody here sent.
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
    while (m_pipeOpen[index]) {
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
        if (n == 0) {
            m_pipeOpen[index] = false; // end of output: no more wake-ups
            if (m_notifiers[index])
                m_notifiers[index]->setEnabled(false);
        }
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
        m_pipeOpen[i] = false;
    }
}

} // namespace twinrun
