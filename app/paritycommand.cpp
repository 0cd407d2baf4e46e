#include "paritycommand.h"

#include "clitext.h"
#include <twinrun/echo.h>
#include <twinrun/paritylaunch.h>
#include <twinrun/runtext.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace twinrun {

namespace {

constexpr qsizetype kCopyBytes = 256 * 1024;

int channelIndex(Channel channel)
{
    return channel == Channel::Stdout ? 0 : 1;
}

// The command line's words for what is printed after the runs (one home for each).
QString pairLine(const QString& a, const QString& b, const QString& verdict)
{
    return QStringLiteral("%1 vs %2: %3\n").arg(a, b, verdict);
}
QString differingLineText(const QString& run, const QString& channel, qsizetype line,
                          const QString& text)
{
    return QStringLiteral("  %1\n").arg(
        CliRunText::tr("%1, %2 line %3: %4").arg(run, channel).arg(line).arg(text));
}
QString noSuchLine()
{
    return CliRunText::tr("(no such line)");
}
QString lineNotKept()
{
    return CliRunText::tr("(past the first 1 MiB, not kept)");
}
// Each run's "wall, CPU cpu" (runTimeText), runs apart by "; ".
QString timesLine(const QStringList& times)
{
    return CliRunText::tr("times: %1").arg(times.join(QStringLiteral("; "))) + QLatin1Char('\n');
}

} // namespace

ParityCommand::ParityCommand(const RunRequest& request, const PythonSetup& python, QObject* parent)
    : QObject(parent)
    , m_request(request)
    , m_python(python)
    , m_control(request.timeoutSeconds)
{
    connect(&m_control, &RunControl::stopRequested, this, &ParityCommand::stopAll);
    connect(&m_control, &RunControl::graceOver, this, &ParityCommand::giveUp);
}

ParityCommand::~ParityCommand() = default;

int ParityCommand::exec()
{
    m_control.start();
    const QList<Worker*> workers = createRunWorkers(m_request, this);
    m_launch = new ParityLaunch(m_request.spec, workers, m_request.backends, this);
    for (int i = 0; i < m_launch->runCount(); ++i) {
        m_runs.push_back(std::make_unique<Run>());
        if (PythonRun* python = m_launch->pythonRun(i))
            python->setTerminateGraceMs(kStopGraceMs);
    }
    connect(m_launch, &ParityLaunch::output, this, &ParityCommand::onOutput);
    connect(m_launch, &ParityLaunch::runFinished, this, [this] {
        printReady();
        maybeQuit();
    });
    for (Worker* worker : workers)
        static_cast<void>(worker->start());
    m_launch->startPython(m_python);
    m_loop.exec();

    if (m_request.json) {
        for (int i = 0; i < m_launch->runCount(); ++i)
            m_control.write(Channel::Stdout, runObject(i));
        m_control.write(Channel::Stdout, comparisonsObject());
    } else {
        printReady();
        printVerdicts();
    }
    const int status = m_control.exitStatus(m_launch->agrees() ? 0 : 1);
    exitNowIfAnyAlive(workers, status);
    return status;
}

void ParityCommand::onOutput(int run, Channel channel, const QByteArray& data)
{
    Run& r = *m_runs[run];
    const int i = channelIndex(channel);
    r.capture[i].append(data);
    if (!m_request.json && !r.spool[i].append(data))
        m_control.fail(CliRunText::tr("cannot keep %1's output until it is printed: %2")
                           .arg(m_launch->name(run), r.spool[i].errorString()),
                       -1);
}

bool ParityCommand::isDone(int run) const
{
    return m_launch->hasEnded(run) || (m_gaveUp && m_launch->kind(run) == RunKind::Thread);
}

void ParityCommand::maybeQuit()
{
    for (int i = 0; i < m_launch->runCount(); ++i) {
        if (!isDone(i))
            return;
    }
    m_loop.quit();
}

void ParityCommand::printReady()
{
    if (m_request.json)
        return;
    for (int i = 0; i < m_launch->runCount() && isDone(i); ++i) {
        if (!m_runs[i]->printed)
            printSection(i);
    }
}

void ParityCommand::printSection(int run)
{
    Run& r = *m_runs[run];
    r.printed = true;
    const QByteArray header =
        QStringLiteral("== %1 %2: %3 ==\n")
            .arg(runKindText(m_launch->kind(run)), m_launch->name(run), m_launch->endText(run))
            .toUtf8();
    for (int i = 0; i < 2; ++i) {
        const Channel channel = i == 0 ? Channel::Stdout : Channel::Stderr;
        if (i == 0 || r.capture[i].totalBytes() > 0) {
            bool ok = m_control.write(channel, header);
            while (ok && !r.spool[i].isEmpty())
                ok = m_control.write(channel, r.spool[i].take(kCopyBytes));
        }
        r.spool[i].clear();
    }
    if (const QString error = m_launch->errorString(run);
        !error.isEmpty() && m_launch->end(run).state == QLatin1String("failed to start"))
        m_control.write(Channel::Stderr, QStringLiteral("twinrun: %1\n").arg(error).toUtf8());
}

