#include "processworker.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

// The forkserver start method's side of ProcessWorker: the launch through ForkServer, its
// reports, and the output pipes read directly.
namespace twinrun {

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
    setUsageProbe({UsageProbe::Kind::Process, pid});
    setRunning(static_cast<std::uint64_t>(pid), pid, pid);
}

void ProcessWorker::forkExited(int waitStatus, const ResourceUsage& usage)
{
    if (m_killTimer)
        m_killTimer->stop();
    setFinalUsage(usage);
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
