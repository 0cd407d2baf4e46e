#include "mainwindow.h"

#include "appresources.h"
#include "comparepanel.h"
#include "launchpanel.h"
#include "messagebar.h"
#include "outputpane.h"
#include "outputview.h"
#include "paritypanel.h"
#include "pluginloadqueue.h"
#include "targetcombo.h"
#include "timelineview.h"
#include "workerspanel.h"
#include <twinrun/outputlog.h>
#include <twinrun/paritylaunch.h>
#include <twinrun/session.h>
#include <twinrun/worker.h>

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace twinrun {

namespace {

constexpr int kStatusMessageMs = 6000;
constexpr int kOutputTab = 0;
constexpr int kCompareTab = 1;
constexpr int kLeftWidth = 445;       // the form's width when the screen allows it
constexpr int kMinLeftWidth = 300;    // below this the form's rows get cramped
constexpr int kMinOutputHeight = 150; // the output keeps at least this much
constexpr int kMinRightWidth = 340;   // the table's name, state and exit code

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new Session(this))
{
    setWindowTitle(tr("TwinRun"));
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(appIcon());

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(buildLeftSide());
    m_mainSplitter->addWidget(buildRightSide());
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setSizes({kLeftWidth, 790});

    auto* central = new QWidget(this);
    m_closeBar = new MessageBar(central);
    m_closeBar->setObjectName(QStringLiteral("closeBar"));
    connect(m_closeBar->addButton(tr("Cancel Closing"), QStringLiteral("cancelCloseButton")),
            &QPushButton::clicked, this, &MainWindow::cancelPendingClose);
    m_noticeBar = new MessageBar(central);
    m_noticeBar->setObjectName(QStringLiteral("noticeBar"));
    connect(m_noticeBar->addButton(tr("Dismiss"), QStringLiteral("dismissButton")),
            &QPushButton::clicked, m_noticeBar, &QWidget::hide);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_closeBar);
    layout->addWidget(m_noticeBar);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    buildPluginLoading();
    buildMenus();
    m_runningLabel = new QLabel(this);
    m_runningLabel->setObjectName(QStringLiteral("runningLabel"));
    statusBar()->addPermanentWidget(m_runningLabel);
    statusBar()->setObjectName(QStringLiteral("statusBar"));

    connect(m_launchPanel, &LaunchPanel::specChanged, this, &MainWindow::showFormSpec);
    connect(m_launchPanel, &LaunchPanel::launchRequested, this,
            [this](const LaunchSpec& spec) { launch(spec, m_launchPanel->compareWithPython()); });
    connect(m_workersPanel, &WorkersPanel::currentWorkerChanged, this, &MainWindow::showWorker);
    connect(m_workersPanel, &WorkersPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_outputPane, &OutputPane::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_parityPanel, &ParityPanel::copied, this, [this](const QString& what) {
        statusBar()->showMessage(tr("Copied: %1").arg(what), kStatusMessageMs);
    });
    connect(m_session, &Session::runningChanged, this, &MainWindow::updateRunningLabel);
    connect(m_session, &Session::runningChanged, this, &MainWindow::closeIfIdle);

    // Tab order: the form (LaunchPanel keeps its own chain up to Launch), then the table,
    // then the output.
    setTabOrder(m_launchPanel->launchButton(), m_workersPanel->view());
    setTabOrder(m_workersPanel->view(), m_outputPane->view());

    // Fit the screen (a window larger than an 800x600 screen would hang off it).
    const QSize available = screen() ? screen()->availableSize() : QSize(1240, 800);
    resize(std::min(1240, available.width()), std::min(800, available.height()));
    restoreSettings();
    loadStartupPlugins();
    showFormSpec();
    updateRunningLabel();
    showWorker(nullptr);
    startDemoLaunch();
}

MainWindow::~MainWindow()
{
    // The views point into the session, which as the first child would be destroyed first.
    delete takeCentralWidget();
}

void MainWindow::startDemoLaunch()
{
    // For screenshots and demos: see the class comment.
    const QString demo = qEnvironmentVariable("TWINRUN_DEMO_LAUNCH");
    if (demo.isEmpty())
        return;
    std::optional<LaunchSpec> demoSpec;
    QString error;
    if (const std::optional<LaunchSpec::Mode> mode = LaunchSpec::modeFromName(demo)) {
        demoSpec = LaunchSpec::seedExample();
        demoSpec->mode = *mode;
    } else if (demo.startsWith(QLatin1Char('{'))) {
        demoSpec = LaunchSpec::fromJson(QJsonDocument::fromJson(demo.toUtf8()).object(), &error);
    } else {
        error = tr("expected thread, process, both or a JSON launch spec");
    }
    if (!demoSpec) {
        const QString message = tr("TWINRUN_DEMO_LAUNCH=%1 was not launched: %2").arg(demo, error);
        qWarning("%s", qPrintable(message));
        m_noticeBar->showMessage(message, MessageBar::Kind::Warning);
        return;
    }
    // TWINRUN_DEMO_PYTHON=1: with "Compare with Python" on (when it can be).
    const bool python = qEnvironmentVariable("TWINRUN_DEMO_PYTHON") == QLatin1String("1");
    // A plugin's target: its plugin first; if it is refused, the worker says so as it fails.
    whenPluginLoaded(demoSpec->worker.plugin, [this, spec = *demoSpec, python](const QString&) {
        m_launchPanel->setSpec(spec);
        m_launchPanel->pythonCheck()->setChecked(python);
        launch(spec, m_launchPanel->compareWithPython());
    });
}

