#include "runcommand.h"

#include "clitext.h"
#include "runjson.h"
#include <twinrun/runcomparison.h>
#include <twinrun/runtext.h>
#include <twinrun/spillbuffer.h>

#include <algorithm>

namespace twinrun {

namespace {

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

RunCommand::RunCommand(const RunRequest& request, QObject* parent)
    : QObject(parent)
    , m_request(request)
    , m_control(request.timeoutSeconds)
{
    connect(&m_control, &RunControl::stopRequested, this, &RunCommand::stopAll);
    connect(&m_control, &RunControl::graceOver, this, &RunCommand::giveUpOnThreads);
}

RunCommand::~RunCommand() = default;

int RunCommand::exec()
{
    m_control.start();
    const QList<Worker*> workers = createRunWorkers(m_request, this);
    for (Worker* worker : workers) {
        auto run = std::make_unique<Run>();
        run->worker = worker;
        Run* r = run.get();
        connect(
            r->worker, &Worker::output, this,
            [this, r](Channel channel, const QByteArray& data) { onOutput(*r, channel, data); });
        connect(r->worker, &Worker::finished, this, [this, r] { onFinished(*r); });
        m_runs.push_back(std::move(run));
    }
    if (m_runs.size() == 2)
        m_comparison = new RunComparison(m_runs[0]->worker, m_runs[1]->worker, this);
    // A refused start ends its worker as FailedToStart at once: onFinished() reports it.
    for (const auto& run : m_runs)
        static_cast<void>(run->worker->start());
    if (!std::all_of(m_runs.cbegin(), m_runs.cend(), [this](const auto& r) { return isDone(*r); }))
        m_loop.exec();

    int status = 0;
    if (m_request.json) {
        for (const auto& run : m_runs) {
            writeOut(runJson(*run->worker, run->capture[0], run->capture[1], m_control.timedOut()));
        }
    }
    if (m_comparison) {
        printReadySections();
        status = verdictStatus();
    } else {
        status = exitStatusFor(*m_runs.front()->worker);
    }
    status = m_control.exitStatus(status);
    exitNowIfAnyAlive(workers, status);
    return status;
}

void RunCommand::onOutput(Run& run, Channel channel, const QByteArray& data)
{
    const int i = channelIndex(channel);
    run.bytes[i] += data.size();
    if (m_request.json) {
        run.capture[i].append(data);
    } else if (m_comparison) {
        if (!run.spool[i].append(data))
            m_control.fail(CliRunText::tr("cannot keep %1's output until it is printed: %2")
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
    return m_control.write(Channel::Stdout, data);
}

bool RunCommand::writeErr(QByteArrayView data)
{
    return m_control.write(Channel::Stderr, data);
}

void RunCommand::stopAll()
{
    // Processes end for sure (SIGKILL follows the grace); threads only if they listen, else
    // they are given up on once the grace is over.
    for (const auto& run : m_runs) {
        // Only a worker that has just ended refuses, and then there is nothing to stop.
        if (run->worker->isAlive())
            static_cast<void>(run->worker->terminate());
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
