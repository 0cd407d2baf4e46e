// A plugin built for another SDK: its marker names another tag. Its static initialiser would
// crash, so a refusal naming the SDK proves none of its code ran.
#include "testplugin.h"

namespace {
const int crashed = testplugin::dieBy(SIGSEGV);
} // namespace

// What TWINRUN_PLUGIN(wrongabi) writes, with an older tag.
extern "C" __attribute__((visibility("default"), used, section(TWINRUN_PLUGIN_SECTION)))
const char twinrun_plugin_marker[] =
    "TWINRUN_PLUGIN_ABI:0.1/qt6.2/libstdc++11/sdk1\nTWINRUN_PLUGIN_NAME:wrongabi";

extern "C" __attribute__((visibility("default"))) void
TWINRUN_PLUGIN_ENTRY(twinrun::PluginTargets& plugin)
{
    testplugin::addNever(plugin, [] { return crashed; });
}
