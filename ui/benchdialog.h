#pragma once

#include "benchrunner.h"

#include <twinrun/status.h>

#include <QDialog>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace twinrun {

class BarChart;

// Tools > Benchmark: runs the measurements of `twinrun bench` in the background (BenchRunner:
// a child process; a progress bar and Cancel; the window stays usable, the dialog is not
// modal) and shows them as two charts: launch cost per kind (TwinRun's thread, spawn and fork
// server, the floors, and Python's when python3 is found; logarithmic) and flood throughput.
// Export writes both charts as one PNG.
class BenchDialog : public QDialog {
    Q_OBJECT
public:
    explicit BenchDialog(QWidget* parent = nullptr);

    BenchRunner* runner() const { return m_runner; }
    // How much to measure (the spin boxes); tests use tiny counts.
    void setOptions(const BenchRunner::Options& options);
    BenchRunner::Options options() const;

    void run();
    void cancel();
    BarChart* launchChart() const { return m_launchChart; }
    BarChart* floodChart() const { return m_floodChart; }
    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* runButton() const { return m_runButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QPushButton* exportButton() const { return m_exportButton; }
    QString statusText() const;

    // Both charts, one above the other, as a PNG.
    QImage chartImage(qreal scale = 1) const;
    Status exportPng(const QString& path) const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setRunning(bool running);
    void showResults(const QJsonObject& twinrun, const QJsonObject& python);
    void askExport();

    BenchRunner* m_runner;
    QSpinBox* m_threadRuns;
    QSpinBox* m_processRuns;
    QSpinBox* m_lines;
    QCheckBox* m_python;
    QPushButton* m_runButton;
    QPushButton* m_cancelButton;
    QPushButton* m_exportButton;
    QProgressBar* m_progress;
    QLabel* m_status;
    BarChart* m_launchChart;
    BarChart* m_floodChart;
};

} // namespace twinrun
