#include "benchrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>

#include <unistd.h>

namespace twinrun {

namespace {

constexpr double kTwinRunShare = 0.6; // of the bar, when Python is measured too
constexpr qsizetype kStderrTail = 4096;

} // namespace

BenchRunner::BenchRunner(QObject* parent)
    : QObject(parent)
    , m_program(QCoreApplication::applicationFilePath())
{
}

BenchRunner::~BenchRunner()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    killGroup();
    m_process->waitForFinished(5000); // SIGKILL: at once; reaped before QProcess is destroyed
    delete m_process;
}

QString BenchRunner::pythonProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QString BenchRunner::pythonScript()
{
    const QString name = QStringLiteral("python_bench.py");
    QStringList candidates{qEnvironmentVariable("TWINRUN_PYTHON_BENCH"),
                           QDir(QCoreApplication::applicationDirPath())
                               .filePath(QStringLiteral("../share/twinrun/bench/") + name)};
#ifdef TWINRUN_SOURCE_BENCH_DIR
    candidates << QDir(QStringLiteral(TWINRUN_SOURCE_BENCH_DIR)).filePath(name);
#endif
    for (const QString& path : candidates) {
        if (!path.isEmpty() && QFileInfo(path).isFile())
            return QFileInfo(path).canonicalFilePath();
    }
    return {};
}

qint64 BenchRunner::processGroup() const
{
    return m_process ? m_process->processId() : 0; // the child leads its group
}

void BenchRunner::start(const Options& options)
{
    if (m_process)
        return;
    m_options = options;
    m_withPython = options.python && !pythonProgram().isEmpty() && !pythonScript().isEmpty();
    m_twinrun = {};
    m_cancelling = false;
    startStage(Stage::TwinRun);
}

void BenchRunner::startStage(Stage stage)
{
    m_stage = stage;
    m_stderrTail.clear();
    m_process = new QProcess(this);
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); }); // a group of its own
    m_process->setReadChannel(QProcess::StandardError);          // progress lines
    connect(m_process, &QProcess::readyReadStandardError, this, &BenchRunner::readProgress);
    connect(m_process, &QProcess::finished, this, &BenchRunner::stageEnded);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("Cannot start %1: %2").arg(m_process->program(), m_process->errorString()));
    });
    const QString runs = QString::number(m_options.threadRuns);
    const QString processRuns = QString::number(m_options.processRuns);
    const QString lines = QString::number(m_options.lines);
    if (stage == Stage::TwinRun) {
        m_process->start(m_program,
                         {QStringLiteral("bench"), QStringLiteral("--json"),
                          QStringLiteral("--progress-lines"), QStringLiteral("--skip-memory"),
                          QStringLiteral("--runs"), runs, QStringLiteral("--process-runs"),
                          processRuns, QStringLiteral("--lines"), lines});
    } else {
        m_process->start(pythonProgram(),
                         {pythonScript(), QStringLiteral("--json"),
                          QStringLiteral("--progress-lines"), QStringLiteral("--runs"), runs,
                          QStringLiteral("--process-runs"), processRuns,
                          QStringLiteral("--spawn-runs"), QString::number(m_options.spawnRuns),
                          QStringLiteral("--lines"), lines});
    }
}

void BenchRunner::readProgress()
{
    // "progress FRACTION STEP" lines; anything else is kept for an error message.
    while (m_process && m_process->canReadLine()) { // the read channel is stderr
        const QByteArray line = m_process->readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> parts = line.split(' ');
        bool ok = false;
        const double done =
            parts.size() >= 2 && parts[0] == "progress" ? parts[1].toDouble(&ok) : 0;
        if (!ok) {
            m_stderrTail = (m_stderrTail + line + '\n').right(kStderrTail);
            continue;
        }
        const QString step = QString::fromUtf8(line.mid(parts[0].size() + parts[1].size() + 2));
        const double share = m_withPython ? kTwinRunShare : 1.0;
        emit progress(m_stage == Stage::TwinRun ? done * share : share + done * (1 - share),
                      m_stage == Stage::TwinRun ? step : tr("Python: %1").arg(step));
    }
}

void BenchRunner::stageEnded()
{
    readProgress();
    m_stderrTail += m_process->readAllStandardError();
    const QByteArray out = m_process->readAllStandardOutput();
    const bool ok = m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
    const QString program = QFileInfo(m_process->program()).fileName();
    m_process->deleteLater();
    m_process = nullptr;
    if (m_cancelling) {
        m_cancelling = false;
        emit cancelled();
        return;
    }
    QJsonParseError error{};
    const QJsonObject result = QJsonDocument::fromJson(out, &error).object();
    if (!ok || result.isEmpty()) {
        const QString why = QString::fromUtf8(m_stderrTail.trimmed()).section(u'\n', -1);
        emit failed(tr("%1 did not finish the measurements%2")
                        .arg(program, why.isEmpty() ? QString() : QStringLiteral(": ") + why));
        return;
    }
    if (m_stage == Stage::TwinRun && m_withPython) {
        m_twinrun = result;
        startStage(Stage::Python);
        return;
    }
    if (m_stage == Stage::TwinRun)
        emit finished(result, {});
    else
        emit finished(m_twinrun, result);
}

void BenchRunner::fail(const QString& message)
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    emit failed(message);
}

void BenchRunner::cancel()
{
    if (!m_process || m_cancelling)
        return;
    m_cancelling = true;
    killGroup(); // finished() follows, then cancelled()
}

void BenchRunner::killGroup()
{
    // The group, and the child itself in case it has not made its group yet.
    if (const qint64 group = processGroup(); group > 0) {
        ::kill(-static_cast<pid_t>(group), SIGKILL);
        ::kill(static_cast<pid_t>(group), SIGKILL);
    }
}

} // namespace twinrun
