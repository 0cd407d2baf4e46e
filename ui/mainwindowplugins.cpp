// MainWindow's plugins: loading them at start and from File > Load Plugin (off the GUI thread,
// through PluginLoadQueue), remembering them, and the one-time notice for a plugin target run
// as a thread. See the class comment in mainwindow.h.
#include "mainwindow.h"

#include "launchpanel.h"
#include "messagebar.h"
#include "pluginloadqueue.h"
#include <twinrun/pluginloader.h>
#include <twinrun/worker.h>

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace twinrun {

namespace {

const QString kLoadedPluginsKey = QStringLiteral("plugins/loaded");
const QString kThreadNoticeKey = QStringLiteral("plugins/threadNoticeShown");
const QString kPluginFolderKey = QStringLiteral("plugins/folder");

} // namespace

void MainWindow::buildPluginLoading()
{
    m_pluginQueue = new PluginLoadQueue(this);
    connect(m_pluginQueue, &PluginLoadQueue::checking, this, [this](const QString& file) {
        m_checkingMessage = tr("Checking the plugin %1…").arg(QFileInfo(file).fileName());
        statusBar()->showMessage(m_checkingMessage);
    });
    connect(m_pluginQueue, &PluginLoadQueue::idle, this, [this] {
        if (statusBar()->currentMessage() == m_checkingMessage)
            statusBar()->clearMessage();
    });
    connect(m_pluginQueue, &PluginLoadQueue::pluginsChanged, m_launchPanel,
            &LaunchPanel::refreshTargets);
}

void MainWindow::loadStartupPlugins()
{
    QStringList files = QSettings().value(kLoadedPluginsKey).toStringList();
    // The restored form's plugin, if it names one.
    if (const QString formPlugin = m_launchPanel->spec().worker.plugin;
        !formPlugin.isEmpty() && !files.contains(formPlugin))
        files << formPlugin;
    m_pluginQueue->load(pluginFolders(), files, [this, files](const PluginScan& result) {
        QStringList loaded;
        for (const PluginInfo& plugin : loadedPlugins())
            loaded << plugin.file;
        QStringList kept;
        for (const QString& file : files) {
            if (loaded.contains(QFileInfo(file).canonicalFilePath()))
                kept << file;
        }
        // A file refused is forgotten: said once here, not at every start.
        QSettings().setValue(kLoadedPluginsKey, kept);
        if (result.problems.isEmpty())
            return;
        m_noticeBar->showMessage(tr("Plugins not loaded (File > Load Plugin… tries again):\n%1")
                                     .arg(result.problems.join(QLatin1Char('\n'))),
                                 MessageBar::Kind::Warning);
    });
}

void MainWindow::askPluginFile()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load Plugin"), settings.value(kPluginFolderKey, userPluginFolder()).toString(),
        tr("TwinRun plugins (*.so)"));
    if (path.isEmpty())
        return;
    settings.setValue(kPluginFolderKey, QFileInfo(path).absolutePath());
    loadPluginFile(path);
}

void MainWindow::loadPluginFile(const QString& path)
{
    m_pluginQueue->loadFile(path, [this](const PluginScan& result) {
        if (result.loaded.isEmpty()) {
            showRefusal(tr("Load Plugin"), result.problems.value(0));
            return;
        }
        const PluginInfo& plugin = result.loaded.first();
        rememberPlugin(plugin.file);
        m_launchPanel->pickTarget(plugin.targets.value(0));
        showStatusMessage(tr("Loaded the plugin %1: %n target(s)", nullptr, plugin.targets.size())
                              .arg(plugin.name));
    });
}

void MainWindow::showRefusal(const QString& title, const QString& text)
{
    // Window-modal and not waited for: the window goes on (workers, their output) meanwhile.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("refusalBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText); // the reason quotes a file name
    box->open();
}

void MainWindow::whenPluginLoaded(const QString& plugin,
                                  std::function<void(const QString&)> then)
{
    if (plugin.isEmpty()) {
        QTimer::singleShot(0, this, [then] { then({}); });
        return;
    }
    m_pluginQueue->loadFile(plugin, [then](const PluginScan& result) {
        then(result.loaded.isEmpty() ? result.problems.value(0) : QString());
    });
}

void MainWindow::rememberPlugin(const QString& file)
{
    QSettings settings;
    QStringList files = settings.value(kLoadedPluginsKey).toStringList();
    if (!files.contains(file))
        settings.setValue(kLoadedPluginsKey, files << file);
}

void MainWindow::noticePluginThreads(const QList<Worker*>& workers)
{
    for (const Worker* worker : workers) {
        const QString& plugin = worker->spec().plugin;
        if (worker->backend() != Backend::Thread || plugin.isEmpty() ||
            worker->state() == Worker::State::FailedToStart)
            continue;
        QSettings settings;
        QStringList noticed = settings.value(kThreadNoticeKey).toStringList();
        if (noticed.contains(plugin))
            return;
        settings.setValue(kThreadNoticeKey, noticed << plugin);
        m_noticeBar->showMessage(
            tr("%1 runs as a thread inside TwinRun, as every plugin target run as a thread does: "
               "if it crashes, TwinRun ends with it; if it never returns, it cannot be killed. "
               "Run it as a process to keep it isolated. (Said once for the plugin %2.)")
                .arg(worker->spec().target, QFileInfo(plugin).fileName()),
            MessageBar::Kind::Info);
        return;
    }
}

} // namespace twinrun
