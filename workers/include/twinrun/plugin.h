#pragma once

// <twinrun/plugin.h>: targets of your own, as a plugin TwinRun loads (the plugin author's SDK).
//
// A plugin is a module library (built with twinrun_add_plugin() from the installed CMake
// package) holding one TWINRUN_PLUGIN(name) block that adds its targets, one add() per target:
//
//     #include <twinrun/plugin.h>
//
//     namespace {
//     int countBelow(twinrun::WorkerContext& context, const twinrun::BoundArgs& args)
//     {
//         const std::int64_t n = args[QStringLiteral("n")].toInt();
//         ...
//         context.print(QStringLiteral("%1 primes below %2").arg(found).arg(n));
//         return 0; // the exit code, as sys.exit() gives it
//     }
//     } // namespace
//
//     TWINRUN_PLUGIN(primes)
//     {
//         using twinrun::Param;
//         using twinrun::Value;
//         plugin.add(QStringLiteral("count_below"),
//                    QStringLiteral("Counts the primes below n (CPU-bound)."),
//                    {Param::positional(QStringLiteral("n"), {Value::Type::Int})}, countBelow);
//     }
//
// The rules are the built-ins' (twinrun/target.h): a target talks to the world through its
// WorkerContext (print, printError, isInterruptionRequested, sleep), returns its exit code, and
// reports an error by throwing twinrun::TargetError ("RuntimeError: <message>" on its stderr,
// exit code 1), on both backends. A target that must never run in a thread (it crashes, calls
// exit(), changes process-wide state) sets threadRefusal to the reason: it is then refused as a
// thread with that reason, like the built-in crash.
//
// Names: the plugin's name and each target's name are Python identifiers; the target runs as
// "<plugin>.<name>" ("primes.count_below"), as Python's spawn imports module.function.
// Signatures read as Python's do (Param::positional, varPositional, keywordOnly, varKeyword, in
// that order; no required positional after a defaulted one; unique names; defaults of a type
// the parameter accepts). A plugin whose signatures break these rules is refused as a whole,
// with the reason.
//
// What TwinRun does with a plugin (twinrun/pluginloader.h): before any of its code runs, it
// checks the file (an ELF shared library carrying the marker this macro writes) and the SDK
// version it was built for (the ABI tag below: TwinRun's major.minor, Qt's major.minor, the C++
// library, the SDK revision; any difference refuses it, "built for TwinRun SDK X, this is Y").
// Then it loads the plugin in a throwaway worker-program process that lists its targets; only
// if that succeeds is the plugin loaded into the app itself, for thread workers, and by path in
// every process worker's child. A plugin is never unloaded.
//
// The block below runs in each of those processes (the check, the app, every child): keep it
// to add() calls. Static initialisers run there too. A target run as a thread shares the app's
// fate: a crash in it ends the app, as in Python. Run it as a process to be safe.
//
// One TWINRUN_PLUGIN per plugin, in one of its source files.

#include <twinrun/target.h>
#include <twinrun/twinrun_workers_export.h>
#include <twinrun/version.h>
#include <twinrun/workercontext.h>

#include <QList>
#include <QtGlobal>

namespace twinrun {

// What the TWINRUN_PLUGIN block fills: the plugin's targets, by their bare names.
class TWINRUN_WORKERS_EXPORT PluginTargets {
public:
    // name is the function's name ("count_below"); the loader prefixes the plugin's. Returns
    // the target, to set more of it (threadRefusal, check, deterministic) before the next add().
    Target& add(QString name, QString description, QList<Param> params, Target::Function run);
    // The same with a whole Target (target.name as above).
    Target& add(Target target);
    const QList<Target>& targets() const { return m_targets; }

private:
    QList<Target> m_targets;
};

// The ABI tag of the SDK this code is compiled against (TWINRUN_PLUGIN_ABI_TAG); a plugin is
// loaded only by a TwinRun whose tag is the same.
TWINRUN_WORKERS_EXPORT QString pluginAbiTag();

} // namespace twinrun

// Bumped whenever what a plugin and TwinRun exchange changes without a TwinRun version change.
#define TWINRUN_PLUGIN_SDK_REVISION 1

#define TWINRUN_PLUGIN_STRINGIFY_(x) #x
#define TWINRUN_PLUGIN_STRINGIFY(x) TWINRUN_PLUGIN_STRINGIFY_(x)
#if defined(_LIBCPP_VERSION)
#define TWINRUN_PLUGIN_CXX_LIBRARY "libc++"
#elif defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI
#define TWINRUN_PLUGIN_CXX_LIBRARY "libstdc++11"
#else
#define TWINRUN_PLUGIN_CXX_LIBRARY "libstdc++98"
#endif

// "0.2/qt6.4/libstdc++11/sdk1"
// clang-format off
#define TWINRUN_PLUGIN_ABI_TAG                                                                     \
    TWINRUN_PLUGIN_STRINGIFY(TWINRUN_VERSION_MAJOR) "."                                            \
    TWINRUN_PLUGIN_STRINGIFY(TWINRUN_VERSION_MINOR)                                                \
    "/qt" TWINRUN_PLUGIN_STRINGIFY(QT_VERSION_MAJOR) "." TWINRUN_PLUGIN_STRINGIFY(QT_VERSION_MINOR) \
    "/" TWINRUN_PLUGIN_CXX_LIBRARY                                                                 \
    "/sdk" TWINRUN_PLUGIN_STRINGIFY(TWINRUN_PLUGIN_SDK_REVISION)
// clang-format on

// The marker the loader reads from the file, without running any of it: the section's name,
// and the two lines it holds, "TWINRUN_PLUGIN_ABI:<tag>\nTWINRUN_PLUGIN_NAME:<name>".
#define TWINRUN_PLUGIN_SECTION ".twinrun_plugin"
// The entry point the loader calls, once the marker is right.
#define TWINRUN_PLUGIN_ENTRY twinrun_plugin_register

// Defines the plugin `name` (a Python identifier, unquoted) and opens the block that adds its
// targets through `plugin` (a twinrun::PluginTargets&).
#define TWINRUN_PLUGIN(name)                                                                       \
    extern "C" __attribute__((visibility("default"), used, section(TWINRUN_PLUGIN_SECTION)))       \
    const char twinrun_plugin_marker[] =                                                           \
        "TWINRUN_PLUGIN_ABI:" TWINRUN_PLUGIN_ABI_TAG "\nTWINRUN_PLUGIN_NAME:" #name;               \
    static void twinrun_plugin_add_targets(::twinrun::PluginTargets& plugin);                      \
    extern "C" __attribute__((visibility("default"))) void TWINRUN_PLUGIN_ENTRY(                   \
        ::twinrun::PluginTargets& plugin)                                                          \
    {                                                                                              \
        twinrun_plugin_add_targets(plugin);                                                        \
    }                                                                                              \
    static void twinrun_plugin_add_targets(::twinrun::PluginTargets& plugin)
