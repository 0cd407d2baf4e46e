#pragma once

// The plugin loader's parts (the public side: twinrun/pluginloader.h), shared by the app's
// loader, the probe child and the worker child, so that all three apply the same checks.

#include "pluginmessage.h"

#include <twinrun/target.h>

#include <QList>
#include <QString>

namespace twinrun::plugins {

// What the file says about itself, read (bounded) and never run: the ELF header, the section
// TWINRUN_PLUGIN_SECTION and the marker in it.
struct FileCheck {
    QString file;          // absolute and canonical
    QString name;          // the plugin's name, from its marker
    PluginMessage problem; // why it is refused ("no such file"), without the label; empty: passed
};
FileCheck checkPluginFile(const QString& path);

// "plugin '/x/libp.so'": how every refusal line starts.
QString pluginLabel(const QString& path);

// The plugin's code, loaded here (dlopen RTLD_NOW | RTLD_LOCAL) and asked for its targets,
// which come back named "<plugin>.<function>", Target::plugin set, checked by checkTargets().
// On error the library is closed again and error says why (without the label).
struct Opened {
    QList<Target> targets;
    PluginMessage error;
    void* handle = nullptr; // while open
};
Opened openPlugin(const FileCheck& file);
// Forgets the targets, then unloads the code (for a plugin opened but then refused).
void closePlugin(Opened& opened);

// The one rule for what a plugin may register (see twinrun/plugin.h): none or what is wrong,
// naming the target and the parameter.
PluginMessage checkTargets(const QList<Target>& targets);

// Registers targets from one plugin unless a name is taken (by a target or another plugin of
// that name): "" on success, else what clashes.
QString registerTargets(const FileCheck& file, const QList<Target>& targets);

// The child's side (spawn and fork-server children): the file checks and the loading above,
// without a probe (the app's probe passed before it launched the worker). "" or the line.
QString loadPluginInChild(const QString& path);

// The probe: the worker program started with this flag and the plugin's path loads it, then
// writes one JSON object on its stdout, {"name": ..., "targets": [...]} or {"error": ...} (the
// reason, without the label, as PluginMessage::toJson(): the app words it in its language), and
// exits 0. The plugin's own output (from static initialisers) goes to /dev/null.
inline constexpr char kProbeFlag[] = "--twinrun-plugin-probe";
bool isProbeInvocation(int argc, char** argv);
int runProbe(int argc, char** argv);

} // namespace twinrun::plugins
