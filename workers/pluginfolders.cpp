// Plugin folders: TWINRUN_PLUGIN_PATH and the per-user folder. See twinrun/pluginloader.h.
#include "pluginloading.h"

#include <twinrun/pluginloader.h>

#include <QDir>
#include <QStandardPaths>

namespace twinrun {

QString userPluginFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/twinrun/plugins");
}

QStringList pluginFolders()
{
    QStringList folders;
    for (const QString& folder :
         qEnvironmentVariable("TWINRUN_PLUGIN_PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
        folders << folder;
    folders << userPluginFolder();
    return folders;
}

QList<PluginCandidate> findFolderPlugins(const QString& onlyPlugin, const QStringList& folders)
{
    QList<PluginCandidate> candidates;
    for (const QString& folder : folders) {
        const QDir dir(folder);
        const QStringList files =
            dir.entryList({QStringLiteral("*.so")}, QDir::Files | QDir::Readable, QDir::Name);
        for (const QString& name : files) {
            const QString path = dir.absoluteFilePath(name);
            // The marker only: a plugin that is not wanted never runs.
            const plugins::FileCheck file = plugins::checkPluginFile(path);
            if (!file.problem.isEmpty())
                candidates.append(
                    {path,
                     {},
                     plugins::pluginLabel(path) + QStringLiteral(": ") + file.problem.text()});
            else if (onlyPlugin.isEmpty() || file.name == onlyPlugin)
                candidates.append({path, file.name, {}});
        }
    }
    return candidates;
}

PluginScan loadPluginFolders(const QString& onlyPlugin, const QStringList& folders,
                             const PluginLoadOptions& options)
{
    PluginScan scan;
    QStringList namesLoaded;
    for (const PluginInfo& p : loadedPlugins())
        namesLoaded << p.name;
    for (const PluginCandidate& candidate : findFolderPlugins(onlyPlugin, folders)) {
        if (!candidate.problem.isEmpty()) {
            scan.problems << candidate.problem;
            continue;
        }
        if (namesLoaded.contains(candidate.name))
            continue; // the first file of a name wins; a plugin loaded already never runs again
        const PluginLoad load = loadPlugin(candidate.file, options);
        if (!load) {
            scan.problems << load.error;
            continue;
        }
        namesLoaded << load.plugin->name;
        scan.loaded << *load.plugin;
    }
    return scan;
}

} // namespace twinrun
