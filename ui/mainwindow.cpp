#include "mainwindow.h"

#include "comparepanel.h"
#include "launchpanel.h"
#include "outputpane.h"
#include "paritypanel.h"
#include "workerspanel.h"
#include <twinrun/session.h>
#include <twinrun/worker.h>

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

namespace twinrun {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kMainSplitterKey = QStringLiteral("window/mainSplitter");
const QString kLeftSplitterKey = QStringLiteral("window/leftSplitter");
const QString kRightSplitterKey = QStringLiteral("window/rightSplitter");
const QString kCompareSplitterKey = QStringLiteral("window/compareSplitter");
const QString kColumnsKey = QStringLiteral("workers/columns");
const QString kLastFormKey = QStringLiteral("launch/lastForm");

constexpr int kStatusMessageMs = 6000;
constexpr int kOutputTab = 0;
constexpr int kCompareTab = 1;

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new Session(this))
{
    setWindowTitle(tr("TwinRun"));
    setObjectName(QStringLiteral("mainWindow"));

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(buildLeftSide());
    m_mainSplitter->addWidget(buildRightSide());
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setSizes({445, 790});
    setCentralWidget(m_mainSplitter);

    buildMenus();
    m_runningLabel = new QLabel(this);
    m_runningLabel->setObjectName(QStringLiteral("runningLabel"));
    statusBar()->addPermanentWidget(m_runningLabel);
    statusBar()->setObjectName(QStringLiteral("statusBar"));

    connect(m_launchPanel, &LaunchPanel::specChanged, this,
            [this] { m_parityPanel->setSpec(m_launchPanel->spec()); });
    connect(m_launchPanel, &LaunchPanel::launchRequested, this, &MainWindow::launch);
    connect(m_workersPanel, &WorkersPanel::currentWorkerChanged, this, &MainWindow::showWorker);
    connect(m_workersPanel, &WorkersPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_outputPane, &OutputPane::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_parityPanel, &ParityPanel::copied, this, [this](const QString& what) {
        statusBar()->showMessage(tr("Copied: %1").arg(what), kStatusMessageMs);
    });
    connect(m_session, &Session::runningChanged, this, &MainWindow::updateRunningLabel);
    connect(m_session, &Session::runningChanged, this, &MainWindow::closeIfIdle);

    resize(1240, 800);
    restoreSettings();
    m_parityPanel->setSpec(m_launchPanel->spec());
    updateRunningLabel();
    showWorker(nullptr);

    // For screenshots and demos: see the class comment.
    // TWINRUN_DEMO_LAUNCH=thread|process|both launches the seed example that way; a JSON
    // launch spec launches that spec (the screenshot script and the no-orphan tests use it).
    const QString demo = qEnvironmentVariable("TWINRUN_DEMO_LAUNCH");
    std::optional<LaunchSpec> demoSpec;
    if (const std::optional<LaunchSpec::Mode> mode = LaunchSpec::modeFromName(demo)) {
        demoSpec = LaunchSpec::seedExample();
        demoSpec->mode = *mode;
    } else if (demo.startsWith(QLatin1Char('{'))) {
        QString error;
        demoSpec = LaunchSpec::fromJson(QJsonDocument::fromJson(demo.toUtf8()).object(), &error);
        if (!demoSpec)
            qWarning("TWINRUN_DEMO_LAUNCH: %s", qPrintable(error));
    }
    if (demoSpec) {
        QTimer::singleShot(0, this, [this, spec = *demoSpec] {
            m_launchPanel->setSpec(spec);
            launch(spec);
        });
    }
}

MainWindow::~MainWindow()
{
    // The views point into the session, which as the first child would be destroyed first.
    delete takeCentralWidget();
}

QWidget* MainWindow::buildLeftSide()
{
    m_leftSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_launchPanel = new LaunchPanel(m_leftSplitter);
    m_parityPanel = new ParityPanel(m_leftSplitter);
    m_leftSplitter->setObjectName(QStringLiteral("leftSplitter"));
    m_leftSplitter->addWidget(m_launchPanel);
    m_leftSplitter->addWidget(m_parityPanel);
    m_leftSplitter->setChildrenCollapsible(false);
    m_leftSplitter->setStretchFactor(0, 1);
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
    m_outputTabs->addTab(m_comparePanel, tr("Compare Thread / Process"));

    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(m_workersPanel);
    m_rightSplitter->addWidget(m_outputTabs);
    m_rightSplitter->setChildrenCollapsible(false);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setSizes({200, 600});
    return m_rightSplitter;
}

Status MainWindow::savePreset(const QString& path) const
{
    return writeLaunchSpecFile(path, m_launchPanel->spec());
}

