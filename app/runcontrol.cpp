#include "runcontrol.h"

#include "clitext.h"
#include "unixsignals.h"
#include <twinrun/workerfactory.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>

#include <unistd.h>

namespace twinrun {

RunControl::RunControl(std::optional<double> timeoutSeconds, QObject* parent)
    : QObject(parent)
    , m_timeoutSeconds(timeoutSeconds)
    , m_out(STDOUT_FILENO, "stdout")
    , m_err(STDERR_FILENO, "stderr")
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        requestStop();
    });
    m_grace.setSingleShot(true);
    m_grace.setInterval(kStopGraceMs);
    connect(&m_grace, &QTimer::timeout, this, &RunControl::graceOver);
}

RunControl::~RunControl() = default;

void RunControl::start()
{
    ::signal(SIGPIPE, SIG_IGN);
    m_signals = new UnixSignals(this);
    connect(m_signals, &UnixSignals::received, this, [this](int signalNumber) {
        m_signal = signalNumber;
        requestStop();
    });
    if (m_timeoutSeconds)
        m_timeout.start(static_cast<int>(std::min(*m_timeoutSeconds * 1000.0, 2e9)));
}

bool RunControl::write(Channel channel, QByteArrayView data)
{
    OutputSink& sink = channel == Channel::Stdout ? m_out : m_err;
    if (!sink.write(data))
        fail(sink.errorText(), sink.error());
    return !sink.failed();
}

void RunControl::fail(const QString& message, int error)
{
    if (m_failure)
        return;
    m_failure = error;
    if (error != EPIPE)
        m_err.write(QStringLiteral("twinrun: %1\n").arg(message));
    requestStop();
}

int RunControl::exitStatus(int runsStatus) const
{
    if (m_signal)
        return 128 + m_signal;
    if (m_failure)
        return m_failure == EPIPE ? 128 + SIGPIPE : 1;
    if (m_timedOut)
        return 124;
    return runsStatus;
}

void RunControl::requestStop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_grace.start();
    Q_EMIT stopRequested();
}

QString leftBehindText(const QString& name)
{
    return QStringLiteral("twinrun: %1\n")
        .arg(CliRunText::tr("%1 is still running and cannot be killed (a thread can only stop "
                            "itself); leaving it behind")
                 .arg(name));
}

QList<Worker*> createRunWorkers(const RunRequest& request, QObject* parent)
{
    QList<Worker*> workers;
    for (Backend backend : request.backends) {
        Worker* worker = createWorker(backend, request.spec, parent);
        worker->setTerminateGraceMs(kStopGraceMs);
        workers << worker;
    }
    return workers;
}

void exitNowIfAnyAlive(const QList<Worker*>& workers, int status)
{
    if (std::none_of(workers.cbegin(), workers.cend(), [](Worker* w) { return w->isAlive(); }))
        return;
    std::fflush(stdout);
    std::fflush(stderr);
    ::_exit(status);
}

} // namespace twinrun
