#include <twinrun/pythonrun.h>
#include <twinrun/target.h>

#include "pythonpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

#include <csignal>

#include <dlfcn.h>

namespace twinrun {

namespace {

// The Python setup's and runner's words for people (twinrun::Python): in the app's language
// when it installed a translator, English otherwise.
struct PythonText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::Python)
};

const QString kRunnerName = QStringLiteral("twinrun_python.py");
// After the grace, the runner has this long to report before it is killed with its call.
constexpr int kReportMarginMs = 5000;

QString libraryDirectory()
{
    Dl_info info{};
    if (::dladdr(reinterpret_cast<const void*>(&pythonTwinRefusal), &info) == 0 || !info.dli_fname)
        return {};
    return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalPath();
}

// The runner's folder, by the one rule: TWINRUN_PYTHON_DIR, else beside lib/ as installed.
QString runnerDirectory()
{
    if (const QString fromEnv = qEnvironmentVariable("TWINRUN_PYTHON_DIR"); !fromEnv.isEmpty())
        return fromEnv;
    const QString beside =
        QDir::cleanPath(QDir(libraryDirectory()).absoluteFilePath(TWINRUN_PYTHON_FROM_LIBDIR));
    if (QFileInfo::exists(QDir(beside).filePath(kRunnerName)))
        return beside;
    const QString installed = QStringLiteral(TWINRUN_INSTALL_PYTHONDIR);
    return QFileInfo::exists(QDir(installed).filePath(kRunnerName)) ? installed : beside;
}

} // namespace

PythonSetup PythonSetup::locate(const QString& interpreter)
{
    PythonSetup setup;
    if (interpreter.isEmpty()) {
        setup.interpreter = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (setup.interpreter.isEmpty())
            setup.error = PythonText::tr("python3 was not found on PATH: install Python 3 (or "
                                         "give the interpreter's path) to compare with CPython");
    } else {
        const QFileInfo file(interpreter);
        if (file.isFile() && file.isExecutable())
            setup.interpreter = file.absoluteFilePath();
        else
            setup.error = PythonText::tr("the Python interpreter %1 is not an executable file")
                              .arg(interpreter);
    }
    const QString runner = QDir(runnerDirectory()).absoluteFilePath(kRunnerName);
    if (QFileInfo(runner).isFile())
        setup.runner = runner;
    else if (setup.error.isEmpty())
        setup.error = PythonText::tr("TwinRun's Python runner %1 is missing (it is installed with "
                                     "TwinRun, in share/twinrun/python)")
                          .arg(QDir::toNativeSeparators(runner));
    return setup;
}

QString pythonTwinRefusal(const QString& target)
{
    if (target.contains(QLatin1Char('.')))
        return PythonText::tr("%1 is a plugin's target: only the built-in targets have a "
                              "Python twin")
            .arg(target);
    if (!TargetRegistry::instance().find(target))
        return PythonText::tr("%1 is not a known target, so it has no Python twin").arg(target);
    return {};
}

PythonRun::PythonRun(Backend backend, const WorkerSpec& spec, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_spec(spec)
    , m_name(spec.name)
{
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
}

PythonRun::~PythonRun()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        disconnect(m_process, nullptr, this, nullptr);
        m_process->kill();
        // Reaped once it has gone: the QProcess outlives this run, never blocking.
        QProcess* process = m_process;
        process->setParent(nullptr);
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
    }
}

RunKind PythonRun::kind() const
{
    return m_backend == Backend::Thread ? RunKind::PythonThread : RunKind::PythonProcess;
}

double PythonRun::durationMs() const
{
    if (m_report.contains(QStringLiteral("duration_ms")))
        return m_report.value(QStringLiteral("duration_ms")).toDouble();
    if (m_elapsedNs >= 0)
        return m_elapsedNs / 1e6;
    return m_clock.isValid() ? m_clock.nsecsElapsed() / 1e6 : 0.0;
}

std::optional<double> PythonRun::cpuMs() const
{
    const QJsonValue user = m_report.value(QStringLiteral("cpu_user_ms"));
    const QJsonValue system = m_report.value(QStringLiteral("cpu_system_ms"));
    if (!user.isDouble() || !system.isDouble())
        return std::nullopt;
    return user.toDouble() + system.toDouble();
}

bool PythonRun::timedOut() const
{
    return m_report.value(QStringLiteral("timed_out")).toBool();
}

QString PythonRun::errorText(bool translated) const
{
    if (!m_errorSource)
        return m_error;
    QString text = translated ? QCoreApplication::translate("twinrun::Python", m_errorSource)
                              : QString::fromUtf8(m_errorSource);
    for (const QString& arg : m_errorArgs)
        text = text.arg(arg);
    return text;
}

QString PythonRun::errorString() const
{
    return errorText(true);
}

