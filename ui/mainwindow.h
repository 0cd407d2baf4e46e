#pragma once

#include "quitprompt.h"
#include <twinrun/launchspec.h>

#include <QMainWindow>

#include <functional>

class QLabel;
class QSplitter;
class QTabWidget;

namespace twinrun {

class ComparePanel;
class LaunchPanel;
class OutputPane;
class ParityPanel;
class Session;
class Worker;
class WorkersPanel;

// TwinRun's window: the launch form and its Python / C++ equivalents on the left, the
// session's workers and the selected worker's output (or, for a Both launch, both runs
// side by side) on the right. Owns the Session. The GUI thread never waits on a worker:
// joins, quitting and comparisons all follow Worker::finished.
//
// Closing stops daemon workers; if others still run, it asks (QuitChoice) and closes once
// everything has ended. Geometry, splitters, table columns and the last form are kept in
// QSettings.
//
// TWINRUN_DEMO_LAUNCH=thread|process|both in the environment launches the seed example in
// that mode right after the window opens (docs/screenshot.sh uses it).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    using QuitPrompt = std::function<QuitChoice(const QList<Worker*>& running)>;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Session* session() const { return m_session; }
    LaunchPanel* launchPanel() const { return m_launchPanel; }
    ParityPanel* parityPanel() const { return m_parityPanel; }
    WorkersPanel* workersPanel() const { return m_workersPanel; }
    OutputPane* outputPane() const { return m_outputPane; }
    ComparePanel* comparePanel() const { return m_comparePanel; }
    QTabWidget* outputTabs() const { return m_outputTabs; }

    // Launches like the Launch button and selects the first new worker.
    QList<Worker*> launch(const LaunchSpec& spec);
    // Presets: the launch form as a JSON file (twinrun run --spec FILE reads the same).
    Status savePreset(const QString& path) const;
    Status openPreset(const QString& path);
    // Replaces askQuitChoice() (tests, embedding).
    void setQuitPrompt(QuitPrompt prompt) { m_quitPrompt = std::move(prompt); }

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildLeftSide();
    QWidget* buildRightSide();
    void buildMenus();
    void showWorker(Worker* worker);
    void showStatusMessage(const QString& message);
    void updateRunningLabel();
    void closeWhenIdle();
    void closeIfIdle();
    void restoreSettings();
    void saveSettings() const;

    Session* m_session;
    LaunchPanel* m_launchPanel = nullptr;
    ParityPanel* m_parityPanel = nullptr;
    WorkersPanel* m_workersPanel = nullptr;
    OutputPane* m_outputPane = nullptr;
    ComparePanel* m_comparePanel = nullptr;
    QTabWidget* m_outputTabs = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_leftSplitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QLabel* m_runningLabel = nullptr;
    QuitPrompt m_quitPrompt;
    bool m_closeWhenIdle = false;
    bool m_leftSplitterRestored = false;
};

} // namespace twinrun
