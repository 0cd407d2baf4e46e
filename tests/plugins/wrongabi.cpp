// A plugin built for another SDK: its marker names another tag. Its static initialiser would
// crash, so a refusal naming the SDK proves none of its code ran.
#include <twinrun/plugin.h>

#include <csignal>

#include <sys/resource.h>

namespace {
const int crashed = [] {
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    std::signal(SIGSEGV, SIG_DFL);
    std::raise(SIGSEGV);
    return 0;
}();
} // namespace

// What TWINRUN_PLUGIN(wrongabi) writes, with an older tag.
extern "C" __attribute__((visibility("default"), used, section(TWINRUN_PLUGIN_SECTION)))
const char twinrun_plugin_marker[] =
    "TWINRUN_PLUGIN_ABI:0.1/qt6.2/libstdc++11/sdk1\nTWINRUN_PLUGIN_NAME:wrongabi";

extern "C" __attribute__((visibility("default"))) void
TWINRUN_PLUGIN_ENTRY(twinrun::PluginTargets& plugin)
{
    plugin.add(QStringLiteral("never"), QStringLiteral("Never registered."), {},
               [](twinrun::WorkerContext&, const twinrun::BoundArgs&) { return crashed; });
}
