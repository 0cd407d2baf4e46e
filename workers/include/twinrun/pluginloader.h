#pragma once

// Loading plugins (targets of a user's own, written with <twinrun/plugin.h>) into a program
// that runs workers: the command line, the window, any program built on TwinRun.

#include <twinrun/twinrun_workers_export.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace twinrun {

// A plugin loaded into this program.
struct TWINRUN_WORKERS_EXPORT PluginInfo {
    QString name;        // "primes"
    QString file;        // absolute and canonical: "/home/me/plugins/libprimes.so"
    QStringList targets; // as registered: "primes.count_below", ...

    friend bool operator==(const PluginInfo&, const PluginInfo&) = default;
};

// The outcome of loadPlugin(): the plugin, or one line that names the file and says what
// happened ("/x/libbad.so: crashed while loading: SIGSEGV"), in the program's language when it
// installed a translator for twinrun::Plugin (the twinrun app does), English otherwise.
struct TWINRUN_WORKERS_EXPORT PluginLoad {
    std::optional<PluginInfo> plugin;
    QString error;
    explicit operator bool() const { return plugin.has_value(); }
};

struct TWINRUN_WORKERS_EXPORT PluginLoadOptions {
    // How long the check in a throwaway process may take before the plugin is refused as
    // hung ("did not answer in 5 s").
    int probeTimeoutMs = 5000;
    // For a program that may stop waiting (a window closing while a plugin is checked): asked
    // every few milliseconds while the probe runs, on the thread that checks. Once it returns
    // true, the probe's child is killed and reaped at once and the plugin is refused ("the
    // check was cancelled"). Empty (the default): the check runs to its end.
    std::function<bool()> cancelled;
};

// Loads the plugin file at path, in this order, stopping at the first refusal:
//  1. the file: it exists, is a regular file, an ELF shared library for this machine, holds
//     TwinRun's plugin marker, built for this SDK (pluginAbiTag()); read, never run;
//  2. the probe: the worker program (workerProgram()) loads it in a throwaway child and lists
//     its targets; a crash, an abort, a hang (options.probeTimeoutMs), an exit or an answer
//     that is not a list of valid targets refuses it. None of its code has run here yet;
//  3. here: dlopen (RTLD_NOW | RTLD_LOCAL), its targets checked again (the same rules), its name
//     and its targets' names checked against what is loaded, then registered in
//     TargetRegistry as "<plugin>.<function>", with Target::plugin set to its file.
// A refusal changes nothing. Loading a file already loaded is a success that does nothing.
// Thread-safe; blocks while the probe runs (up to the timeout); the probe's child dies with
// the calling thread, which must outlive the call (it does: the call waits for it).
// loadPlugin() is checkPlugin() (steps 1 and 2), then loadCheckedPlugin() (step 3).
TWINRUN_WORKERS_EXPORT PluginLoad loadPlugin(const QString& path,
                                             const PluginLoadOptions& options = {});

// What steps 1 and 2 found: the plugin passed (or is loaded already) and none of its code has
// run in this program; or the refusal, one line naming the file.
struct TWINRUN_WORKERS_EXPORT PluginCheck {
    QString path;        // as given (refusals name it)
    QString file;        // absolute and canonical
    QString name;        // "primes"
    QStringList targets; // as the probe listed them: "primes.count_below", ...
    QString error;
    explicit operator bool() const { return error.isEmpty(); }
};

// Steps 1 and 2 of loadPlugin(), for a program that keeps the probe off a thread that must
// not block (the window checks on a thread of its own, then loads on its GUI thread).
// Thread-safe; blocks up to options.probeTimeoutMs (less if options.cancelled says so),
// without holding the loader's lock meanwhile (a loadPlugin() of a plugin already loaded
// answers at once on another thread).
// A file already loaded passes at once.
TWINRUN_WORKERS_EXPORT PluginCheck checkPlugin(const QString& path,
                                               const PluginLoadOptions& options = {});
// Step 3 of loadPlugin() for a check: a failed one is returned as its refusal; a passed one is
// loaded here (its marker read again must still name the same plugin and targets, and the
// names must still be free). Quick: no probe. Thread-safe.
TWINRUN_WORKERS_EXPORT PluginLoad loadCheckedPlugin(const PluginCheck& check);

// The plugins loaded into this program, in load order.
TWINRUN_WORKERS_EXPORT QList<PluginInfo> loadedPlugins();

// Plugin folders, where a plain plugin target ("primes.count_below") is looked for: the
// folders in TWINRUN_PLUGIN_PATH (':' separated, in order), then the per-user folder,
// userPluginFolder(). Each folder's *.so files are candidates, in name order.
TWINRUN_WORKERS_EXPORT QStringList pluginFolders();
// $XDG_DATA_HOME/twinrun/plugins (by default ~/.local/share/twinrun/plugins): the generic data
// location, so the command line and the window agree whatever their application names.
TWINRUN_WORKERS_EXPORT QString userPluginFolder();

// What loadPluginFolders() did.
struct TWINRUN_WORKERS_EXPORT PluginScan {
    QList<PluginInfo> loaded; // loaded by this scan
    QStringList problems;     // one line per file refused, naming it
};

// A plugin file in the plugin folders, as its marker names it (read, never run).
struct TWINRUN_WORKERS_EXPORT PluginCandidate {
    QString file;    // absolute, as found in its folder
    QString name;    // from its marker
    QString problem; // the marker's refusal, one line naming the file; "" when it passed
};
// The *.so files in folders, in order (folders in order, then file names); with onlyPlugin set,
// only those whose marker names it, and those refused. Quick: only markers are read.
// loadPluginFolders() loads what this finds.
TWINRUN_WORKERS_EXPORT QList<PluginCandidate> findFolderPlugins(const QString& onlyPlugin,
                                                                const QStringList& folders);

// Loads the plugins found in folders (by default pluginFolders()). With onlyPlugin set, only
// the files whose marker names that plugin are loaded ("primes" for "primes.count_below"):
// nothing else runs. The first file of a plugin name wins (folders in order, as PATH); later
// files of a name already loaded are skipped quietly. A file refused is reported in problems
// and the scan goes on.
TWINRUN_WORKERS_EXPORT PluginScan loadPluginFolders(const QString& onlyPlugin = {},
                                                    const QStringList& folders = pluginFolders(),
                                                    const PluginLoadOptions& options = {});

// "primes" for "primes.count_below"; "" for a name without a dot (a built-in).
TWINRUN_WORKERS_EXPORT QString pluginNameOfTarget(const QString& target);

} // namespace twinrun
