#include "runcommand.h"
#include <twinrun/workerfactory.h>

#include "unixsignals.h"
#include <twinrun/comparison.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cerrno>
#include <cstdio>

#include <unistd.h>

namespace twinrun {

namespace {

// A stopped process gets this long between SIGTERM and SIGKILL; a thread this long to notice
// the stop request before it is reported as impossible to kill.
constexpr int kStopGraceMs = 2000;

void writeFd(int fd, const QByteArray& data)
{
    const char* p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, static_cast<size_t>(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        left -= n;
    }
}

void writeText(int fd, const QString& text)
{
    writeFd(fd, text.toUtf8());
}

QString describeEnd(const Worker& w)
{
    QString text = Worker::stateName(w.state());
    if (w.exitCode())
        text += QStringLiteral(", exit code %1").arg(*w.exitCode());
    return text + QStringLiteral(", %1 ms").arg(QString::number(w.durationNs() / 1e6, 'f', 1));
}

} // namespace

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
    , m_streaming(request.backends.size() == 1 && !request.json)
{
}

int RunCommand::exec()
{
    UnixSignals unixSignals;
    connect(&unixSignals, &UnixSignals::received, this, [this](int signalNumber) {
        m_signal = signalNumber;
        stopAll();
    });
    for (Backend backend : m_request.backends) {
        Worker* worker = createWorker(backend, m_request.spec, this);
        worker->setTerminateGraceMs(kStopGraceMs);
        m_runs.append({worker, {}, {}});
        const qsizetype index = m_runs.size() - 1;
        connect(worker, &Worker::output, this,
                [this, index](Channel channel, const QByteArray& data) {
                    if (m_streaming)
                        writeFd(channel == Channel::Stdout ? STDOUT_FILENO : STDERR_FILENO, data);
                    else
                        (channel == Channel::Stdout ? m_runs[index].out : m_runs[index].err)
                            .append(data);
                });
        connect(worker, &Worker::finished, this, &RunCommand::onFinished);
    }
    QTimer timeout;
    if (m_request.timeoutSeconds) {
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            stopAll();
        });
        timeout.start(static_cast<int>(std::min(*m_request.timeoutSeconds * 1000.0, 2e9)));
    }
    for (const Run& run : m_runs) {
        if (const Status started = run.worker->start(); !started)
            writeText(STDERR_FILENO, QStringLiteral("twinrun: %1\n").arg(started.message()));
    }
    if (!std::all_of(m_runs.cbegin(), m_runs.cend(),
                     [](const Run& r) { return Worker::isFinal(r.worker->state()); }))
        m_loop.exec();

    const bool abandoned = std::any_of(m_runs.cbegin(), m_runs.cend(),
                                       [](const Run& r) { return r.worker->isAlive(); });
    int status = 0;
    if (m_request.json) {
        for (const Run& run : m_runs)
            printJson(run);
        status = m_runs.size() == 2 ? printBoth() : exitStatusFor(*m_runs.constFirst().worker);
    } else if (m_runs.size() == 2) {
        status = printBoth();
    } else {
        const Worker& w = *m_runs.constFirst().worker;
        if (w.state() == Worker::State::FailedToStart)
            writeText(STDERR_FILENO, QStringLiteral("twinrun: %1\n").arg(w.errorString()));
        status = exitStatusFor(w);
    }
    if (m_timedOut)
        status = 124;
    if (m_signal)
        status = 128 + m_signal;
    if (abandoned) {
        // A thread that ignores stop requests cannot be killed; leave without waiting for it.
        std::fflush(stdout);
        std::fflush(stderr);
        ::_exit(status);
    }
    return status;
}

