#include "runcommand.h"

#include "clitext.h"
#include "runjson.h"
#include "unixsignals.h"
#include <twinrun/runcomparison.h>
#include <twinrun/runtext.h>
#include <twinrun/spillbuffer.h>
#include <twinrun/workerfactory.h>

#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>

#include <unistd.h>

namespace twinrun {

namespace {

// A stopped process gets this long between SIGTERM and SIGKILL; a thread this long to notice
// the stop request before it is reported as impossible to kill.
constexpr qsizetype kCopyBytes = 256 * 1024;

int channelIndex(Channel channel)
{
    return channel == Channel::Stdout ? 0 : 1;
}

} // namespace

struct RunCommand::Run {
    Worker* worker = nullptr;
    SpillBuffer spool[2];     // --as both: stdout, stderr until the section is printed
    CappedCapture capture[2]; // --json
    qint64 bytes[2] = {0, 0};
};

int exitStatusFor(const Worker& worker)
{
    if (worker.state() == Worker::State::FailedToStart || !worker.exitCode())
        return 1;
    const int code = *worker.exitCode();
    return code < 0 ? 128 - code : code;
}

QString leftBehindText(const QString& name)
{
    return QStringLiteral("twinrun: %1\n")
        .arg(CliRunText::tr("%1 is still running and cannot be killed (a thread can only stop "
                            "itself); leaving it behind")
                 .arg(name));
}

RunCommand::RunCommand(const RunRequest& request, QObject* parent)
    : QObject(parent)
    , m_request(request)
    , m_out(STDOUT_FILENO, "stdout")
    , m_err(STDERR_FILENO, "stderr")
{
}

RunCommand::~RunCommand() = default;

int RunCommand::exec()
{
    // A closed pipe is EPIPE for every backend and start method, never a silent death that
    // leaves workers behind (spawning would set SIGPIPE to ignored anyway).
    ::signal(SIGPIPE, SIG_IGN);
    UnixSignals unixSignals;
    connect(&unixSignals, &UnixSignals::received, this, [this](int signalNumber) {
        m_signal = signalNumber;
        stopAll();
    });
    for (Backend backend : m_request.backends) {
        auto run = std::make_unique<Run>();
        run->worker = createWorker(backend, m_request.spec, this);
        run->worker->setTerminateGraceMs(kStopGraceMs);
        Run* r = run.get();
        connect(
            r->worker, &Worker::output, this,
            [this, r](Channel channel, const QByteArray& data) { onOutput(*r, channel, data); });
        connect(r->worker, &Worker::finished, this, [this, r] { onFinished(*r); });
        m_runs.push_back(std::move(run));
    }
    if (m_runs.size() == 2)
        m_comparison = new RunComparison(m_runs[0]->worker, m_runs[1]->worker, this);
    QTimer timeout;
    if (m_request.timeoutSeconds) {
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            stopAll();
        });
        timeout.start(static_cast<int>(std::min(*m_request.timeoutSeconds * 1000.0, 2e9)));
    }
    // A refused start ends its worker as FailedToStart at once: onFinished() reports it.
    for (const auto& run : m_runs)
        static_cast<void>(run->worker->start());
    if (!std::all_of(m_runs.cbegin(), m_runs.cend(), [this](const auto& r) { return isDone(*r); }))
        m_loop.exec();

    int status = 0;
    if (m_request.json) {
        for (const auto& run : m_runs) {
            writeOut(runJson(*run->worker, run->capture[0], run->capture[1], m_timedOut));
        }
    }
    if (m_comparison) {
        printReadySections();
        status = verdictStatus();
    } else {
        status = exitStatusFor(*m_runs.front()->worker);
    }
    status = exitStatus(status);
    if (std::any_of(m_runs.cbegin(), m_runs.cend(),
                    [](const auto& r) { return r->worker->isAlive(); })) {
        // A thread that ignores stop requests cannot be killed; leave without waiting for it.
        std::fflush(stdout);
        std::fflush(stderr);
        ::_exit(status);
    }
    return status;
}

int RunCommand::exitStatus(int workersStatus) const
{
    if (m_signal)
        return 128 + m_signal;
    if (m_failure)
        return m_failure == EPIPE ? 128 + SIGPIPE : 1;
    if (m_timedOut)
        return 124;
    return workersStatus;
}