Status MainWindow::openPreset(const QString& path)
{
    QString error;
    const std::optional<LaunchSpec> spec = readLaunchSpecFile(path, &error);
    if (!spec)
        return Status::error(tr("Cannot open %1: %2").arg(path, error));
    m_launchPanel->setSpec(*spec);
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return Status::ok();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_launchPanel->launchAction());
    QAction* reset = file->addAction(tr("Reset Form to the Seed Example"));
    reset->setObjectName(QStringLiteral("resetFormAction"));
    connect(reset, &QAction::triggered, this,
            [this] { m_launchPanel->setSpec(LaunchSpec::seedExample()); });
    file->addSeparator();
    QAction* open = file->addAction(tr("&Open Preset..."));
    open->setObjectName(QStringLiteral("openPresetAction"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Preset"), {},
                                                          tr("TwinRun presets (*.json)"));
        if (path.isEmpty())
            return;
        if (const Status opened = openPreset(path); !opened)
            QMessageBox::warning(this, tr("Open Preset"), opened.message());
    });
    QAction* save = file->addAction(tr("&Save Preset..."));
    save->setObjectName(QStringLiteral("savePresetAction"));
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Preset"), QStringLiteral("preset.json"), tr("TwinRun presets (*.json)"));
        if (path.isEmpty())
            return;
        if (const Status saved = savePreset(path); !saved)
            QMessageBox::warning(this, tr("Save Preset"), saved.message());
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    // The window owns Ctrl+F so it works wherever the focus is, also from the Compare tab.
    QAction* find = edit->addAction(tr("&Find in Output"));
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_outputTabs->setCurrentIndex(kOutputTab);
        m_outputPane->activateFind();
    });
    QAction* filter = edit->addAction(tr("Filter &Workers"));
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(filter, &QAction::triggered, this, [this] {
        m_workersPanel->filterEdit()->setFocus();
        m_workersPanel->filterEdit()->selectAll();
    });

    QMenu* workers = menuBar()->addMenu(tr("&Workers"));
    workers->addActions(m_workersPanel->workerActions());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About TwinRun"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About TwinRun"),
            tr("<h3>TwinRun %1</h3><p>Python's <tt>threading.Thread</tt> and "
               "<tt>multiprocessing.Process</tt>, in C++ and Qt: one Worker API, a thread "
               "backend and a process backend. Launch a call both ways and compare.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

QList<Worker*> MainWindow::launch(const LaunchSpec& spec)
{
    const QList<Worker*> workers = m_session->launch(spec);
    if (workers.isEmpty())
        return workers;
    m_workersPanel->selectWorker(workers.first());
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

void MainWindow::showStatusMessage(const QString& message)
{
    statusBar()->showMessage(message, kStatusMessageMs);
}

void MainWindow::showWorker(Worker* worker)
{
    m_outputPane->setWorker(worker, worker ? m_session->log(worker) : nullptr);
    Worker* partner = worker ? m_session->partner(worker) : nullptr;
    m_comparePanel->setWorkers(partner ? worker : nullptr, partner);
    m_outputTabs->setTabEnabled(kCompareTab, partner != nullptr);
    m_outputTabs->setTabToolTip(kCompareTab, partner ? QString()
                                                     : tr("Select a worker launched in Both "
                                                          "mode to compare its two runs"));
    m_outputTabs->setCurrentIndex(partner ? kCompareTab : kOutputTab);
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

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Daemons do not hold the app open, as in Python; the others are the user's call.
    m_session->stopAll(true);
    m_closeWhenIdle = false;
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
    if (m_leftSplitterRestored)
        return;
    // Only now are widths known, and with them the form's height (its labels wrap): all of
    // the form down to Launch first, the parity panel gets the rest.
    m_leftSplitterRestored = true;
    const int form = m_launchPanel->idealHeight();
    const int total = m_leftSplitter->height() - m_leftSplitter->handleWidth();
    m_leftSplitter->setSizes({form, std::max(total - form, 0)});
}

void MainWindow::closeWhenIdle()
{
    m_closeWhenIdle = true;
    const qsizetype count = m_session->running().size();
    statusBar()->showMessage(
        count == 1 ? tr("Closing when the running worker has ended…")
                   : tr("Closing when the %1 running workers have ended…").arg(count));
}

void MainWindow::closeIfIdle()
{
    // Queued: close from the event loop, not from inside the worker's signal.
    if (m_closeWhenIdle && m_session->running().isEmpty())
        QTimer::singleShot(0, this, &QWidget::close);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_mainSplitter->restoreState(settings.value(kMainSplitterKey).toByteArray());
    m_leftSplitterRestored =
        m_leftSplitter->restoreState(settings.value(kLeftSplitterKey).toByteArray());
    m_rightSplitter->restoreState(settings.value(kRightSplitterKey).toByteArray());
    m_comparePanel->splitter()->restoreState(settings.value(kCompareSplitterKey).toByteArray());
    m_workersPanel->view()->horizontalHeader()->restoreState(
        settings.value(kColumnsKey).toByteArray());
    const QJsonDocument form = QJsonDocument::fromJson(settings.value(kLastFormKey).toByteArray());
    if (const std::optional<LaunchSpec> spec = LaunchSpec::fromJson(form.object(), nullptr))
        m_launchPanel->setSpec(*spec);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kMainSplitterKey, m_mainSplitter->saveState());
    settings.setValue(kLeftSplitterKey, m_leftSplitter->saveState());
    settings.setValue(kRightSplitterKey, m_rightSplitter->saveState());
    settings.setValue(kCompareSplitterKey, m_comparePanel->splitter()->saveState());
    settings.setValue(kColumnsKey, m_workersPanel->view()->horizontalHeader()->saveState());
    settings.setValue(kLastFormKey,
                      QJsonDocument(m_launchPanel->spec().toJson()).toJson(QJsonDocument::Compact));
}

} // namespace twinrun