QString PythonRun::errorData() const
{
    return errorText(false);
}

void PythonRun::fail(const char* source, const QStringList& args)
{
    m_errorSource = source;
    m_errorArgs = args;
    fail(errorText(false));
}

void PythonRun::fail(const QString& error)
{
    m_state = QStringLiteral("failed to start");
    m_error = error;
    m_final = true;
    Q_EMIT stateChanged();
    QMetaObject::invokeMethod(this, &PythonRun::finished, Qt::QueuedConnection);
}

Status PythonRun::start(const PythonSetup& setup, std::optional<double> timeoutSeconds)
{
    if (m_state != QLatin1String("created"))
        return Status::error(PythonText::tr("a Python run can only be started once"));
    QString refusal = setup.error;
    if (refusal.isEmpty())
        refusal = pythonTwinRefusal(m_spec.target);
    if (refusal.isEmpty() && !m_dir.isValid()) {
        static const char* const noFolder =
            QT_TRANSLATE_NOOP("twinrun::Python", "no temporary folder for the Python runner's "
                                                 "report: %1");
        fail(noFolder, {m_dir.errorString()});
        return Status::error(errorString());
    }
    if (!refusal.isEmpty()) {
        fail(refusal);
        return Status::error(refusal);
    }
    m_process = new QProcess(this);
    QStringList arguments{setup.runner,
                          QStringLiteral("run"),
                          QStringLiteral("--as"),
                          backendName(m_backend),
                          QStringLiteral("--spec"),
                          QStringLiteral("-"),
                          QStringLiteral("--report"),
                          m_dir.filePath(QStringLiteral("report.json")),
                          QStringLiteral("--grace"),
                          QString::number(m_graceMs / 1000.0)};
    if (timeoutSeconds)
        arguments << QStringLiteral("--timeout") << QString::number(*timeoutSeconds);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    m_process->setProcessEnvironment(environment);
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { Q_EMIT output(Channel::Stdout, m_process->readAllStandardOutput()); });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { Q_EMIT output(Channel::Stderr, m_process->readAllStandardError()); });
    connect(m_process, &QProcess::finished, this, &PythonRun::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && !m_final) {
            m_elapsedNs = 0;
            fail(QT_TRANSLATE_NOOP("twinrun::Python", "could not start %1: %2"),
                 {m_process->program(), m_process->errorString()});
        }
    });
    m_state = QStringLiteral("running");
    m_clock.start();
    m_process->start(setup.interpreter, arguments);
    m_process->write(QJsonDocument(m_spec.toJson()).toJson(QJsonDocument::Compact));
    m_process->closeWriteChannel();
    Q_EMIT stateChanged();
    return Status::ok();
}

void PythonRun::signalRunner(int signalNumber)
{
    if (!m_process || m_process->state() != QProcess::Running)
        return;
    ::kill(static_cast<pid_t>(m_process->processId()), signalNumber);
    if (!m_watchdog.isActive())
        m_watchdog.start(m_graceMs + kReportMarginMs);
}

void PythonRun::terminate()
{
    signalRunner(SIGTERM);
}

void PythonRun::kill()
{
    signalRunner(SIGUSR1);
}

void PythonRun::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_watchdog.stop();
    m_elapsedNs = m_clock.nsecsElapsed();
    // What is still in the pipes comes before the end.
    if (const QByteArray out = m_process->readAllStandardOutput(); !out.isEmpty())
        Q_EMIT output(Channel::Stdout, out);
    if (const QByteArray err = m_process->readAllStandardError(); !err.isEmpty())
        Q_EMIT output(Channel::Stderr, err);
    QFile file(m_dir.filePath(QStringLiteral("report.json")));
    QJsonObject report;
    if (file.open(QIODevice::ReadOnly))
        report = QJsonDocument::fromJson(file.readLine()).object();
    if (report.isEmpty()) {
        m_state = QStringLiteral("failed to start");
        if (status == QProcess::CrashExit) {
            m_errorSource = QT_TRANSLATE_NOOP("twinrun::Python",
                                              "the Python runner was killed before it reported");
        } else {
            m_errorSource = QT_TRANSLATE_NOOP(
                "twinrun::Python", "the Python runner ended without a report (exit status %1)");
            m_errorArgs = {QString::number(exitCode)};
        }
        m_error = errorText(false);
    } else {
        m_report = report;
        m_state = report.value(QStringLiteral("state")).toString();
        const QJsonValue code = report.value(QStringLiteral("exit_code"));
        m_exitCode = code.isDouble() ? std::optional<int>(code.toInt()) : std::nullopt;
        m_name = report.value(QStringLiteral("name")).toString(m_name);
        m_error = report.value(QStringLiteral("error")).toString();
    }
    m_final = true;
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

} // namespace twinrun
