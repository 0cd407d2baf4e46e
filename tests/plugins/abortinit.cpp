// A plugin whose static initialiser aborts: refused by the probe, never loaded.
#include "testplugin.h"

namespace {
const int aborted = testplugin::abortNow();
} // namespace

TWINRUN_PLUGIN(abortinit)
{
    testplugin::addNever(plugin, [] { return aborted; });
}
