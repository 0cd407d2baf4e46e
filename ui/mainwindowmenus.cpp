// MainWindow's menus, presets and settings (the window itself is in mainwindow.cpp).
#include "mainwindow.h"

#include "benchdialog.h"
#include "comparepanel.h"
#include "helppages.h"
#include "launchpanel.h"
#include "outputpane.h"
#include "pluginloadqueue.h"
#include "workerspanel.h"
#include <twinrun/outputlog.h>
#include <twinrun/session.h>

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

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
const QString kFormStateKey = QStringLiteral("launch/form");
const QString kOutputLinesKey = QStringLiteral("output/maxLines");

constexpr int kOutputTab = 0;

} // namespace

Status MainWindow::savePreset(const QString& path) const
{
    if (!m_launchPanel->isValid())
        return Status::error(tr("The form is not a valid call: %1").arg(m_launchPanel->problem()));
    return writeLaunchSpecFile(path, m_launchPanel->spec());
}

Status MainWindow::openPreset(const QString& path)
{
    QString error;
    const std::optional<LaunchSpec> spec = readLaunchSpecFile(path, &error);
    if (!spec)
        return Status::error(tr("Cannot open %1: %2").arg(path, error));
    const auto show = [this, path](const LaunchSpec& s) {
        m_launchPanel->setSpec(s);
        statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    };
    const QString& plugin = spec->worker.plugin;
    const Target* target = TargetRegistry::instance().find(spec->worker.target);
    if (plugin.isEmpty() || (target && target->plugin == QFileInfo(plugin).canonicalFilePath())) {
        show(*spec);
        return Status::ok();
    }
    // Its plugin first, off the GUI thread; the form changes only once it is loaded.
    m_pluginQueue->loadFile(plugin, [this, path, show, s = *spec](const PluginScan& result) {
        if (result.loaded.isEmpty()) {
            showRefusal(tr("Open Preset"),
                        tr("Cannot open %1: %2").arg(path, result.problems.value(0)));
            return;
        }
        rememberPlugin(result.loaded.first().file);
        show(s);
    });
    return Status::ok();
}

QString MainWindow::suggestedPresetPath() const
{
    const QString folder =
        QSettings().value(QStringLiteral("presets/folder"), QDir::homePath()).toString();
    QString name = m_launchPanel->spec().worker.target;
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    if (name.isEmpty())
        name = QStringLiteral("preset");
    return QDir(folder).filePath(name + QStringLiteral(".json"));
}

void MainWindow::savePresetAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Preset"), suggestedPresetPath(), tr("TwinRun presets (*.json)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("presets/folder"), QFileInfo(path).absolutePath());
    if (const Status saved = savePreset(path); !saved)
        QMessageBox::warning(this, tr("Save Preset"), saved.message());
}

void MainWindow::askOutputLineLimit()
{
    bool ok = false;
    const int lines = QInputDialog::getInt(
        this, tr("Output Line Limit"),
        tr("Lines kept per worker (the view shows them, Save writes them; earlier ones are "
           "dropped and counted):"),
        m_outputLineLimit, 100, 10'000'000, 1000, &ok);
    if (ok)
        setOutputLineLimit(lines);
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
    connect(save, &QAction::triggered, this, &MainWindow::savePresetAs);
    file->addSeparator();
    QAction* plugin = file->addAction(tr("Load &Plugin…"));
    plugin->setObjectName(QStringLiteral("loadPluginAction"));
    plugin->setToolTip(tr("Load a plugin (a lib<name>.so built with twinrun_add_plugin): its "
                          "targets join the list"));
    connect(plugin, &QAction::triggered, this, &MainWindow::askPluginFile);
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
    edit->addSeparator();
    QAction* limit = edit->addAction(tr("Output &Line Limit…"));
    limit->setObjectName(QStringLiteral("outputLimitAction"));
    connect(limit, &QAction::triggered, this, &MainWindow::askOutputLineLimit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_codePanelAction = view->addAction(tr("&Code Panel (Python and C++)"));
    m_codePanelAction->setObjectName(QStringLiteral("codePanelAction"));
    m_codePanelAction->setCheckable(true);
    m_codePanelAction->setChecked(true);
    m_codePanelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_codePanelAction, &QAction::triggered, this, &MainWindow::setCodePanelVisible);
    view->addMenu(m_workersPanel->columnsMenu());

    QMenu* workers = menuBar()->addMenu(tr("&Workers"));
    workers->addActions(m_workersPanel->workerActions());
    workers->addSeparator();
    workers->addAction(m_workersPanel->joinTimeoutAction());

    buildHelpMenu();
}

void MainWindow::buildHelpMenu()
{
    QMenu* tools = menuBar()->addMenu(tr("T&ools"));
    QAction* benchmark = tools->addAction(tr("&Benchmark…"));
    benchmark->setObjectName(QStringLiteral("benchmarkAction"));
    connect(benchmark, &QAction::triggered, this, [this] {
        auto* dialog = findChild<BenchDialog*>(); // one, kept with its last charts
        if (!dialog)
            dialog = new BenchDialog(this);
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* what = help->addAction(tr("&What Is This? Threads and Processes"));
    what->setObjectName(QStringLiteral("whatIsThisAction"));
    what->setShortcut(QKeySequence::HelpContents);
    connect(what, &QAction::triggered, this, [this] {
        showHelpPage(this, QStringLiteral("whatIsThisDialog"), tr("Threads and Processes"),
                     whatIsThisHelpHtml());
    });
    QAction* commandLine = help->addAction(tr("The &Command Line"));
    commandLine->setObjectName(QStringLiteral("commandLineAction"));
    connect(commandLine, &QAction::triggered, this, [this] {
        showHelpPage(this, QStringLiteral("commandLineDialog"), tr("The Command Line"),
                     commandLineHelpHtml());
    });
    help->addSeparator();
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

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_mainSplitterRestored =
        m_mainSplitter->restoreState(settings.value(kMainSplitterKey).toByteArray());
    m_leftSplitterRestored =
        m_leftSplitter->restoreState(settings.value(kLeftSplitterKey).toByteArray());
    m_rightSplitter->restoreState(settings.value(kRightSplitterKey).toByteArray());
    m_comparePanel->splitter()->restoreState(settings.value(kCompareSplitterKey).toByteArray());
    m_workersPanel->restoreColumns(settings.value(kColumnsKey).toByteArray());
    setOutputLineLimit(settings.value(kOutputLinesKey, int(OutputLog::Limits{}.maxLines)).toInt());
    // The form as typed; an older TwinRun kept it as a launch spec.
    const QJsonDocument form = QJsonDocument::fromJson(settings.value(kFormStateKey).toByteArray());
    if (m_launchPanel->setFormState(form.object()))
        return;
    const QJsonDocument spec = QJsonDocument::fromJson(settings.value(kLastFormKey).toByteArray());
    if (const std::optional<LaunchSpec> s = LaunchSpec::fromJson(spec.object(), nullptr))
        m_launchPanel->setSpec(*s);
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
    settings.setValue(kColumnsKey, m_workersPanel->saveColumns());
    settings.setValue(kFormStateKey,
                      QJsonDocument(m_launchPanel->formState()).toJson(QJsonDocument::Compact));
    settings.remove(kLastFormKey);
}

} // namespace twinrun