QWidget* MainWindow::buildLeftSide()
{
    m_leftSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_launchPanel = new LaunchPanel(m_leftSplitter);
    m_parityPanel = new ParityPanel(m_leftSplitter);
    m_leftSplitter->setObjectName(QStringLiteral("leftSplitter"));
    m_leftSplitter->addWidget(m_launchPanel);
    m_leftSplitter->addWidget(m_parityPanel);
    m_leftSplitter->setCollapsible(0, false);
    m_leftSplitter->setCollapsible(1, true); // the code panel gives way to the form
    m_leftSplitter->setStretchFactor(0, 1);
    connect(m_leftSplitter, &QSplitter::splitterMoved, this, [this] {
        if (m_codePanelAction)
            m_codePanelAction->setChecked(m_leftSplitter->sizes().value(1) > 0);
    });
    return m_leftSplitter;
}

QWidget* MainWindow::buildRightSide()
{
    m_rightSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_workersPanel = new WorkersPanel(m_session, m_rightSplitter);
    m_outputTabs = new QTabWidget(m_rightSplitter);
    m_outputPane = new OutputPane(m_outputTabs);
    m_comparePanel = new ComparePanel(m_session, m_outputTabs);
    m_outputTabs->setObjectName(QStringLiteral("outputTabs"));
    m_outputTabs->setDocumentMode(true);
    m_outputTabs->addTab(m_outputPane, tr("Output"));
    // Thread and process, and Python's Thread and Process when it runs too: one title for both.
    m_outputTabs->addTab(m_comparePanel, tr("Compare Runs"));
    // The timeline shares the table's current worker: a click there selects it in the table,
    // and the table's choice is highlighted there (showWorker()).
    m_timeline = new TimelineView(m_session, m_outputTabs);
    m_outputTabs->addTab(m_timeline, tr("Timeline"));
    connect(m_timeline, &TimelineView::workerActivated, m_workersPanel,
            &WorkersPanel::selectWorker);

    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(m_workersPanel);
    m_rightSplitter->addWidget(m_outputTabs);
    m_rightSplitter->setChildrenCollapsible(false);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setSizes({200, 600});
    return m_rightSplitter;
}

QList<Worker*> MainWindow::launch(const LaunchSpec& spec, bool withPython)
{
    if (m_closeWhenIdle) {
        showStatusMessage(tr("Not launched: the window is closing (Cancel Closing first)"));
        return {};
    }
    const QList<Worker*> workers = m_session->launch(spec);
    if (workers.isEmpty())
        return workers;
    if (withPython) {
        // Created before control returns to the event loop: it sees all of the workers' output.
        auto* parity = new ParityLaunch(spec.worker, workers, spec.backends());
        m_comparePanel->addParity(parity);
        parity->startPython(PythonSetup::locate());
    }
    m_workersPanel->selectWorker(workers.first());
    noticePluginThreads(workers);
    QStringList names;
    for (const Worker* w : workers) {
        if (w->state() == Worker::State::FailedToStart) {
            showStatusMessage(tr("%1 failed to start: %2").arg(w->name(), w->errorString()));
            return workers;
        }
        names << w->name();
    }
    showStatusMessage(tr("Launched %1").arg(names.join(tr(" and "))));
    return workers;
}

void MainWindow::showFormSpec()
{
    if (m_launchPanel->isValid())
        m_parityPanel->setSpec(m_launchPanel->spec());
    else
        m_parityPanel->showProblem(m_launchPanel->problem());
}

void MainWindow::showStatusMessage(const QString& message)
{
    statusBar()->showMessage(message, kStatusMessageMs);
}

void MainWindow::showWorker(Worker* worker)
{
    m_outputPane->setWorker(worker, worker ? m_session->log(worker) : nullptr);
    Worker* partner = worker ? m_session->partner(worker) : nullptr;
    const bool compared = m_comparePanel->hasComparisonFor(worker);
    m_comparePanel->setWorkers(compared ? worker : nullptr, partner);
    m_timeline->setCurrentWorker(worker);
    // Disabling the current Compare tab moves to the next one: ask which was current first.
    const bool onTimeline = m_outputTabs->currentWidget() == m_timeline;
    m_outputTabs->setTabEnabled(kCompareTab, compared);
    m_outputTabs->setTabToolTip(kCompareTab, compared ? QString()
                                                      : tr("Select a worker launched in Both "
                                                           "mode to compare its two runs"));
    if (!onTimeline) // the timeline stays on while browsing
        m_outputTabs->setCurrentIndex(compared ? kCompareTab : kOutputTab);
}

