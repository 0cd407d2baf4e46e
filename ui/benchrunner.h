#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

class QProcess;

namespace twinrun {

// Runs the measurements of `twinrun bench` for the window, in the background:
// `twinrun bench --json --progress-lines --skip-memory` as a child process (the command line's
// code, bench/, one home for what is measured; its figures undisturbed by the window and
// nothing of it left in the window's process), then, when asked and python3 and
// bench/python_bench.py are found, Python's peer the same way. Each child leads a process group
// of its own, so cancel() ends it with everything it started (workers, the fork server,
// Python's children) at once, without waiting on the calling thread.
//
// Signals: progress() while running; then exactly one of finished(), failed() or cancelled().
class BenchRunner : public QObject {
    Q_OBJECT
public:
    struct Options {
        int threadRuns = 200;
        int processRuns = 50;
        int spawnRuns = 20; // Python's spawn (about 0.1 s each)
        qint64 lines = 1000000;
        bool python = true; // also Python's peer, when it is found
    };

    explicit BenchRunner(QObject* parent = nullptr);
    ~BenchRunner() override;

    // The twinrun program (default: this application, which is twinrun).
    void setProgram(const QString& program) { m_program = program; }
    // python3 and bench/python_bench.py (installed in share/twinrun/bench, or the source tree
    // of this build; $TWINRUN_PYTHON_BENCH overrides), or "" when either is missing.
    static QString pythonProgram();
    static QString pythonScript();

    void start(const Options& options);
    void cancel();
    bool isRunning() const { return m_process != nullptr; }
    // The running child's process group, 0 when none.
    qint64 processGroup() const;

Q_SIGNALS:
    void progress(double done, const QString& step); // done: 0..1 of the whole run
    // python is empty when Python was not measured.
    void finished(const QJsonObject& twinrun, const QJsonObject& python);
    void failed(const QString& message);
    void cancelled();

private:
    enum class Stage { TwinRun, Python };
    void startStage(Stage stage);
    void readProgress();
    void stageEnded();
    void fail(const QString& message);
    void killGroup();

    QString m_program;
    Options m_options;
    Stage m_stage = Stage::TwinRun;
    QProcess* m_process = nullptr;
    bool m_cancelling = false;
    bool m_withPython = false;
    QByteArray m_stderrTail;
    QJsonObject m_twinrun;
};

} // namespace twinrun