void RunCommand::onOutput(Run& run, Channel channel, const QByteArray& data)
{
    const int i = channelIndex(channel);
    run.bytes[i] += data.size();
    if (m_request.json) {
        run.capture[i].append(data);
    } else if (m_comparison) {
        if (!run.spool[i].append(data))
            fail(CliRunText::tr("cannot keep %1's output until it is printed: %2")
                     .arg(run.worker->name(), run.spool[i].errorString()),
                 -1);
    } else {
        static_cast<void>(channel == Channel::Stdout ? writeOut(data) : writeErr(data));
    }
}

void RunCommand::onFinished(Run& run)
{
    // In a section, with --as both: after that run's output.
    if (!m_comparison || m_request.json)
        reportError(run);
    printReadySections();
    maybeQuit();
}

void RunCommand::reportError(const Run& run)
{
    // What went wrong outside the target (could not start, the fork server ended): the target's
    // own errors are already on its stderr.
    if (!run.worker->errorString().isEmpty())
        writeErr(QStringLiteral("twinrun: %1\n").arg(run.worker->errorString()).toUtf8());
}

bool RunCommand::writeOut(QByteArrayView data)
{
    if (!m_out.write(data))
        fail(m_out.errorText(), m_out.error());
    return !m_out.failed();
}

bool RunCommand::writeErr(QByteArrayView data)
{
    if (!m_err.write(data))
        fail(m_err.errorText(), m_err.error());
    return !m_err.failed();
}

void RunCommand::fail(const QString& message, int error)
{
    if (m_failure)
        return;
    m_failure = error;
    // A closed pipe is the reader's choice (`| head`): stop quietly, as Unix tools do.
    if (error != EPIPE)
        m_err.write(QStringLiteral("twinrun: %1\n").arg(message));
    stopAll();
}

void RunCommand::stopAll()
{
    if (!m_stopping) {
        m_stopping = true;
        bool threadsLeft = false;
        for (const auto& run : m_runs) {
            if (!run->worker->isAlive())
                continue;
            // Only a worker that has just ended refuses, and then there is nothing to stop.
            static_cast<void>(run->worker->terminate());
            threadsLeft |= run->worker->backend() == Backend::Thread;
        }
        // Processes end for sure (SIGKILL follows the grace); threads only if they listen.
        if (threadsLeft)
            QTimer::singleShot(kStopGraceMs, this, &RunCommand::giveUpOnThreads);
    }
    maybeQuit();
}

void RunCommand::giveUpOnThreads()
{
    for (const auto& run : m_runs) {
        if (run->worker->backend() == Backend::Thread && run->worker->isAlive())
            writeErr(leftBehindText(run->worker->name()).toUtf8());
    }
    m_gaveUpOnThreads = true;
    printReadySections();
    maybeQuit();
}

bool RunCommand::isDone(const Run& run) const
{
    return Worker::isFinal(run.worker->state()) ||
           (m_gaveUpOnThreads && run.worker->backend() == Backend::Thread);
}

void RunCommand::maybeQuit()
{
    if (std::all_of(m_runs.cbegin(), m_runs.cend(), [this](const auto& r) { return isDone(*r); }))
        m_loop.quit();
}

void RunCommand::printReadySections()
{
    if (!m_comparison || m_request.json)
        return;
    // In order, thread first, each as soon as it and those before it are done.
    while (m_printed < m_runs.size() && isDone(*m_runs[m_printed]))
        printSection(*m_runs[m_printed++]);
}

void RunCommand::printSection(Run& run)
{
    const Worker& w = *run.worker;
    const QByteArray header = QStringLiteral("== %1 %2: %3 ==\n")
                                  .arg(backendName(w.backend()), w.name(), runEndText(w))
                                  .toUtf8();
    for (int i = 0; i < 2; ++i) {
        const auto write = [this, i](QByteArrayView data) {
            return i == 0 ? writeOut(data) : writeErr(data);
        };
        if (i == 0 || run.bytes[i] > 0) {
            bool ok = write(header);
            while (ok && !run.spool[i].isEmpty())
                ok = write(run.spool[i].take(kCopyBytes));
        }
        run.spool[i].clear();
    }
    reportError(run);
}

int RunCommand::verdictStatus()
{
    const Comparison comparison = m_comparison->result();
    if (!m_request.json) {
        const QString timing =
            CliRunText::tr("thread %1; process %2")
                .arg(runTimeText(*m_runs[0]->worker), runTimeText(*m_runs[1]->worker));
        writeOut(QStringLiteral("%1 (%2)\n").arg(comparison.summary(), timing).toUtf8());
    }
    const bool bothOk = std::all_of(m_runs.cbegin(), m_runs.cend(), [](const auto& r) {
        return r->worker->state() == Worker::State::Finished;
    });
    return comparison.identical && bothOk ? 0 : 1;
}

} // namespace twinrun
