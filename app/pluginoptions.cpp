#include "pluginoptions.h"

#include "clitext.h"

#include <twinrun/pluginloader.h>
#include <twinrun/target.h>

#include <cstdio>

namespace twinrun {

namespace {

void warn(const QStringList& problems)
{
    for (const QString& problem : problems)
        std::fprintf(stderr, "twinrun: %s\n",
                     CliText::tr("warning: skipped %1").arg(problem).toUtf8().constData());
}

} // namespace

QCommandLineOption pluginOption()
{
    return {QStringLiteral("plugin"),
            CliText::tr("Load the plugin FILE first (repeatable): its targets are named "
                        "<plugin>.<function>. Plugins in TWINRUN_PLUGIN_PATH and the user's "
                        "plugin folder are found without it."),
            QStringLiteral("FILE")};
}

QString loadPluginFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        if (const PluginLoad load = loadPlugin(path); !load)
            return load.error;
    }
    return {};
}

QString loadPluginOfTarget(WorkerSpec* spec)
{
    if (!spec->plugin.isEmpty()) {
        if (const PluginLoad load = loadPlugin(spec->plugin); !load)
            return load.error;
    } else if (const QString plugin = pluginNameOfTarget(spec->target);
               !plugin.isEmpty() && !TargetRegistry::instance().find(spec->target)) {
        warn(loadPluginFolders(plugin).problems);
    }
    if (const Target* target = TargetRegistry::instance().find(spec->target))
        spec->plugin = target->plugin;
    return {};
}

void loadAllPlugins()
{
    warn(loadPluginFolders().problems);
}

} // namespace twinrun
