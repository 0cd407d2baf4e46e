#include "processworker.h"

#include "childmode.h"
#include "usageread.h"

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
    if (m_usagePipe >= 0)
        ::close(m_usagePipe);
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
    // The child's exact end figures. QProcess reaps its children itself (its forkfd's wait
    // keeps the rusage), and a child read from /proc just before it is reaped has already
    // given its memory back, so the child reports its own getrusage(RUSAGE_SELF) (CPU times,
    // context switches) and its own peak RSS (VmHWM: exec would carry this app's peak into
    // ru_maxrss) on this pipe just before it exits: one record, read once the
    // process has finished. A child killed by a signal reports nothing; its last live sample
    // stands in (ResourceUsage::exact false). The fd number travels in the environment and
    // the write end stays open across exec only in this child (close-on-exec is cleared there).
    int usagePipe[2] = {-1, -1};
    if (::pipe2(usagePipe, O_CLOEXEC) == 0) {
        m_usagePipe = usagePipe[0];
        ::fcntl(m_usagePipe, F_SETFL, O_NONBLOCK);
        environment.insert(QString::fromLatin1(kUsageFdVariable), QString::number(usagePipe[1]));
    }
    m_process->setProcessEnvironment(environment);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    const pid_t parentPid = ::getpid();
    const int usageFd = usagePipe[1];
    m_process->setChildProcessModifier([parentPid, usageFd] {
        // Never outlive the app: SIGKILL when our starting thread dies, and close the race
        // where the parent died before the request took effect.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parentPid)
            ::_exit(127);
        if (usageFd >= 0)
            ::fcntl(usageFd, F_SETFD, 0);
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
    if (usageFd >= 0)
        ::close(usageFd); // the child has its copy
    m_process->write(QJsonDocument(childSpec.toJson()).toJson(QJsonDocument::Compact));
    m_process->closeWriteChannel();
}

void ProcessWorker::onStarted()
{
    const qint64 pid = m_process->processId();
    setUsageProbe({UsageProbe::Kind::Process, pid});
    setRunning(static_cast<std::uint64_t>(pid), pid, pid);
}

void ProcessWorker::takeChildUsage()
{
    if (m_usagePipe < 0)
        return;
    ChildUsageRecord record;
    const ssize_t n = ::read(m_usagePipe, &record, sizeof record);
    ::close(m_usagePipe);
    m_usagePipe = -1;
    if (n != ssize_t(sizeof record))
        return; // it died before reporting
    setFinalUsage(fromRecord(record));
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
    takeChildUsage();
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

} // namespace twinrun
