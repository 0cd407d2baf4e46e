#pragma once

#include "quitprompt.h"
#include <twinrun/launchspec.h>

#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;

namespace twinrun {

class ComparePanel;
class LaunchPanel;
class MessageBar;
class OutputPane;
class ParityPanel;
class PluginLoadQueue;
class Session;
class TimelineView;
class Worker;
class WorkersPanel;

// TwinRun's window: the launch form and its Python / C++ equivalents on the left, the
// session's workers and the selected worker's output (or, for a Both launch, both runs
// side by side) on the right. Owns the Session. The GUI thread never waits on a worker:
// joins, quitting and comparisons all follow Worker::finished.
//
// Closing stops daemon workers; if others still run, it asks (QuitChoice). After "Wait" a
// bar says the window will close when they end (with Cancel) and nothing new can be
// launched meanwhile; it closes once everything has ended. Geometry, splitters, table
// columns, the output line limit and the last form (as typed) are kept in QSettings.
//
// Small screens: the window fits the screen, the splitters share it in proportion, the code
// panel collapses when the form needs the height (View > Code Panel brings it back).
//
// Plugins (twinrun/pluginloader.h): at start the window loads, off the GUI thread, the
// plugins of the plugin folders (as the command line does) and those loaded in earlier
// sessions (QSettings); the files refused are listed in a message bar, not a modal box, and
// forgotten. File > Load Plugin loads one more; a preset naming a plugin target loads its
// plugin first. A refusal then is a message box and nothing else changes. The first time a
// plugin's target runs as a thread, a bar says once (per plugin file, kept in QSettings) that
// it shares the app's fate.
//
// TWINRUN_DEMO_LAUNCH=thread|process|both in the environment launches the seed example in
// that mode right after the window opens, and a JSON launch spec launches that spec
// (docs/screenshot.sh uses it); a value that is neither is reported in the window.
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
    TimelineView* timeline() const { return m_timeline; }
    QTabWidget* outputTabs() const { return m_outputTabs; }

    // Launches like the Launch button and selects the first new worker.
    // withPython: also run the call with CPython and compare (the form's Compare with Python).
    QList<Worker*> launch(const LaunchSpec& spec, bool withPython = false);
    // Presets: the launch form as a JSON file (twinrun run --spec FILE reads the same).
    Status savePreset(const QString& path) const;
    Status openPreset(const QString& path);
    // What Save Preset offers: the target's name (".json"), in the folder of the last preset
    // saved (home at first); "preset.json" while no target is picked.
    QString suggestedPresetPath() const;
    // File > Load Plugin without the dialog: checks the file off the GUI thread (the status
    // bar says so meanwhile), loads it, remembers it for the next sessions and picks its first
    // target; a refusal is a window-modal message box (not waited for), nothing else changes.
    void loadPluginFile(const QString& path);
    PluginLoadQueue* pluginQueue() const { return m_pluginQueue; }
    // Replaces askQuitChoice() (tests, embedding).
    void setQuitPrompt(QuitPrompt prompt) { m_quitPrompt = std::move(prompt); }

    // The one output limit: lines each worker's log keeps, and so what the view shows and
    // Save writes. Kept in QSettings.
    void setOutputLineLimit(int lines);
    int outputLineLimit() const { return m_outputLineLimit; }

    bool isClosePending() const { return m_closeWhenIdle; }
    void cancelPendingClose();
    MessageBar* closeBar() const { return m_closeBar; }
    MessageBar* noticeBar() const { return m_noticeBar; }
    QAction* codePanelAction() const { return m_codePanelAction; }
    // Shows or collapses the Python / C++ code panel under the form.
    void setCodePanelVisible(bool visible);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildLeftSide();
    QWidget* buildRightSide();
    void buildMenus();
    void buildHelpMenu();
    void savePresetAs();
    void askOutputLineLimit();
    void showFormSpec();
    void startDemoLaunch();
    // mainwindowplugins.cpp
    void buildPluginLoading();
    void loadStartupPlugins();
    void askPluginFile();
    void showRefusal(const QString& title, const QString& text);
    void rememberPlugin(const QString& file);
    // Calls then (later, on the GUI thread) once plugin is loaded ("" for none), with "" or
    // the refusal.
    void whenPluginLoaded(const QString& plugin, std::function<void(const QString&)> then);
    void noticePluginThreads(const QList<Worker*>& workers);
    void fitSplitters();
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
    TimelineView* m_timeline = nullptr;
    QTabWidget* m_outputTabs = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_leftSplitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QLabel* m_runningLabel = nullptr;
    MessageBar* m_closeBar = nullptr;
    MessageBar* m_noticeBar = nullptr;
    QAction* m_codePanelAction = nullptr;
    PluginLoadQueue* m_pluginQueue = nullptr;
    QString m_checkingMessage; // the status bar's while a plugin is checked
    int m_outputLineLimit = 0;
    QuitPrompt m_quitPrompt;
    bool m_closeWhenIdle = false;
    bool m_leftSplitterRestored = false;
    bool m_mainSplitterRestored = false;
    bool m_shownOnce = false;
};

} // namespace twinrun