void RunCommand::stopAll()
{
    bool threadsLeft = false;
    for (const Run& run : m_runs) {
        if (!run.worker->isAlive())
            continue;
        (void)run.worker->terminate();
        threadsLeft |= run.worker->backend() == Backend::Thread;
    }
    if (!threadsLeft)
        return;
    QTimer::singleShot(kStopGraceMs, this, [this] {
        for (const Run& run : m_runs) {
            if (run.worker->stillRunningAfterStop())
                writeText(STDERR_FILENO,
                          QStringLiteral("twinrun: %1 is still running and cannot be killed (a "
                                         "thread can only stop itself); leaving it behind\n")
                              .arg(run.worker->name()));
        }
        m_loop.quit();
    });
}

void RunCommand::onFinished()
{
    for (const Run& run : m_runs) {
        if (!Worker::isFinal(run.worker->state()))
            return;
    }
    m_loop.quit();
}

int RunCommand::printBoth()
{
    const Run& thread = m_runs.at(0);
    const Run& process = m_runs.at(1);
    if (!m_request.json) {
        for (const Run& run : m_runs) {
            const QString header = QStringLiteral("== %1 %2: %3 ==\n")
                                       .arg(backendName(run.worker->backend()), run.worker->name(),
                                            describeEnd(*run.worker));
            writeText(STDOUT_FILENO, header);
            writeFd(STDOUT_FILENO, run.out);
            if (!run.err.isEmpty()) {
                writeText(STDERR_FILENO, header);
                writeFd(STDERR_FILENO, run.err);
            }
            if (run.worker->state() == Worker::State::FailedToStart)
                writeText(STDERR_FILENO,
                          QStringLiteral("twinrun: %1\n").arg(run.worker->errorString()));
        }
    }
    const Comparison comparison =
        compareRuns({thread.out, thread.err, thread.worker->exitCode()},
                    {process.out, process.err, process.worker->exitCode()});
    const bool bothOk = thread.worker->state() == Worker::State::Finished &&
                        process.worker->state() == Worker::State::Finished;
    if (!m_request.json) {
        const QString timing =
            QStringLiteral("thread %1 ms, process %2 ms")
                .arg(QString::number(thread.worker->durationNs() / 1e6, 'f', 1),
                     QString::number(process.worker->durationNs() / 1e6, 'f', 1));
        writeText(STDOUT_FILENO, QStringLiteral("%1 (%2)\n").arg(comparison.summary(), timing));
    }
    return comparison.identical && bothOk ? 0 : 1;
}

void RunCommand::printJson(const Run& run) const
{
    const Worker& w = *run.worker;
    QJsonArray args;
    for (const Value& v : w.spec().args)
        args.append(v.toJson());
    QJsonObject kwargs;
    for (const auto& [key, value] : w.spec().kwargs)
        kwargs.insert(key, value.toJson());
    QJsonObject object{
        {QStringLiteral("name"), w.name()},
        {QStringLiteral("backend"), backendName(w.backend())},
        {QStringLiteral("target"), w.spec().target},
        {QStringLiteral("args"), args},
        {QStringLiteral("kwargs"), kwargs},
        {QStringLiteral("daemon"), w.isDaemon()},
        {QStringLiteral("start_method"), w.backend() == Backend::Process
                                             ? QJsonValue(startMethodName(w.spec().startMethod))
                                             : QJsonValue()},
        {QStringLiteral("state"), Worker::stateName(w.state())},
        {QStringLiteral("exit_code"), w.exitCode() ? QJsonValue(*w.exitCode()) : QJsonValue()},
        {QStringLiteral("pid"), static_cast<qint64>(w.pid())},
        {QStringLiteral("ident"), QString::number(w.ident())},
        {QStringLiteral("native_id"), static_cast<qint64>(w.nativeId())},
        {QStringLiteral("start_time"), w.startTime().toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration_ms"), w.durationNs() / 1e6},
        {QStringLiteral("stdout"), QString::fromUtf8(run.out)},
        {QStringLiteral("stderr"), QString::fromUtf8(run.err)},
    };
    if (!w.errorString().isEmpty())
        object.insert(QStringLiteral("error"), w.errorString());
    if (m_timedOut)
        object.insert(QStringLiteral("timed_out"), true);
    writeFd(STDOUT_FILENO, QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace twinrun