QString ParityCommand::differingLine(int run, Channel channel, qsizetype line) const
{
    const CappedCapture& capture = m_runs[run]->capture[channelIndex(channel)];
    const QByteArray text = capture.text();
    qsizetype start = 0;
    for (qsizetype n = 1; n < line; ++n) {
        start = text.indexOf('\n', start);
        if (start < 0)
            return capture.truncated() ? lineNotKept() : noSuchLine();
        ++start;
    }
    if (start >= text.size())
        return capture.truncated() ? lineNotKept() : noSuchLine();
    const qsizetype end = text.indexOf('\n', start);
    return echoInput(QString::fromUtf8(text.mid(start, end < 0 ? -1 : end - start)));
}

void ParityCommand::printVerdicts()
{
    QByteArray text;
    for (const ParityLaunch::Pair& p : m_launch->pairs()) {
        const QString a = runKindTitleText(m_launch->kind(p.a));
        const QString b = runKindTitleText(m_launch->kind(p.b));
        text += pairLine(a, b, p.verdict.shownText).toUtf8();
        if (p.verdict.kind != PairVerdict::Kind::Different)
            continue;
        // The first differing line of each channel that really differs, as each run wrote it.
        for (Channel channel : {Channel::Stdout, Channel::Stderr}) {
            const qsizetype line =
                channel == Channel::Stdout ? p.verdict.firstStdoutDiff : p.verdict.firstStderrDiff;
            const QString name =
                channel == Channel::Stdout ? QStringLiteral("stdout") : QStringLiteral("stderr");
            if (!line || !p.verdict.text.contains(name)) // the English text names the channel
                continue;
            for (int run : {p.a, p.b})
                text += differingLineText(runKindTitleText(m_launch->kind(run)), name, line,
                                          differingLine(run, channel, line))
                            .toUtf8();
        }
    }
    QStringList times;
    for (int i = 0; i < m_launch->runCount(); ++i)
        times << runKindTitleText(m_launch->kind(i)) + QLatin1Char(' ') + m_launch->timeText(i);
    text += timesLine(times).toUtf8();
    m_control.write(Channel::Stdout, text);
}

QByteArray ParityCommand::runObject(int run) const
{
    const Run& r = *m_runs[run];
    if (Worker* worker = m_launch->worker(run))
        return runJson(*worker, r.capture[0], r.capture[1], m_control.timedOut());
    const PythonRun* python = m_launch->pythonRun(run);
    QJsonObject object = python->report();
    if (object.isEmpty()) {
        object = {{QStringLiteral("name"), m_launch->name(run)},
                  {QStringLiteral("backend"), runKindName(python->kind())},
                  {QStringLiteral("target"), m_request.spec.target},
                  {QStringLiteral("state"), python->state()},
                  {QStringLiteral("exit_code"), QJsonValue()}};
        if (!python->errorData().isEmpty())
            object.insert(QStringLiteral("error"), python->errorData());
    }
    object.insert(QStringLiteral("stdout"), QString::fromUtf8(r.capture[0].text()));
    object.insert(QStringLiteral("stderr"), QString::fromUtf8(r.capture[1].text()));
    object.insert(QStringLiteral("stdout_bytes"), r.capture[0].totalBytes());
    object.insert(QStringLiteral("stderr_bytes"), r.capture[1].totalBytes());
    if (r.capture[0].truncated())
        object.insert(QStringLiteral("stdout_truncated"), true);
    if (r.capture[1].truncated())
        object.insert(QStringLiteral("stderr_truncated"), true);
    if (m_control.timedOut())
        object.insert(QStringLiteral("timed_out"), true);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray ParityCommand::comparisonsObject() const
{
    static const char* kinds[] = {"identical", "documented", "different", "incomplete"};
    QJsonArray comparisons;
    for (const ParityLaunch::Pair& p : m_launch->pairs()) {
        QJsonObject pair{{QStringLiteral("a"), runKindName(m_launch->kind(p.a))},
                         {QStringLiteral("b"), runKindName(m_launch->kind(p.b))},
                         {QStringLiteral("kind"), QLatin1String(kinds[int(p.verdict.kind)])},
                         {QStringLiteral("verdict"), p.verdict.text},
                         {QStringLiteral("rules"), QJsonArray::fromStringList(p.verdict.rules)}};
        comparisons.append(pair);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("comparisons"), comparisons}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

void ParityCommand::stopAll()
{
    // Processes end for sure (SIGKILL follows the grace); TwinRun threads only if they listen,
    // else they are given up on once the grace is over; the Python runner ends even when its
    // thread cannot.
    m_launch->terminateAll();
    maybeQuit();
}

void ParityCommand::giveUp()
{
    for (int i = 0; i < m_launch->runCount(); ++i) {
        if (m_launch->kind(i) == RunKind::Thread && !m_launch->hasEnded(i))
            m_control.write(Channel::Stderr, leftBehindText(m_launch->name(i)).toUtf8());
    }
    m_gaveUp = true;
    printReady();
    maybeQuit();
}

} // namespace twinrun
