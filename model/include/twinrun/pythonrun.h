#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/outputchunk.h>
#include <twinrun/parityrules.h>
#include <twinrun/status.h>
#include <twinrun/worker.h>
#include <twinrun/workerspec.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <optional>

namespace twinrun {

// Where CPython and TwinRun's Python runner (twinrun_python.py, resources/python) are. No
// Python at run time is a supported setup: locate() then says what is missing, and nothing else
// of TwinRun needs it.
struct TWINRUN_MODEL_EXPORT PythonSetup {
    QString interpreter; // absolute path of the interpreter
    QString runner;      // absolute path of twinrun_python.py
    QString error;       // what is missing, naming it; empty when both were found

    bool isUsable() const { return error.isEmpty(); }

    // The interpreter: the given path (must be an executable file), else `python3` on PATH.
    // The runner: in share/twinrun/python relative to libtwinrun_model's directory, as the
    // worker program is found relative to it (a build tree links build/share/twinrun/python to
    // resources/python), else in the installed prefix; TWINRUN_PYTHON_DIR overrides both.
    // Looks at files only: starts nothing.
    static PythonSetup locate(const QString& interpreter = {});
};

// Why a target has no Python twin (a plugin's "<plugin>.<function>", an unknown name), or ""
// when it has one: every built-in target has one (resources/python/twinrun_targets.py,
// tests/python check they match). The runner refuses any other name too, as failed to start.
TWINRUN_MODEL_EXPORT QString pythonTwinRefusal(const QString& target);

// One call run by CPython: `python3 twinrun_python.py run --as thread|process --spec -
// --report FILE`, the spec (with its start method) on stdin. Its stdout and stderr are the
// target's, forwarded as output() as they come; the runner's report (state, exit code, times,
// CPU) is read once it has ended, then finished() is emitted, exactly once, last. Never blocks.
class TWINRUN_MODEL_EXPORT PythonRun : public QObject {
    Q_OBJECT
public:
    // backend: Thread runs threading.Thread, Process multiprocessing.Process.
    PythonRun(Backend backend, const WorkerSpec& spec, QObject* parent = nullptr);
    ~PythonRun() override; // kills a runner still going, without waiting

    // Starts the runner. Refused (the run ends "failed to start" with the reason, finished() is
    // queued) when the setup is not usable or the target has no twin. timeoutSeconds: the
    // runner's --timeout (it stops the call then, exit 124, timed_out in the report).
    Status start(const PythonSetup& setup, std::optional<double> timeoutSeconds = {});
    // Python's terminate(): SIGTERM to the runner (a process: SIGTERM, SIGKILL after the grace;
    // a thread cannot be stopped: the runner ends, reporting it "running"). kill(): SIGUSR1, a
    // process's kill(); refused by the runner for a thread. A runner that does not end within
    // the grace and some is killed with its call.
    void terminate();
    void kill();

    RunKind kind() const;
    const WorkerSpec& spec() const { return m_spec; }
    // "created", "running", then the report's: "finished", "failed", "crashed", "terminated",
    // "killed", "failed to start", or "running" for a thread the runner left behind.
    QString state() const { return m_state; }
    bool isFinal() const { return m_final; }
    std::optional<int> exitCode() const { return m_exitCode; }
    QString name() const { return m_name; }
    // Why the run failed or ended without a report, for people: in the app's language where
    // TwinRun says it (twinrun::Python, translated when the app installed a translator, English
    // otherwise); the call's own error from the runner's report is Python's ("TypeError: ...")
    // and never translated. errorData(): the same in English whatever the locale, for what
    // scripts read (--json).
    QString errorString() const;
    QString errorData() const;
    double durationMs() const;           // wall time from start() to the end (so far)
    std::optional<double> cpuMs() const; // user + system, when the report has it
    bool timedOut() const;
    QJsonObject report() const { return m_report; } // empty until the end
    RunEnd end() const { return {m_state, m_exitCode}; }

    // Between SIGTERM and SIGKILL (the runner's --grace), default 3000 ms.
    void setTerminateGraceMs(int ms) { m_graceMs = ms; }

Q_SIGNALS:
    void output(twinrun::Channel channel, const QByteArray& data);
    void stateChanged();
    void finished();

private:
    void fail(const QString& error);
    // A failure in TwinRun's words: `source` is marked with QT_TRANSLATE_NOOP("twinrun::Python")
    // and translated when it is shown (errorString()), its %1, %2 filled from `args`.
    void fail(const char* source, const QStringList& args);
    QString errorText(bool translated) const;
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void signalRunner(int signalNumber);

    Backend m_backend;
    WorkerSpec m_spec;
    QProcess* m_process = nullptr;
    QTemporaryDir m_dir;
    QTimer m_watchdog; // a runner that ignores its stop is killed
    QElapsedTimer m_clock;
    qint64 m_elapsedNs = -1;
    int m_graceMs = 3000;
    QString m_state = QStringLiteral("created");
    bool m_final = false;
    std::optional<int> m_exitCode;
    QString m_name;
    QString m_error;
    const char* m_errorSource = nullptr; // TwinRun's words for m_error, with m_errorArgs
    QStringList m_errorArgs;
    QJsonObject m_report;
};

} // namespace twinrun
