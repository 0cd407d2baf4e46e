#pragma once

#include <twinrun/workerspec.h>

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

namespace twinrun {

// Plugins on the command line: --plugin PATH (repeatable) and the plugin folders
// (TWINRUN_PLUGIN_PATH, the per-user folder; twinrun/pluginloader.h).

QCommandLineOption pluginOption();

// Loads each --plugin file in order: "" or the first refusal (one line naming the file).
QString loadPluginFiles(const QStringList& paths);

// Makes the spec's target known before it is checked: its plugin (a preset names it) is
// loaded, or, for a "<plugin>.<function>" target not loaded yet, the plugin of that name from
// the folders; then the spec names the plugin of its target. Files refused in the folders are
// reported as warnings on stderr and skipped. Returns "" or the refusal of spec.plugin.
QString loadPluginOfTarget(WorkerSpec* spec);

// Loads every plugin in the folders, for `twinrun targets`; files refused are warnings.
void loadAllPlugins();

} // namespace twinrun