void MainWindow::updateRunningLabel()
{
    const int threads = m_session->runningThreads();
    const int processes = m_session->runningProcesses();
    m_runningLabel->setText(
        tr("Running: %1 · %2")
            .arg(threads == 1 ? tr("1 thread") : tr("%1 threads").arg(threads),
                 processes == 1 ? tr("1 process") : tr("%1 processes").arg(processes)));
}

void MainWindow::setOutputLineLimit(int lines)
{
    m_outputLineLimit = std::max(lines, 100);
    m_session->setLogLimits(m_outputLineLimit, OutputLog::Limits{}.maxBytes);
    QSettings().setValue(QStringLiteral("output/maxLines"), m_outputLineLimit);
    showWorker(m_workersPanel->currentWorker()); // the view takes the log's new limit
}

void MainWindow::setCodePanelVisible(bool visible)
{
    const int total = m_leftSplitter->height();
    if (visible) {
        const int form = std::min(m_launchPanel->idealHeight(), total * 2 / 3);
        m_leftSplitter->setSizes({form, std::max(total - form, 1)});
    } else {
        m_leftSplitter->setSizes({total, 0});
    }
    if (m_codePanelAction)
        m_codePanelAction->setChecked(visible);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_closeWhenIdle && !m_session->running().isEmpty()) {
        event->ignore(); // already pending: the bar says so
        return;
    }
    if (m_session->hasRunningNonDaemon()) {
        QList<Worker*> running;
        for (Worker* w : m_session->running()) {
            if (!w->isDaemon())
                running << w;
        }
        const QuitChoice choice =
            m_quitPrompt ? m_quitPrompt(running) : askQuitChoice(this, running);
        if (choice == QuitChoice::Cancel) {
            event->ignore();
            return;
        }
        if (choice == QuitChoice::Stop)
            m_session->stopAll();
    }
    // The close is certain now (Cancel returned above): daemons do not hold the app open, as
    // in Python, and are stopped only here, never before the user has answered.
    m_session->stopAll(true);
    if (!m_session->running().isEmpty()) {
        event->ignore();
        closeWhenIdle();
        return;
    }
    saveSettings();
    event->accept();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    fitSplitters();
    m_launchPanel->focusFirstNeedingInput(m_launchPanel->targetCombo());
}

void MainWindow::fitSplitters()
{
    // Only now are sizes known. Left and right share the width in proportion on a small
    // window; the form gets its full height first and the code panel the rest, collapsing
    // when the form needs it all.
    if (!m_mainSplitterRestored) {
        const int width = m_mainSplitter->width() - m_mainSplitter->handleWidth();
        // Never narrower than the form's fields (they would be cut off), and the table keeps
        // room for its first columns.
        const int fields = std::min(m_launchPanel->minimumFieldsWidth(), width - kMinRightWidth);
        const int left = std::max(
            std::clamp(width * 2 / 5, std::min(kMinLeftWidth, width / 2), kLeftWidth), fields);
        m_mainSplitter->setSizes({left, width - left});
    }
    if (!m_leftSplitterRestored) {
        m_leftSplitterRestored = true;
        const int form = m_launchPanel->idealHeight();
        const int total = m_leftSplitter->height() - m_leftSplitter->handleWidth();
        const int code = m_parityPanel->minimumSizeHint().height();
        if (total - form < code)
            setCodePanelVisible(false);
        else
            m_leftSplitter->setSizes({form, total - form});
    }
    const int rightTotal = m_rightSplitter->height() - m_rightSplitter->handleWidth();
    const QList<int> right = m_rightSplitter->sizes();
    if (right.value(1) < kMinOutputHeight && rightTotal > 2 * kMinOutputHeight)
        m_rightSplitter->setSizes({rightTotal - kMinOutputHeight, kMinOutputHeight});
    if (m_codePanelAction)
        m_codePanelAction->setChecked(m_leftSplitter->sizes().value(1) > 0);
}

void MainWindow::closeWhenIdle()
{
    m_closeWhenIdle = true;
    const qsizetype count = m_session->running().size();
    m_closeBar->showMessage(
        count == 1 ? tr("The window will close when the running worker has ended. Nothing new "
                        "can be launched meanwhile.")
                   : tr("The window will close when the %1 running workers have ended. Nothing "
                        "new can be launched meanwhile.")
                         .arg(count));
    const QString reason = tr("The window is closing: Cancel Closing to launch again");
    m_launchPanel->setLaunchBlocked(reason);
    m_workersPanel->setLaunchBlocked(true);
}

void MainWindow::cancelPendingClose()
{
    m_closeWhenIdle = false;
    m_closeBar->hide();
    m_launchPanel->setLaunchBlocked({});
    m_workersPanel->setLaunchBlocked(false);
    showStatusMessage(tr("Closing cancelled"));
}

void MainWindow::closeIfIdle()
{
    if (!m_closeWhenIdle)
        return;
    if (m_session->running().isEmpty()) {
        // Queued: close from the event loop, not from inside the worker's signal.
        QTimer::singleShot(0, this, [this] {
            if (m_closeWhenIdle)
                close();
        });
        return;
    }
    closeWhenIdle(); // the count changed
}

} // namespace twinrun
